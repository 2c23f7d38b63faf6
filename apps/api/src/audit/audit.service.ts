import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { Actor } from '../common/actor';
import { currentRequest } from '../common/request-context';
import { AuditEntry } from './entities/audit-entry.entity';
import { entriesUnder } from './audit-store';

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
    const rows = await entriesUnder(this.dataSource.manager, nodeId, options);
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
