/**
 * Which roles the signed-in person may grant or revoke on a node, from the tables of
 * `@yishi/domain` (admins grant any role; staff grant convenor, building head, observer and
 * resident). The API decides again on every request.
 */
import type { Role } from '@yishi/contracts';
import { ROLES } from '@yishi/contracts';
import type { Grant } from '@yishi/domain';
import { canGrant } from '@yishi/domain';

/** Roles that need more than a phone number to grant: a building head needs their building. */
export const ROLES_NEEDING_A_BUILDING: readonly Role[] = ['building_head'];

/**
 * Roles offered in the grant form, most powerful first. A building head needs a building: the
 * role is offered only where buildings can be picked (a compound whose roll lists them).
 */
export function grantableRoles(grants: readonly Grant[], ancestry: readonly string[], options: { buildings: boolean } = { buildings: false }): Role[] {
  return ROLES.filter((role) => (options.buildings || !ROLES_NEEDING_A_BUILDING.includes(role)) && canGrant(grants, role, { ancestry }));
}

/** Whether a role needing a building could be granted here if buildings could be picked (to say where). */
export function grantableWithBuildings(grants: readonly Grant[], ancestry: readonly string[]): boolean {
  return ROLES_NEEDING_A_BUILDING.some((role) => canGrant(grants, role, { ancestry }));
}

/** Whether to offer 撤销 for a grant: I may grant its role here, and it is not my own admin or staff role. */
export function canRevoke(grants: readonly Grant[], ancestry: readonly string[], me: string, grant: { role: Role; userId: string }): boolean {
  if (grant.userId === me && (grant.role === 'admin' || grant.role === 'staff')) return false;
  return canGrant(grants, grant.role, { ancestry });
}
