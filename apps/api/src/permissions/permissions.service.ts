import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Action, Role } from '@yishi/contracts';
import type { Grant } from '@yishi/domain';
import { can, canGrant, hasAnyRole } from '@yishi/domain';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { DomainError } from '../common/domain-error';
import type { RequestAccess } from '../common/request-context';
import { requestContext } from '../common/request-context';
import type { AccessException, AccessTarget, TargetKind } from './targets';
import { TARGET_NOUNS } from './targets';
import type { TargetAccessRow } from './access-reads';
import { exceptionHolds, targetWithAccess } from './access-reads';
import { ancestriesOf, ancestryOf as nodeAncestry } from '../organizations/organization-store';
import { grantsOf as grantRows } from '../users/grant-store';

/** Actions on a consultation (and what hangs off it) decided on the node it is run from, not on the units it concerns. */
const AT_OWNER: readonly Action[] = ['consultation.manage', 'comment.moderate'];

/**
 * What the access guard already read for this request (RequestAccess), where a read outside any
 * transaction may take it: inside one, the service reads again under its own snapshot and locks.
 */
function readAlready(m: EntityManager): RequestAccess | undefined {
  return m.queryRunner ? undefined : requestContext.getStore()?.access;
}

/** What a `@Permission` route asks of the guard. */
export interface AccessRequest {
  action: Action;
  on: TargetKind;
  id: string;
  allow?: readonly AccessException[];
  buildingId?: string | null;
}

export interface NodeTarget {
  nodeId: string;
  /** For building-scoped actions (a building head's letters). */
  buildingId?: string | null;
}

/** An actor's grants and a node's ancestry, as `accessOn` loads them: enough to decide any action on the node. */
export interface NodeAccess {
  ancestry: string[];
  grants: Grant[];
}

/** Whether the loaded access allows the action on its node (as `can` decides it). */
export function allows(access: NodeAccess | null, action: Action, buildingId?: string | null): boolean {
  return !!access && can(access.grants, action, { ancestry: access.ancestry, buildingId });
}

/**
 * The actor's grants against a node's ancestry, decided by the table in libs/domain. `authorize`
 * is what the access guard runs for every `@Permission` route: it resolves the route's target
 * (permissions/targets.ts), answers 404 when the target is none of the actor's business (so
 * existence does not leak across units) and 403 when they hold a role there that does not allow
 * the action, unless they stand to the target as one of the declared exceptions. `can` serves
 * services that shape a response by what the reader may do (show the hidden comments to a
 * moderator), never to decide access instead of the guard.
 */
