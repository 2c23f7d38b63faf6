/**
 * What the signed-in person may open, decided from their grants with the role table of
 * `@yishi/domain` (the API checks every request anyway: this only decides what to show).
 */
import type { Action, Role } from '@yishi/contracts';
import { ROLES } from '@yishi/contracts';
import { ROLE_ACTIONS } from '@yishi/domain';

/** The grant fields these helpers read (the session's grants have more). */
export interface GrantLike {
  role: Role;
  nodeId: string;
  buildingId: string | null;
}

/** Actions that are done in the staff console. */
export const CONSOLE_ACTIONS: readonly Action[] = [
  'invitation.manage',
  'invitation.print',
  'role.manage',
  'audit.read',
  'roll.read',
  // Running consultations: screening, drafts, replies, and what arrived on paper.
  'consultation.manage',
  'offline.record',
  'comment.moderate',
];

/** A grant that opens the console: any role allowing a console action (not `resident`). */
export function isConsoleGrant(grant: Pick<GrantLike, 'role'>): boolean {
  return ROLE_ACTIONS[grant.role].some((action) => CONSOLE_ACTIONS.includes(action));
}

/** Whether the console is any of this person's business. */
export function hasConsoleAccess(grants: readonly Pick<GrantLike, 'role'>[] | undefined | null): boolean {
  return !!grants?.some(isConsoleGrant);
}

/** The i18n key of a role's name: 管理员 / 工作人员 / 召集人 / 楼长 / 监督员 / 居民. */
export function roleNameKey(role: Role): `roles.name.${Role}` {
  return `roles.name.${role}`;
}

/** Roles from the most to the least powerful, for listing a person's roles in a stable order. */
export function byRoleRank<T extends { role: Role }>(a: T, b: T): number {
  return ROLES.indexOf(a.role) - ROLES.indexOf(b.role);
}
