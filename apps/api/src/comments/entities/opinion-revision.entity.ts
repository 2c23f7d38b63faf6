import { Column, Entity, Generated, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Consultation } from '../../consultations/entities/consultation.entity';

/**
 * The revision of a consultation's opinions as the adoption report shows them, kept by
 * PostgreSQL itself (migration OpinionRevisions): made with the consultation, replaced by a fresh
 * random value at commit of every change to its top-level opinions, their official replies, the display names they show
 * and the labels of its draft clauses. The API keeps report pages by it. No code writes it.
 */
@Entity('opinion_revision')
export class OpinionRevision {
  @PrimaryColumn({ name: 'consultation_id', type: 'uuid', primaryKeyConstraintName: 'PK_opinion_revision' })
  consultationId!: string;

  @OneToOne(() => Consultation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'consultation_id', foreignKeyConstraintName: 'opinion_revision_consultation_fk' })
  consultation?: Consultation;

  @Column({ type: 'uuid' })
  @Generated('uuid')
  revision!: string;
}
