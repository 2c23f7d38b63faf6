/**
 * Who may do what on which node. Roles are granted on a node of the tree (street → community →
 * unit) and hold for everything below it; a building head's grant is further limited to one
 * building. This is the one place the role → action table lives; the API's `can()` feeds it the
 * actor's grants and the node's ancestry.
 */
import type { Action, Role } from '@yishi/contracts';

const RUN_CONSULTATIONS: readonly Action[] = ['consultation.read', 'consultation.manage', 'participate', 'offline.record', 'comment.moderate', 'turnout.missing'];

export const ROLE_ACTIONS: Readonly<Record<Role, readonly Action[]>> = {
  admin: ['roll.read', 'roll.write', 'invitation.manage', 'invitation.print', 'role.manage', 'audit.read', 'org.manage', 'result.object', 'vote.supervise', 'account.reset', ...RUN_CONSULTATIONS],
  /** Community and street staff oversee the units below them: they may object to a result, and decide a vote's shortening. */
  staff: ['roll.read', 'roll.write', 'invitation.manage', 'invitation.print', 'role.manage', 'audit.read', 'result.object', 'vote.supervise', 'account.reset', ...RUN_CONSULTATIONS],
  /** The convenor runs the vote and answers objections; they do not object to their own result. */
  convenor: ['roll.read', 'invitation.print', ...RUN_CONSULTATIONS],
  /**
   * The supervisory committee reads everything and changes nothing. Its members who are on a
   * vote's electorate object as voters; the role itself holds up no result (an objection delays
   * the final notice until the convenor answers it).
   */
  observer: ['roll.read', 'audit.read', 'consultation.read'],
  building_head: ['invitation.print', 'consultation.read', 'participate', 'offline.record', 'turnout.missing', 'account.reset'],
  resident: ['consultation.read', 'participate'],
};

/** Roles each role may grant (on nodes where it holds `role.manage`). */
export const GRANTABLE_ROLES: Readonly<Record<Role, readonly Role[]>> = {
  admin: ['admin', 'staff', 'convenor', 'building_head', 'observer', 'resident'],
  staff: ['convenor', 'building_head', 'observer', 'resident'],
  convenor: [],
  observer: [],
  building_head: [],
  resident: [],
};

export interface Grant {
  role: Role;
  nodeId: string;
  /** Only for building heads: the one building the grant covers. */
  buildingId: string | null;
}

export interface Target {
  /** The node itself first, then its parent, up to the street. */
  ancestry: readonly string[];
  /** The building the action is about, when it is about one (e.g. one building's letters). */
  buildingId?: string | null;
}

/** The grants of `grants` that reach the target node (on it or above it). */
export function grantsReaching(grants: readonly Grant[], target: Target): Grant[] {
  const path = new Set(target.ancestry);
  return grants.filter((g) => path.has(g.nodeId));
}

/** Actions a building head may take only for their own building; the rest hold compound-wide. */
const BUILDING_SCOPED: readonly Action[] = ['invitation.print', 'turnout.missing', 'account.reset'];

function coversBuilding(grant: Grant, action: Action, target: Target): boolean {
  if (grant.buildingId === null || !BUILDING_SCOPED.includes(action)) return true;
  return target.buildingId !== undefined && target.buildingId === grant.buildingId;
}

/** True when some grant reaching the target allows the action there. */
export function can(grants: readonly Grant[], action: Action, target: Target): boolean {
  return grantsReaching(grants, target).some((g) => ROLE_ACTIONS[g.role].includes(action) && coversBuilding(g, action, target));
}

/** True when the actor may grant `role` on the target node. */
export function canGrant(grants: readonly Grant[], role: Role, target: Target): boolean {
  return grantsReaching(grants, target).some(
    (g) => g.buildingId === null && ROLE_ACTIONS[g.role].includes('role.manage') && GRANTABLE_ROLES[g.role].includes(role),
  );
}

/** Whether the actor has any role on or above the node: if not, the node is none of their business. */
export function hasAnyRole(grants: readonly Grant[], target: Target): boolean {
  return grantsReaching(grants, target).length > 0;
}

/** Roles that supervise the units below the node they are granted on. */
export const SUPERVISING_ROLES: readonly Role[] = (Object.keys(ROLE_ACTIONS) as Role[]).filter((role) => ROLE_ACTIONS[role].includes('vote.supervise'));

/**
 * Whether the actor supervises the unit: staff or admin on a node ABOVE it (its community, its
 * street). A grant on the unit itself does not count, nor does any convenor, building head,
 * observer or resident: shortening a vote's notice or window is approved from outside the unit.
 */
export function supervisesUnit(grants: readonly Grant[], target: Target): boolean {
  const above = new Set(target.ancestry.slice(1));
  return grants.some((g) => above.has(g.nodeId) && SUPERVISING_ROLES.includes(g.role));
}
