import type { OrgNodeKind, Role } from './organization';

/**
 * What a role may do, named per action. Routes declare the action they need; services check it
 * against the organization tree with `can(actor, action, node)`.
 */
export const ACTIONS = [
  /** See a unit's roll: households, members, buildings, units, owners, tenants. */
  'roll.read',
  /** Import, edit and export a unit's roll. */
  'roll.write',
  /** Issue and print invitation letters, link an account to a roll entry in person. */
  'invitation.manage',
  /** Print the letters of one's own building (building heads deliver them). */
  'invitation.print',
  /** Grant and revoke roles below one's own. */
  'role.manage',
  /** Read the audit trail of a node. */
  'audit.read',
  /** Create streets, communities and units. */
  'org.manage',
  /** Read the consultations, topics, drafts and comments of a unit. */
  'consultation.read',
  /** Open and run consultations: drafts, phases, briefings, screening of topics; schedule discussion sessions and put their notices up. */
  'consultation.manage',
  /** Raise a topic, second one, comment, sign up for a briefing, cast one's own ballot. */
  'participate',
  /**
   * Object to a vote's provisional result (询异): the supervisory roles over the unit. The vote's
   * own electorate objects as voters (an exception the route declares), whatever their role.
   */
  'result.object',
  /** Record what arrived offline: topics and opinions on paper, at visits, by phone; check people in at a session's desk. */
  'offline.record',
  /** Hide abusive comments (with a reason) and answer opinions officially. */
  'comment.moderate',
  /**
   * Approve or refuse a shortened notice or voting window of a unit's vote. Held by staff and
   * admins; it counts only on a node ABOVE the unit (its community or street), never on the unit.
   */
  'vote.supervise',
  /**
   * See who has not taken part in a vote yet, with the phone numbers the roll holds, and record a
   * door-to-door visit: building heads for their own building, convenors and staff for every one.
   */
  'turnout.missing',
  /**
   * Reset a resident's password in person, having checked who they are: a one-time code to use on
   * the reset page. Building heads for residents of their own building, staff for their units; never
   * an account that holds any role beyond resident.
   */
  'account.reset',
] as const;
export type Action = (typeof ACTIONS)[number];

/** Where a session's CSRF token travels on every cookie-authenticated write. */
export const CSRF_HEADER = 'x-csrf-token';

/** The cookie that carries the session token (httpOnly; the web app never reads it). */
export const SESSION_COOKIE = 'yishi_session';

export interface RoleGrantView {
  id: string;
  role: Role;
  nodeId: string;
  nodeName: string;
  nodeKind: OrgNodeKind;
  buildingId: string | null;
  buildingName: string | null;
}

export interface SessionUser {
  id: string;
  phone: string;
  displayName: string;
  grants: RoleGrantView[];
}

export interface SessionState {
  user: SessionUser | null;
  /** Send back in the `X-CSRF-Token` header on every write while signed in. */
  csrfToken: string | null;
}
