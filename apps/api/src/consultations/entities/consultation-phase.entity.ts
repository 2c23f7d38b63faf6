import type { ConsultationPhase } from '@yishi/contracts';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Consultation } from './consultation.entity';

/** The planned dates of a phase; the phase job moves a consultation on when the next one starts. */
@Entity('consultation_phase')
@Check('consultation_phase_phase_valid', `"phase" IN ('draft', 'briefing', 'comment', 'revision', 'voting', 'notice', 'follow_up')`)
@Check('consultation_phase_dates_order', `"ends_at" IS NULL OR "ends_at" > "starts_at"`)
export class ConsultationPhasePlan {
  @PrimaryColumn({ name: 'consultation_id', type: 'uuid' })
  consultationId!: string;

  @ManyToOne(() => Consultation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'consultation_id', foreignKeyConstraintName: 'consultation_phase_consultation_fk' })
  consultation?: Consultation;

  @PrimaryColumn({ type: 'text' })
  phase!: ConsultationPhase;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz', nullable: true })
  endsAt!: Date | null;
}
