import type { OrgNodeKind } from '@yishi/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A node of the organization tree: street (街道) → community (社区) → unit, a unit being an
 * economic cooperative (经济社) or a residential compound (小区). The parent's kind is checked
 * by a trigger (see the migration), so the tree cannot be built upside down.
 */
@Entity('org_node')
@Check('org_node_kind_valid', `"kind" IN ('street', 'community', 'cooperative', 'compound')`)
@Check('org_node_root_is_street', `("kind" = 'street') = ("parent_id" IS NULL)`)
@Check('org_node_code_format', `"code" ~ '^[a-z0-9][a-z0-9-]{0,62}$'`)
@Check('org_node_name_not_blank', `length(btrim("name")) > 0`)
export class OrgNode {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  kind!: OrgNodeKind;

  /** Stable short code used in addresses and files, e.g. `nancun`. */
  @Index('org_node_code_unique', { unique: true })
  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Index('org_node_parent_idx')
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => OrgNode, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'org_node_parent_fk' })
  parent?: OrgNode | null;

  /**
   * The node, its parent, … up to the street: what every access decision about the node reads.
   * Set by PostgreSQL on every write (trigger org_node_ancestry, and org_node_ancestry_below for the
   * nodes under one that moves): never written or read as a field.
   */
  @Column({ type: 'uuid', array: true, select: false, insert: false, update: false })
  ancestry?: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
