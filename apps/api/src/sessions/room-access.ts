import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { forbidden } from '../common/refusals';
import type { PermissionsService } from '../permissions/permissions.service';
import type { OfficerRole } from './entities/session-officer.entity';
import { rolesOf } from './room-store';
import type { SessionRow } from './session-store';
import { sessionRow } from './session-store';

/**
 * Who may act in a session's room. The routes let in those who run the unit's sessions and the
 * session's named officers (`sessionOfficer`); here each action asks for the role it needs:
 * - chairing (the item on the screen, opening voting in the room, calling speakers, follow-up):
 *   the named chair, or someone who runs the unit's sessions (consultation.manage) — the convenor
 *   steps in when the chair cannot;
 * - recording (the gist, the minutes' text): the named recorder, or someone who runs the sessions;
 * - entering a slip or a show of hands: a named teller only; confirming a slip: a named scrutineer only.
 */
export interface RoomStanding {
  roles: Set<OfficerRole>;
  manages: boolean;
}

export async function standingOf(m: EntityManager, permissions: PermissionsService, actor: Actor, row: SessionRow): Promise<RoomStanding> {
  const [roles, manages] = await Promise.all([rolesOf(m, row.id, actor.id), permissions.can(actor, 'consultation.manage', { nodeId: row.node_id }, m)]);
  return { roles, manages };
}

const WORDS: Record<OfficerRole, string> = {
  chair: 'the chair of this session (or one who runs the unit’s sessions)',
  recorder: 'the recorder of this session (or one who runs the unit’s sessions)',
  teller: 'a teller named for this session',
  scrutineer: 'a scrutineer named for this session',
};

/** Refuses unless the actor holds `role` (the chair's and recorder's work also falls to those who run the sessions). */
export function requireRole(standing: RoomStanding, role: OfficerRole): void {
  const stepsIn = (role === 'chair' || role === 'recorder') && standing.manages;
  if (!standing.roles.has(role) && !stepsIn) throw forbidden(`not_${role}`, `Only ${WORDS[role]} may do this.`, { role });
}

/** The session, locked for the rest of the transaction, and the actor's standing there: refused unless they hold `role`. */
export async function lockedAs(m: EntityManager, permissions: PermissionsService, actor: Actor, sessionId: string, role: OfficerRole): Promise<{ row: SessionRow; standing: RoomStanding }> {
  const row = (await sessionRow(m, sessionId, true))!;
  const standing = await standingOf(m, permissions, actor, row);
  requireRole(standing, role);
  return { row, standing };
}

export function mayChair(standing: RoomStanding): boolean {
  return standing.roles.has('chair') || standing.manages;
}
