/**
 * A briefing session as typed (Beijing time, place, capacity, notes), its checks, the request it
 * becomes (only what changed, when editing), and attendance as ticks turned into a request.
 */
import { fromChinaDateTimeInput, toChinaDateTimeInput } from '../../../lib/date-input';
import type { FieldErrors } from '../../../lib/forms';

export const BRIEFING_LIMITS = { place: 200, notes: 1000, capacity: 10_000, walkIns: 10_000 } as const;

export interface BriefingDraft {
  start: string;
  end: string;
  place: string;
  capacity: string;
  notes: string;
}

export type BriefingField = keyof BriefingDraft;
/** i18n keys under convene.briefings.errors. */
export type BriefingProblem = 'dateRequired' | 'dateInvalid' | 'endBeforeStart' | 'placeRequired' | 'tooLong' | 'capacityInvalid';

interface BriefingLike {
  startsAt: string;
  endsAt: string;
  place: string;
  capacity: number;
  notes: string;
}

export function emptyBriefing(): BriefingDraft {
  return { start: '', end: '', place: '', capacity: '', notes: '' };
}

export function briefingDraftOf(briefing: BriefingLike): BriefingDraft {
  return { start: toChinaDateTimeInput(briefing.startsAt), end: toChinaDateTimeInput(briefing.endsAt), place: briefing.place, capacity: String(briefing.capacity), notes: briefing.notes };
}

const chars = (text: string): number => [...text.trim()].length;

export function checkBriefing(draft: BriefingDraft): FieldErrors<BriefingField> {
  const errors: FieldErrors<BriefingField> = {};
  const start = fromChinaDateTimeInput(draft.start);
  const end = fromChinaDateTimeInput(draft.end);
  if (!draft.start.trim()) errors.start = 'dateRequired';
  else if (!start) errors.start = 'dateInvalid';
  if (!draft.end.trim()) errors.end = 'dateRequired';
  else if (!end) errors.end = 'dateInvalid';
  else if (start && end <= start) errors.end = 'endBeforeStart';
  if (!draft.place.trim()) errors.place = 'placeRequired';
  else if (chars(draft.place) > BRIEFING_LIMITS.place) errors.place = 'tooLong';
  const capacity = Number(draft.capacity);
  if (!/^\d+$/.test(draft.capacity.trim()) || capacity < 1 || capacity > BRIEFING_LIMITS.capacity) errors.capacity = 'capacityInvalid';
  if (chars(draft.notes) > BRIEFING_LIMITS.notes) errors.notes = 'tooLong';
  return errors;
}

export interface BriefingRequest {
  startsAt: string;
  endsAt: string;
  place: string;
  capacity: number;
  notes: string;
}

/** The whole session as the API takes it. Call after checkBriefing found nothing. */
export function toBriefingRequest(draft: BriefingDraft): BriefingRequest {
  return {
    startsAt: fromChinaDateTimeInput(draft.start)!,
    endsAt: fromChinaDateTimeInput(draft.end)!,
    place: draft.place.trim(),
    capacity: Number(draft.capacity.trim()),
    notes: draft.notes.trim(),
  };
}

/** Only what changed from the saved session (an empty object: nothing to send). */
export function changedFields(before: BriefingLike, draft: BriefingDraft): Partial<BriefingRequest> {
  const after = toBriefingRequest(draft);
  const changes: Partial<BriefingRequest> = {};
  if (new Date(after.startsAt).getTime() !== new Date(before.startsAt).getTime()) changes.startsAt = after.startsAt;
  if (new Date(after.endsAt).getTime() !== new Date(before.endsAt).getTime()) changes.endsAt = after.endsAt;
  if (after.place !== before.place) changes.place = after.place;
  if (after.capacity !== before.capacity) changes.capacity = after.capacity;
  if (after.notes !== before.notes) changes.notes = after.notes;
  return changes;
}

/** The attendance request from the ticks: who changed to present, who to absent, and the walk-ins. */
export function attendanceRequest(
  signups: readonly { userId: string; attendedAt: string | null }[],
  ticked: ReadonlySet<string>,
  walkIns: number,
): { present: string[]; absent: string[]; walkIns: number } {
  return {
    present: signups.filter((s) => ticked.has(s.userId) && s.attendedAt === null).map((s) => s.userId),
    absent: signups.filter((s) => !ticked.has(s.userId) && s.attendedAt !== null).map((s) => s.userId),
    walkIns,
  };
}

/** Whether a session is over, running or to come, at `now`. */
export function briefingTiming(briefing: Pick<BriefingLike, 'startsAt' | 'endsAt'>, now: Date = new Date()): 'upcoming' | 'running' | 'past' {
  if (new Date(briefing.startsAt) > now) return 'upcoming';
  return new Date(briefing.endsAt) > now ? 'running' : 'past';
}
