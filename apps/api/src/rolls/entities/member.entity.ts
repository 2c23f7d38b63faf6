import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrgNode } from '../../organizations/entities/org-node.entity';
import { RollRevision } from './roll-revision.entity';
import { User } from '../../users/entities/user.entity';
import { Household } from './household.entity';

/**
 * A member (成员) of an economic cooperative. Full civil capacity follows from the date of birth;
 * an identity number is never stored, only a keyed hash and its last four characters.
 */
@Entity('member')
@Index('member_one_head_per_household', ['householdId'], { unique: true, where: `"is_household_head" AND "removed_revision_id" IS NULL` })
@Index('member_one_representative_per_household', ['householdId'], { unique: true, where: `"is_household_representative" AND "removed_revision_id" IS NULL` })
@Index('member_id_hash_unique', ['unitId', 'idNumberHash'], { unique: true, where: `"id_number_hash" IS NOT NULL AND "removed_revision_id" IS NULL` })
@Index('member_natural_key_unique', ['householdId', 'name', 'birthDate'], { unique: true, where: `"removed_revision_id" IS NULL` })
@Check('member_name_not_blank', `length(btrim("name")) > 0`)
@Check('member_phone_format', `"phone" IS NULL OR "phone" ~ '^1[3-9][0-9]{9}$'`)
@Check('member_id_last4_format', `"id_last4" IS NULL OR "id_last4" ~ '^[0-9]{3}[0-9X]$'`)
@Check('member_id_parts_together', `("id_number_hash" IS NULL) = ("id_last4" IS NULL)`)
@Index('member_user_idx', ['userId'], { where: `"user_id" IS NOT NULL` })
/** One account is one person: linked to at most one member of a roll (who owns several units is one member record). */
@Index('member_one_per_account', ['unitId', 'userId'], { unique: true, where: `"user_id" IS NOT NULL AND "removed_revision_id" IS NULL` })
export class Member {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('member_unit_idx')
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  @ManyToOne(() => OrgNode, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'member_unit_fk' })
  unit?: OrgNode;

  @Index('member_household_idx')
  @Column({ name: 'household_id', type: 'uuid' })
  householdId!: string;

  @ManyToOne(() => Household, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'household_id', foreignKeyConstraintName: 'member_household_fk' })
  household?: Household;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'birth_date', type: 'date' })
  birthDate!: string;

  /** 户主 */
  @Column({ name: 'is_household_head', type: 'boolean', default: false })
  isHouseholdHead!: boolean;

  /** 户代表: speaks for the household where a rule counts households (vcl-22, vcl-28). */
  @Column({ name: 'is_household_representative', type: 'boolean', default: false })
  isHouseholdRepresentative!: boolean;

  /** 成员代表: sits in the member representative assembly (rceo-28). */
  @Column({ name: 'is_member_representative', type: 'boolean', default: false })
  isMemberRepresentative!: boolean;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  /** HMAC-SHA-256 of the normalised identity number under the deployment's key (hex). */
  @Column({ name: 'id_number_hash', type: 'text', nullable: true })
  idNumberHash!: string | null;

  @Column({ name: 'id_last4', type: 'text', nullable: true })
  idLast4!: string | null;

  /** The account linked to this roll entry (实名), if any. */
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'member_user_fk' })
  user?: User | null;

  /** The revision that put this row on the roll. */
  @Column({ name: 'added_revision_id', type: 'uuid' })
  addedRevisionId!: string;

  @ManyToOne(() => RollRevision, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'added_revision_id', foreignKeyConstraintName: 'member_added_revision_fk' })
  addedRevision?: RollRevision;

  /** The revision that took this row off the roll; null while it is on the current roll. */
  @Column({ name: 'removed_revision_id', type: 'uuid', nullable: true })
  removedRevisionId!: string | null;

  @ManyToOne(() => RollRevision, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'removed_revision_id', foreignKeyConstraintName: 'member_removed_revision_fk' })
  removedRevision?: RollRevision | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
