import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrgNode } from '../../organizations/entities/org-node.entity';
import { Consultation } from './consultation.entity';

/** The units a consultation concerns: their residents read and comment. */
@Entity('consultation_unit')
@Index('consultation_unit_unit_idx', ['unitId'])
export class ConsultationUnit {
  @PrimaryColumn({ name: 'consultation_id', type: 'uuid' })
  consultationId!: string;

  @ManyToOne(() => Consultation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'consultation_id', foreignKeyConstraintName: 'consultation_unit_consultation_fk' })
  consultation?: Consultation;

  @PrimaryColumn({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  @ManyToOne(() => OrgNode, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'consultation_unit_unit_fk' })
  unit?: OrgNode;
}
