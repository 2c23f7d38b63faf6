import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrgNode } from '../../organizations/entities/org-node.entity';
import { RollRevision } from './roll-revision.entity';
import { ExclusiveUnit } from './exclusive-unit.entity';
import { Owner } from './owner.entity';

/**
 * Who owns which exclusive unit. A co-owned unit has several rows and exactly one designated
 * voter among them (at most one is enforced by a unique index).
 */
@Entity('ownership')
@Index('ownership_unique', ['exclusiveUnitId', 'ownerId'], { unique: true, where: `"removed_revision_id" IS NULL` })
@Index('ownership_one_designated_voter', ['exclusiveUnitId'], { unique: true, where: `"is_designated_voter" AND "removed_revision_id" IS NULL` })
export class Ownership {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('ownership_unit_idx')
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  @ManyToOne(() => OrgNode, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'ownership_unit_fk' })
  unit?: OrgNode;

  @Column({ name: 'exclusive_unit_id', type: 'uuid' })
  exclusiveUnitId!: string;

  @ManyToOne(() => ExclusiveUnit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'exclusive_unit_id', foreignKeyConstraintName: 'ownership_exclusive_unit_fk' })
  exclusiveUnit?: ExclusiveUnit;

  @Index('ownership_owner_idx')
  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId!: string;

  @ManyToOne(() => Owner, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_id', foreignKeyConstraintName: 'ownership_owner_fk' })
  owner?: Owner;

  @Column({ name: 'is_designated_voter', type: 'boolean', default: true })
  isDesignatedVoter!: boolean;

  /** The revision that put this row on the roll. */
  @Column({ name: 'added_revision_id', type: 'uuid' })
  addedRevisionId!: string;

  @ManyToOne(() => RollRevision, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'added_revision_id', foreignKeyConstraintName: 'ownership_added_revision_fk' })
  addedRevision?: RollRevision;

  /** The revision that took this row off the roll; null while it is on the current roll. */
  @Column({ name: 'removed_revision_id', type: 'uuid', nullable: true })
  removedRevisionId!: string | null;

  @ManyToOne(() => RollRevision, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'removed_revision_id', foreignKeyConstraintName: 'ownership_removed_revision_fk' })
  removedRevision?: RollRevision | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
