import type { RuleSetId } from './rule-sets';
import { RULE_SETS } from './rule-sets';
import { DAY_MS, HOUR_MS } from '../time';

/**
 * The legal clock of a vote: the notice that must run between announcing and opening it, and the
 * shortest voting window (`RULE_SETS[…].noticeDays`, `minVotingHours`, each with its source).
 * Opening before the notice has run, or voting for less than the shortest window, is a
 * "shortening": it needs a reason of substance and the approval of a second person who supervises
 * the unit (community or street staff). Informal polls (simple-majority) are exempt.
 */

/** When the notice of a vote announced at `announcedAt` has run. */
export function noticeEndsAt(ruleSet: RuleSetId, announcedAt: Date): Date {
  return new Date(announcedAt.getTime() + RULE_SETS[ruleSet].noticeDays * DAY_MS);
}

/** Whether a window from `opensAt` to `closesAt` is shorter than `minVotingHours` (a shortening of the window). */
export function windowShorterThan(opensAt: Date, closesAt: Date, minVotingHours: number): boolean {
  return closesAt.getTime() - opensAt.getTime() < minVotingHours * HOUR_MS;
}

/**
 * The end of the objection window (异议期) of a vote counted at `closedAt`: `objectionDays` days of
 * 24 hours later, to the millisecond — no rounding to a calendar day or to midnight. The sealer's
 * SQL says the same with `closed_at + make_interval(days => objection_days)`, which adds calendar
 * days in the session's time zone; Beijing time has no daylight saving, so both give this instant.
 */
export function objectionEndsAt(closedAt: Date, objectionDays: number): Date {
  return new Date(closedAt.getTime() + objectionDays * DAY_MS);
}

/**
 * Whether an objection is still taken at `at`. The window is the half-open span from the count to
 * `objectionEndsAt`: the instant it ends belongs to what comes after (the final notice), so at
 * every instant exactly one of `objectionWindowOpen` and `objectionWindowRun` holds, and the web's
 * `now < until` says the same.
 */
export function objectionWindowOpen(closedAt: Date, objectionDays: number, at: Date): boolean {
  return at.getTime() < objectionEndsAt(closedAt, objectionDays).getTime();
}

/**
 * Whether the objection window has run at `at`, so the final notice may follow (once every
 * objection is answered): from the instant the window ends on, as the sealer's
 * `closed_at + make_interval(days => objection_days) <= now` selects the votes to make final.
 */
export function objectionWindowRun(closedAt: Date, objectionDays: number, at: Date): boolean {
  return !objectionWindowOpen(closedAt, objectionDays, at);
}

/** Whether a rule set's votes are bound by the legal clock at all (informal polls are not). */
export function hasLegalClock(ruleSet: RuleSetId): boolean {
  return ruleSet !== 'simple-majority';
}

export interface ScheduleCheck {
  noticeEndsAt: Date;
  minVotingHours: number;
  /** Opening before the notice has run. */
  shortensNotice: boolean;
  /** A voting window shorter than the rule set's shortest. */
  shortensWindow: boolean;
}

/**
 * What a vote announced at `announcedAt`, opening at `opensAt` and closing at `closesAt`, asks of
 * the law's clock. A vote that shortens the notice or the window needs an approved shortening.
 */
export function checkSchedule(ruleSet: RuleSetId, times: { announcedAt: Date; opensAt: Date; closesAt: Date }): ScheduleCheck {
  const ends = noticeEndsAt(ruleSet, times.announcedAt);
  const minVotingHours = RULE_SETS[ruleSet].minVotingHours;
  if (!hasLegalClock(ruleSet)) return { noticeEndsAt: ends, minVotingHours, shortensNotice: false, shortensWindow: false };
  return {
    noticeEndsAt: ends,
    minVotingHours,
    shortensNotice: times.opensAt.getTime() < ends.getTime(),
    shortensWindow: windowShorterThan(times.opensAt, times.closesAt, minVotingHours),
  };
}

/** A reason of substance: at least this many letters or digits (a CJK character counts one) … */
export const REASON_MIN_LETTERS = 15;
/** … of at least this many different ones (so 「测试测试测试…」 or "ok ok ok …" is not a reason). */
export const REASON_MIN_DISTINCT = 8;

export type ReasonProblem = 'tooShort' | 'filler';

/**
 * Why a reason for shortening the notice or the window is not one of substance, or null when it
 * is. Punctuation, spaces and symbols do not count; what is left must be at least
 * `REASON_MIN_LETTERS` letters or digits, at least `REASON_MIN_DISTINCT` of them different. In
 * Chinese that is a short sentence (「台风季前须抢修屋面防水，业委会决议提前表决」); "ok", 「同意」,
 * 「测试测试测试测试测试测试测试测试」 and "........" are not reasons.
 */
export function reasonProblem(text: string): ReasonProblem | null {
  const letters = [...text.normalize('NFKC')].filter((c) => /[\p{L}\p{N}]/u.test(c)).map((c) => c.toLowerCase());
  if (letters.length < REASON_MIN_LETTERS) return 'tooShort';
  if (new Set(letters).size < REASON_MIN_DISTINCT) return 'filler';
  return null;
}
