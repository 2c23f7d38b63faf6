import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Action, Role } from '@yishi/contracts';
import type { Grant } from '@yishi/domain';
import { can, canGrant, hasAnyRole } from '@yishi/domain';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { DomainError } from '../common/domain-error';

export interface NodeTarget {
  nodeId: string;
  /** For building-scoped actions (a building head's letters). */
  buildingId?: string | null;
}

/**
 * `can(actor, action, node)` for every service: the actor's grants against the node's ancestry,
 * decided by the table in libs/domain. `assert` answers 404 when the node is none of the actor's
 * business (so existence does not leak across units) and 403 when they hold a role there that
 * does not allow the action.
 */
@Injectable()
export class PermissionsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async grantsOf(userId: string, m: EntityManager = this.dataSource.manager): Promise<Grant[]> {
    const rows = await m.query<{ role: Role; node_id: string; building_id: string | null }[]>(
      `SELECT role, node_id, building_id FROM role_grant WHERE user_id = $1`,
      [userId],
    );
    return rows.map((r) => ({ role: r.role, nodeId: r.node_id, buildingId: r.building_id }));
  }

  /** The node, its parent, … up to the street; null when there is no such node. */
  async ancestry(nodeId: string, m: EntityManager = this.dataSource.manager): Promise<string[] | null> {
    const rows = await m.query<{ id: string }[]>(
      `WITH RECURSIVE up AS (
         SELECT id, parent_id, 0 AS depth FROM org_node WHERE id = $1
         UNION ALL
         SELECT n.id, n.parent_id, up.depth + 1 FROM org_node n JOIN up ON n.id = up.parent_id
       )
       SELECT id FROM up ORDER BY depth`,
      [nodeId],
    );
    return rows.length ? rows.map((r) => r.id) : null;
  }

  async can(actor: Actor, action: Action, target: NodeTarget, m?: EntityManager): Promise<boolean> {
    const ancestry = await this.ancestry(target.nodeId, m);
    if (!ancestry) return false;
    return can(await this.grantsOf(actor.id, m), action, { ancestry, buildingId: target.buildingId });
  }

  async assert(actor: Actor, action: Action, target: NodeTarget, m?: EntityManager): Promise<void> {
    const ancestry = await this.ancestry(target.nodeId, m);
    const grants = await this.grantsOf(actor.id, m);
    if (!ancestry || !hasAnyRole(grants, { ancestry })) {
      throw new DomainError('NOT_FOUND', 'There is no such organization, or it is not yours to see.', { nodeId: target.nodeId });
    }
    if (!can(grants, action, { ancestry, buildingId: target.buildingId })) {
      throw new DomainError('FORBIDDEN', `Your role here does not allow this (${action}).`, { action });
    }
  }

  async assertCanGrant(actor: Actor, role: Role, nodeId: string, m?: EntityManager): Promise<void> {
    await this.assert(actor, 'role.manage', { nodeId }, m);
    const ancestry = (await this.ancestry(nodeId, m))!;
    if (!canGrant(await this.grantsOf(actor.id, m), role, { ancestry })) {
      throw new DomainError('FORBIDDEN', `Your role here does not allow granting the role ${role}.`, { role });
    }
  }
}
