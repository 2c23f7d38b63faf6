import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrgNode } from '../../organizations/entities/org-node.entity';
import { RollRevision } from './roll-revision.entity';
import { User } from '../../users/entities/user.entity';
import type { OwnerKind } from '../roll-kinds';

/**
 * An owner (业主) on a compound's roll. One owner of several units is one record; the developer
 * holding unsold or undelivered units is one record of kind `developer` (counted as one person).
 */
@Entity('owner')
@Index('owner_one_developer_per_compound', ['unitId'], { unique: true, where: `"kind" = 'developer' AND "removed_revision_id" IS NULL` })
@Index('owner_id_hash_unique', ['unitId', 'idNumberHash'], { unique: true, where: `"id_number_hash" IS NOT NULL AND "removed_revision_id" IS NULL` })
@Check('owner_kind_valid', `"kind" IN ('person', 'developer')`)
@Check('owner_name_not_blank', `length(btrim("name")) > 0`)
@Check('owner_phone_format', `"phone" IS NULL OR "phone" ~ '^1[3-9][0-9]{9}$'`)
@Check('owner_id_last4_format', `"id_last4" IS NULL OR "id_last4" ~ '^[0-9A-Z]{4}$'`)
@Check('owner_id_parts_together', `("id_number_hash" IS NULL) = ("id_last4" IS NULL)`)
@Index('owner_user_idx', ['userId'], { where: `"user_id" IS NOT NULL` })
/** One account is one person: linked to at most one owner of a roll (who owns several units is one owner record). */
@Index('owner_one_per_account', ['unitId', 'userId'], { unique: true, where: `"user_id" IS NOT NULL AND "removed_revision_id" IS NULL` })
export class Owner {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('owner_unit_idx')
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  @ManyToOne(() => OrgNode, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'owner_unit_fk' })
  unit?: OrgNode;

  @Column({ type: 'text', default: 'person' })
  kind!: OwnerKind;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ name: 'id_number_hash', type: 'text', nullable: true })
  idNumberHash!: string | null;

  @Column({ name: 'id_last4', type: 'text', nullable: true })
  idLast4!: string | null;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'owner_user_fk' })
  user?: User | null;

  /** The revision that put this row on the roll. */
  @Column({ name: 'added_revision_id', type: 'uuid' })
  addedRevisionId!: string;

  @ManyToOne(() => RollRevision, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'added_revision_id', foreignKeyConstraintName: 'owner_added_revision_fk' })
  addedRevision?: RollRevision;

  /** The revision that took this row off the roll; null while it is on the current roll. */
  @Column({ name: 'removed_revision_id', type: 'uuid', nullable: true })
  removedRevisionId!: string | null;

  @ManyToOne(() => RollRevision, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'removed_revision_id', foreignKeyConstraintName: 'owner_removed_revision_fk' })
  removedRevision?: RollRevision | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
