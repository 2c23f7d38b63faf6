import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { OrgNode } from '../../organizations/entities/org-node.entity';
import { ExclusiveUnit } from './exclusive-unit.entity';
import { Owner } from './owner.entity';

/**
 * Who owns which exclusive unit. A co-owned unit has several rows and exactly one designated
 * voter among them (at most one is enforced by a unique index).
 */
@Entity('ownership')
@Unique('ownership_unique', ['exclusiveUnitId', 'ownerId'])
@Index('ownership_one_designated_voter', ['exclusiveUnitId'], { unique: true, where: `"is_designated_voter"` })
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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
