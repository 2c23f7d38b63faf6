import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrgNode } from '../../organizations/entities/org-node.entity';
import { RollRevision } from './roll-revision.entity';

/** A household (户) on a cooperative's roll. */
@Entity('household')
@Index('household_number_unique', ['unitId', 'number'], { unique: true, where: `"removed_revision_id" IS NULL` })
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

  /** The natural sort key of the number (yishi_natural_key), set by PostgreSQL on every write (trigger household_sort_key): never written or read as a field. */
  @Column({ name: 'number_sort', type: 'text', collation: 'C', select: false, insert: false, update: false })
  numberSort?: string;

  @Column({ type: 'text', nullable: true })
  address!: string | null;

  /** The revision that put this row on the roll. */
  @Column({ name: 'added_revision_id', type: 'uuid' })
  addedRevisionId!: string;

  @ManyToOne(() => RollRevision, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'added_revision_id', foreignKeyConstraintName: 'household_added_revision_fk' })
  addedRevision?: RollRevision;

  /** The revision that took this row off the roll; null while it is on the current roll. */
  @Column({ name: 'removed_revision_id', type: 'uuid', nullable: true })
  removedRevisionId!: string | null;

  @ManyToOne(() => RollRevision, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'removed_revision_id', foreignKeyConstraintName: 'household_removed_revision_fk' })
  removedRevision?: RollRevision | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
