import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrgNode } from '../../organizations/entities/org-node.entity';
import { User } from '../../users/entities/user.entity';

/**
 * The append-only audit trail: who did what, when, on which node, with the state before and
 * after. A trigger in the migration refuses UPDATE, DELETE and TRUNCATE on this table.
 */
@Entity('audit_entry')
@Check('audit_entry_action_format', `"action" ~ '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$'`)
@Index('audit_entry_node_time_idx', ['nodeId', 'occurredAt'])
export class AuditEntry {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  /** Null for the system itself (seeding, scheduled jobs). */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'audit_entry_actor_fk' })
  actor?: User | null;

  @Column({ name: 'node_id', type: 'uuid', nullable: true })
  nodeId!: string | null;

  @ManyToOne(() => OrgNode, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'node_id', foreignKeyConstraintName: 'audit_entry_node_fk' })
  node?: OrgNode | null;

  /** Dotted verb, e.g. `roll.import`, `role.grant`. */
  @Column({ type: 'text' })
  action!: string;

  @Column({ name: 'entity_type', type: 'text' })
  entityType!: string;

  @Column({ name: 'entity_id', type: 'text', nullable: true })
  entityId!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before!: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after!: Record<string, unknown> | null;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId!: string | null;
}
