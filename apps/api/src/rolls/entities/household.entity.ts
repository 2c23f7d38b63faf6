import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { OrgNode } from '../../organizations/entities/org-node.entity';

/** A household (户) on a cooperative's roll. */
@Entity('household')
@Unique('household_number_unique', ['unitId', 'number'])
@Check('household_number_not_blank', `length(btrim("number")) > 0`)
export class Household {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The cooperative (checked by trigger to be a cooperative). */
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  @ManyToOne(() => OrgNode, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'household_unit_fk' })
  unit?: OrgNode;

  /** Household number (户号) as printed on the roll, e.g. `NC-007`. */
  @Column({ type: 'text' })
  number!: string;

  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
