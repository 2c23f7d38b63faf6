import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { Actor } from '../common/actor';
import { currentRequest } from '../common/request-context';
import { AuditEntry } from './entities/audit-entry.entity';

export interface AuditRecord {
  actor: Pick<Actor, 'id'> | null;
  nodeId: string | null;
  /** Dotted verb, e.g. `role.grant`. */
  action: string;
  entityType: string;
  entityId: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

export interface AuditPage {
  entries: {
    id: string;
    occurredAt: string;
    actorId: string | null;
    actorName: string | null;
    nodeId: string | null;
    nodeName: string | null;
    action: string;
    entityType: string;
    entityId: string | null;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
    requestId: string | null;
  }[];
  /** Pass as `before` to read the next (older) page; null at the end. */
  next: string | null;
}

/** Appends to and reads the audit trail. Appends always go through the use case's transaction. */
@Injectable()
export class AuditService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** The trail of a node for staff and observers of it (or of a node above it): audit.read, checked by the access guard. */
  async listFor(_actor: Actor, nodeId: string, options: { before?: string; limit: number; action?: string }): Promise<AuditPage> {
    return this.list(nodeId, options);
  }

  async record(m: EntityManager, record: AuditRecord): Promise<void> {
    const entry: Omit<AuditEntry, 'id' | 'occurredAt' | 'actor' | 'node'> = {
      actorId: record.actor?.id ?? null,
      nodeId: record.nodeId,
      action: record.action,
      entityType: record.entityType,
      entityId: record.entityId,
      before: record.before ?? null,
      after: record.after ?? null,
      requestId: currentRequest().requestId,
    };
    // TypeORM's deep-partial type cannot follow an open JSON object; the entity type above can.
    await m.getRepository(AuditEntry).insert(entry as QueryDeepPartialEntity<AuditEntry>);
  }

  /** Entries of a node and everything below it, newest first (no permission check). */
  private async list(nodeId: string, options: { before?: string; limit: number; action?: string }): Promise<AuditPage> {
    const rows = await this.dataSource.query<
      {
        id: string;
        occurred_at: Date;
        actor_id: string | null;
        actor_name: string | null;
        node_id: string | null;
        node_name: string | null;
        action: string;
        entity_type: string;
        entity_id: string | null;
        before: Record<string, unknown> | null;
        after: Record<string, unknown> | null;
        request_id: string | null;
      }[]
    >(
      `WITH RECURSIVE subtree AS (
         SELECT id FROM org_node WHERE id = $1
         UNION ALL
         SELECT n.id FROM org_node n JOIN subtree s ON n.parent_id = s.id
       )
       SELECT a.id, a.occurred_at, a.actor_id, u.display_name AS actor_name, a.node_id, n.name AS node_name,
              a.action, a.entity_type, a.entity_id, a.before, a.after, a.request_id
         FROM audit_entry a
         LEFT JOIN app_user u ON u.id = a.actor_id
         LEFT JOIN org_node n ON n.id = a.node_id
        WHERE a.node_id IN (SELECT id FROM subtree)
          AND ($2::bigint IS NULL OR a.id < $2::bigint)
          AND ($3::text IS NULL OR a.action = $3 OR a.action LIKE $3 || '.%')
        ORDER BY a.id DESC
        LIMIT $4`,
      [nodeId, options.before ?? null, options.action ?? null, options.limit + 1],
    );
    const page = rows.slice(0, options.limit);
    return {
      entries: page.map((r) => ({
        id: String(r.id),
        occurredAt: r.occurred_at.toISOString(),
        actorId: r.actor_id,
        actorName: r.actor_name,
        nodeId: r.node_id,
        nodeName: r.node_name,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        before: r.before,
        after: r.after,
        requestId: r.request_id,
      })),
      next: rows.length > options.limit ? String(page.at(-1)!.id) : null,
    };
  }
}
