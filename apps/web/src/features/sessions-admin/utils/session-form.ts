/**
 * A session as typed (kind, title, place, Beijing time, the units of a joint meeting), its checks
 * and the request it becomes. The API checks it all again; these catch what a person can fix on the spot.
 */
import type { SessionKind } from '@yishi/domain';
import { fromChinaDateTimeInput } from '../../../lib/date-input';
import type { FieldErrors } from '../../../lib/forms';

export const SESSION_FORM_LIMITS = { title: 200, place: 200, maxHours: 12 } as const;

/** The kinds of session each kind of node holds (as the API's KINDS_OF_NODE). */
export function kindsFor(nodeKind: string): SessionKind[] {
  switch (nodeKind) {
    case 'compound':
      return ['consultative', 'owners_meeting'];
    case 'cooperative':
      return ['consultative', 'member_assembly', 'representative_assembly'];
    case 'community':
      return ['joint_meeting'];
    default:
      return [];
  }
}

export interface SessionDraft {
  kind: SessionKind;
  title: string;
  place: string;
  start: string;
  end: string;
  unitIds: string[];
  /** Everyone on the rolls, or (a consultative session, a joint meeting) the building heads among them. */
  invite: SessionInvite;
}

export type SessionInvite = 'rolls' | 'building_heads';

/** Whether a kind may invite the building heads alone (a body's meeting invites its whole roll). */
export const mayInviteBuildingHeads = (kind: SessionKind): boolean => kind === 'consultative' || kind === 'joint_meeting';

export type SessionField = 'kind' | 'title' | 'place' | 'start' | 'end' | 'unitIds';
/** i18n keys under sessionAdmin.errors. */
export type SessionProblem = 'required' | 'tooLong' | 'dateInvalid' | 'notInFuture' | 'endBeforeStart' | 'tooLongSession' | 'twoUnits';

const chars = (text: string): number => [...text.trim()].length;

export function checkSession(draft: SessionDraft, now: number = Date.now()): FieldErrors<SessionField> {
  const errors: FieldErrors<SessionField> = {};
  if (!draft.title.trim()) errors.title = 'required';
  else if (chars(draft.title) > SESSION_FORM_LIMITS.title) errors.title = 'tooLong';
  if (!draft.place.trim()) errors.place = 'required';
  else if (chars(draft.place) > SESSION_FORM_LIMITS.place) errors.place = 'tooLong';
  const start = fromChinaDateTimeInput(draft.start);
  const end = fromChinaDateTimeInput(draft.end);
  if (!draft.start.trim()) errors.start = 'required';
  else if (!start) errors.start = 'dateInvalid';
  else if (Date.parse(start) <= now) errors.start = 'notInFuture';
  if (!draft.end.trim()) errors.end = 'required';
  else if (!end) errors.end = 'dateInvalid';
  else if (start && end <= start) errors.end = 'endBeforeStart';
  else if (start && Date.parse(end) - Date.parse(start) > SESSION_FORM_LIMITS.maxHours * 3600_000) errors.end = 'tooLongSession';
  if (draft.kind === 'joint_meeting' && draft.unitIds.length < 2) errors.unitIds = 'twoUnits';
  return errors;
}

export interface SessionRequest {
  kind: SessionKind;
  title: string;
  place: string;
  startsAt: string;
  endsAt: string;
  unitIds?: string[];
  invite?: SessionInvite;
}

export function toSessionRequest(draft: SessionDraft): SessionRequest {
  return {
    kind: draft.kind,
    title: draft.title.trim(),
    place: draft.place.trim(),
    startsAt: fromChinaDateTimeInput(draft.start)!,
    endsAt: fromChinaDateTimeInput(draft.end)!,
    ...(draft.kind === 'joint_meeting' ? { unitIds: draft.unitIds } : {}),
    ...(mayInviteBuildingHeads(draft.kind) && draft.invite === 'building_heads' ? { invite: 'building_heads' as const } : {}),
  };
}
