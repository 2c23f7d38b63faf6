import type { Queryable } from '../database/pooled';
import { queryOn } from '../database/pooled';

/** The audit store: reads of the audit trail (`audit_entry`); entries are written by AuditService.record. */

export interface AuditEntryRow {
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
}

/**
 * Entries of a node and everything below it, newest first, with the names of who and where: one
 * more than `limit` when there are more (the caller pages on the last id).
 */
export function entriesUnder(q: Queryable, nodeId: string, options: { before?: string; limit: number; action?: string }): Promise<AuditEntryRow[]> {
  return queryOn(q)<AuditEntryRow>(
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
}
