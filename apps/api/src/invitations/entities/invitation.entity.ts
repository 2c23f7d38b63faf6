import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrgNode } from '../../organizations/entities/org-node.entity';
import { Member } from '../../rolls/entities/member.entity';
import { Owner } from '../../rolls/entities/owner.entity';
import { Tenant } from '../../rolls/entities/tenant.entity';
import { InvitationPrint } from './invitation-print.entity';
import { User } from '../../users/entities/user.entity';

/**
 * An invitation letter's one-time code for one person on a roll (实名 linking). Only the code's
 * keyed hash is stored; a person has at most one live invitation (issuing again revokes the old).
 */
@Entity('invitation')
@Check('invitation_one_person', `num_nonnulls("member_id", "owner_id", "tenant_id") = 1`)
@Check('invitation_proof_failures_not_negative', `"proof_failures" >= 0`)
@Check('invitation_used_by_with_used_at', `("used_at" IS NULL) = ("used_by" IS NULL)`)
@Index('invitation_live_member', ['memberId'], { unique: true, where: `"used_at" IS NULL AND "revoked_at" IS NULL AND "member_id" IS NOT NULL` })
@Index('invitation_live_owner', ['ownerId'], { unique: true, where: `"used_at" IS NULL AND "revoked_at" IS NULL AND "owner_id" IS NOT NULL` })
@Index('invitation_live_tenant', ['tenantId'], { unique: true, where: `"used_at" IS NULL AND "revoked_at" IS NULL AND "tenant_id" IS NOT NULL` })
export class Invitation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('invitation_unit_idx')
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  @ManyToOne(() => OrgNode, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'invitation_unit_fk' })
  unit?: OrgNode;

  @Column({ name: 'member_id', type: 'uuid', nullable: true })
  memberId!: string | null;

  @ManyToOne(() => Member, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'member_id', foreignKeyConstraintName: 'invitation_member_fk' })
  member?: Member | null;

  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  ownerId!: string | null;

  @ManyToOne(() => Owner, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'owner_id', foreignKeyConstraintName: 'invitation_owner_fk' })
  owner?: Owner | null;

  @Column({ name: 'tenant_id', type: 'uuid', nullable: true })
  tenantId!: string | null;

  @ManyToOne(() => Tenant, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'invitation_tenant_fk' })
  tenant?: Tenant | null;

  @Index('invitation_code_hash_unique', { unique: true })
  @Column({ name: 'code_hash', type: 'text' })
  codeHash!: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'invitation_created_by_fk' })
  creator?: User | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @Column({ name: 'used_by', type: 'uuid', nullable: true })
  usedBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'used_by', foreignKeyConstraintName: 'invitation_used_by_fk' })
  user?: User | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  /** The printing that put this letter on paper (null for letters printed before prints were kept). */
  @Index('invitation_print_idx')
  @Column({ name: 'print_id', type: 'uuid', nullable: true })
  printId!: string | null;

  @ManyToOne(() => InvitationPrint, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'print_id', foreignKeyConstraintName: 'invitation_print_fk' })
  print?: InvitationPrint | null;

  /** Wrong answers to "prove this letter is yours"; at the limit the letter is revoked. */
  @Column({ name: 'proof_failures', type: 'integer', default: 0 })
  proofFailures!: number;
}
