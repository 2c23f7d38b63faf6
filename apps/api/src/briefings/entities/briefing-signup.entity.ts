import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../../users/entities/user.entity';
import { Briefing } from './briefing.entity';

/** A resident signed up for a briefing; attendance is recorded at the door. */
@Entity('briefing_signup')
export class BriefingSignup {
  @PrimaryColumn({ name: 'briefing_id', type: 'uuid' })
  briefingId!: string;

  @ManyToOne(() => Briefing, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'briefing_id', foreignKeyConstraintName: 'briefing_signup_briefing_fk' })
  briefing?: Briefing;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'briefing_signup_user_fk' })
  user?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'attended_at', type: 'timestamptz', nullable: true })
  attendedAt!: Date | null;
}
