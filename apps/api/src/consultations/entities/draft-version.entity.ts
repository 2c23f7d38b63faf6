import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { User } from '../../users/entities/user.entity';
import { Consultation } from './consultation.entity';

/**
 * A version of the draft (草案). One version at a time is being edited; publishing it makes it
 * the current text and keeps every earlier version as it was.
 */
@Entity('draft_version')
@Unique('draft_version_number_unique', ['consultationId', 'number'])
@Index('draft_version_one_editing', ['consultationId'], { unique: true, where: `"published_at" IS NULL` })
@Check('draft_version_number_positive', `"number" >= 1`)
@Check('draft_version_title_length', `length(btrim("title")) BETWEEN 1 AND 200`)
@Check('draft_version_published_together', `("published_at" IS NULL) = ("published_by" IS NULL)`)
export class DraftVersion {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'consultation_id', type: 'uuid' })
  consultationId!: string;

  @ManyToOne(() => Consultation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'consultation_id', foreignKeyConstraintName: 'draft_version_consultation_fk' })
  consultation?: Consultation;

  @Column({ type: 'integer' })
  number!: number;

  /** e.g. 《南村地块土地整理方案（草案）》 */
  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', default: '' })
  preamble!: string;

  /** What changed from the previous version and why (shown with the diff). */
  @Column({ name: 'change_note', type: 'text', nullable: true })
  changeNote!: string | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'published_by', type: 'uuid', nullable: true })
  publishedBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'published_by', foreignKeyConstraintName: 'draft_version_published_by_fk' })
  publisher?: User | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'draft_version_created_by_fk' })
  creator?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
