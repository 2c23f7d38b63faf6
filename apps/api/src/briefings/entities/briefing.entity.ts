import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Consultation } from '../../consultations/entities/consultation.entity';
import { User } from '../../users/entities/user.entity';

/** A briefing session (宣讲) on a consultation, e.g. at the branch's 组织生活馆. */
@Entity('briefing')
@Index('briefing_consultation_idx', ['consultationId', 'startsAt'])
@Check('briefing_dates_order', `"ends_at" > "starts_at"`)
@Check('briefing_capacity_positive', `"capacity" > 0`)
@Check('briefing_walk_ins_non_negative', `"walk_ins" >= 0`)
@Check('briefing_place_length', `length(btrim("place")) BETWEEN 1 AND 200`)
export class Briefing {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'consultation_id', type: 'uuid' })
  consultationId!: string;

  @ManyToOne(() => Consultation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'consultation_id', foreignKeyConstraintName: 'briefing_consultation_fk' })
  consultation?: Consultation;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Column({ type: 'text' })
  place!: string;

  @Column({ type: 'integer' })
  capacity!: number;

  @Column({ type: 'text', default: '' })
  notes!: string;

  /** People who came without signing up (counted at the door). */
  @Column({ name: 'walk_ins', type: 'integer', default: 0 })
  walkIns!: number;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'briefing_created_by_fk' })
  creator?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