@Injectable()
export class PermissionsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async grantsOf(userId: string, m: EntityManager = this.dataSource.manager): Promise<Grant[]> {
    const known = readAlready(m);
    if (known?.userId === userId) return known.grants.map((g) => ({ ...g }));
    const rows = await grantRows(m, userId);
    return rows.map((r) => ({ role: r.role, nodeId: r.node_id, buildingId: r.building_id }));
  }

  /** The node, its parent, … up to the street; null when there is no such node. */
  async ancestry(nodeId: string, m: EntityManager = this.dataSource.manager): Promise<string[] | null> {
    const known = readAlready(m)?.ancestries[nodeId];
    if (known) return [...known];
    return nodeAncestry(m, nodeId);
  }

  /**
   * The route's target, if the actor may take the action on it: one statement finds the target,
   * the ancestry of each node it belongs to and the actor's grants reaching them; the declared
   * exceptions cost one more only when no role allows the action.
   */
  async authorize(actor: Actor, request: AccessRequest, m: EntityManager = this.dataSource.manager): Promise<AccessTarget> {
    return this.authorizeLoaded(actor, request, (await targetWithAccess(m, request.on, request.id, actor.id)) ?? null, m);
  }

  /**
   * As authorize, on the target and access already read for this actor (the access guard reads
   * them in the statement that looks up the session: sessionWithTargetAccess); null when there is
   * no such target.
   */
  async authorizeLoaded(actor: Actor, request: AccessRequest, row: TargetAccessRow | null, m: EntityManager = this.dataSource.manager): Promise<AccessTarget> {
    if (!row) throw targetNotFound(request.on, request.id);
    const target: AccessTarget = {
      kind: request.on,
      id: request.id,
      nodes: row.nodes ?? [],
      owner: row.owner,
      draft: row.draft,
      voteId: row.vote_id,
      authorId: row.author_id,
      ...(request.buildingId !== undefined ? { buildingId: request.buildingId } : {}),
    };
    const ancestryOf = (nodeId: string): string[] => row.ancestries?.[nodeId] ?? [nodeId];
    const grants = row.grants;
    const seen = [...target.nodes, ...(target.owner ? [target.owner] : [])].some((nodeId) => hasAnyRole(grants, { ancestry: ancestryOf(nodeId) }));
    const hidden = !seen || (target.draft && !can(grants, 'consultation.manage', { ancestry: ancestryOf(target.owner!) }));
    const actOn = target.owner && AT_OWNER.includes(request.action) ? [target.owner] : target.nodes;
    if (!hidden && actOn.some((nodeId) => can(grants, request.action, { ancestry: ancestryOf(nodeId), buildingId: request.buildingId }))) return target;
    for (const exception of request.allow ?? []) {
      if (await this.standsAs(actor, exception, target, m)) return target;
    }
    if (hidden) throw targetNotFound(request.on, request.id);
    throw new DomainError('FORBIDDEN', `Your role here does not allow this (${request.action}).`, { action: request.action });
  }

  private async standsAs(actor: Actor, exception: AccessException, target: AccessTarget, m: EntityManager): Promise<boolean> {
    if (exception === 'author') return target.authorId !== null && target.authorId === actor.id;
    if (exception === 'sessionOfficer') return target.kind === 'session' && exceptionHolds(m, exception, target.id, actor.id);
    if (!target.voteId) return false;
    return exceptionHolds(m, exception, target.voteId, actor.id);
  }

  /** Whether the actor is on a vote's frozen electorate (through a linked roll entry), or holds an accepted proxy for it. */
  async standsInVote(actor: Actor, exception: 'voter' | 'proxyAgent', voteId: string, m: EntityManager = this.dataSource.manager): Promise<boolean> {
    return exceptionHolds(m, exception, voteId, actor.id);
  }

  /**
   * The actor's grants and a node's ancestry, loaded once for several checks on the same node
   * (`allows`); null when there is no such node. `can` loads both again on every call.
   */
  async accessOn(actor: Actor, nodeId: string, m?: EntityManager): Promise<NodeAccess | null> {
    const ancestry = await this.ancestry(nodeId, m);
    if (!ancestry) return null;
    return { ancestry, grants: await this.grantsOf(actor.id, m) };
  }

  /**
   * The actor's grants and the ancestry of each of several nodes, in two statements (none where
   * the access guard read them for this request), for checks on many nodes at once (`allows` on
   * each); a node that does not exist maps to null.
   */
  async accessOnEach(actor: Actor, nodeIds: string[], m: EntityManager = this.dataSource.manager): Promise<{ on(nodeId: string): NodeAccess | null }> {
    const known = readAlready(m)?.ancestries;
    const ancestries =
      known && nodeIds.every((nodeId) => known[nodeId]) ? new Map(nodeIds.map((nodeId) => [nodeId, [...known[nodeId]!]])) : await ancestriesOf(m, nodeIds);
    const grants = await this.grantsOf(actor.id, m);
    return {
      on: (nodeId) => {
        const ancestry = ancestries.get(nodeId);
        return ancestry ? { ancestry, grants } : null;
      },
    };
  }

  async can(actor: Actor, action: Action, target: NodeTarget, m?: EntityManager): Promise<boolean> {
    const ancestry = await this.ancestry(target.nodeId, m);
    if (!ancestry) return false;
    return can(await this.grantsOf(actor.id, m), action, { ancestry, buildingId: target.buildingId });
  }

  /**
   * On top of role.manage (which the access guard checks on the node): whether the actor's roles
   * there let them grant — or take away — this particular role.
   */
  async assertCanGrant(actor: Actor, role: Role, nodeId: string, m?: EntityManager): Promise<void> {
    const ancestry = await this.ancestry(nodeId, m);
    if (!ancestry || !canGrant(await this.grantsOf(actor.id, m), role, { ancestry })) {
      throw new DomainError('FORBIDDEN', `Your role here does not allow granting the role ${role}.`, { role });
    }
  }
}

function targetNotFound(kind: TargetKind, id: string): DomainError {
  const { noun, key } = TARGET_NOUNS[kind];
  return new DomainError('NOT_FOUND', `There is no such ${noun}, or it is not open to you.`, { [key]: id });
}
