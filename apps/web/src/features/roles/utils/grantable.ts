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
 * Roles offered in the grant form, most powerful first. A building head is left out until the
 * buildings of a compound can be listed (the grant needs a building id).
 */
export function grantableRoles(grants: readonly Grant[], ancestry: readonly string[]): Role[] {
  return ROLES.filter((role) => !ROLES_NEEDING_A_BUILDING.includes(role) && canGrant(grants, role, { ancestry }));
}

/** Whether to offer 撤销 for a grant: I may grant its role here, and it is not my own admin or staff role. */
export function canRevoke(grants: readonly Grant[], ancestry: readonly string[], me: string, grant: { role: Role; userId: string }): boolean {
  if (grant.userId === me && (grant.role === 'admin' || grant.role === 'staff')) return false;
  return canGrant(grants, grant.role, { ancestry });
}
