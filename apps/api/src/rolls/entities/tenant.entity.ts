import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrgNode } from '../../organizations/entities/org-node.entity';
import { RollRevision } from './roll-revision.entity';
import { User } from '../../users/entities/user.entity';
import { ExclusiveUnit } from './exclusive-unit.entity';

/** A tenant (租户): comments on the compound's matters but does not vote on owners' matters. */
@Entity('tenant')
@Index('tenant_name_per_unit_unique', ['exclusiveUnitId', 'name'], { unique: true, where: `"removed_revision_id" IS NULL` })
/** One account is one tenant of a compound. */
@Index('tenant_one_per_account', ['unitId', 'userId'], { unique: true, where: `"user_id" IS NOT NULL AND "removed_revision_id" IS NULL` })
@Check('tenant_name_not_blank', `length(btrim("name")) > 0`)
@Check('tenant_phone_format', `"phone" IS NULL OR "phone" ~ '^1[3-9][0-9]{9}$'`)
export class Tenant {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('tenant_unit_idx')
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  @ManyToOne(() => OrgNode, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'tenant_unit_fk' })
  unit?: OrgNode;

  @Column({ name: 'exclusive_unit_id', type: 'uuid' })
  exclusiveUnitId!: string;

  @ManyToOne(() => ExclusiveUnit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'exclusive_unit_id', foreignKeyConstraintName: 'tenant_exclusive_unit_fk' })
  exclusiveUnit?: ExclusiveUnit;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'tenant_user_fk' })
  user?: User | null;

  /** The revision that put this row on the roll. */
  @Column({ name: 'added_revision_id', type: 'uuid' })
  addedRevisionId!: string;

  @ManyToOne(() => RollRevision, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'added_revision_id', foreignKeyConstraintName: 'tenant_added_revision_fk' })
  addedRevision?: RollRevision;

  /** The revision that took this row off the roll; null while it is on the current roll. */
  @Column({ name: 'removed_revision_id', type: 'uuid', nullable: true })
  removedRevisionId!: string | null;

  @ManyToOne(() => RollRevision, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'removed_revision_id', foreignKeyConstraintName: 'tenant_removed_revision_fk' })
  removedRevision?: RollRevision | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
