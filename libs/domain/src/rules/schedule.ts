import type { RuleSetId } from './rule-sets';
import { RULE_SETS } from './rule-sets';

/**
 * The legal clock of a vote: the notice that must run between announcing and opening it, and the
 * shortest voting window (`RULE_SETS[…].noticeDays`, `minVotingHours`, each with its source).
 * Opening before the notice has run, or voting for less than the shortest window, is a
 * "shortening": it needs a reason of substance and the approval of a second person who supervises
 * the unit (community or street staff). Informal polls (simple-majority) are exempt.
 */

const HOUR_MS = 3600 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** When the notice of a vote announced at `announcedAt` has run. */
export function noticeEndsAt(ruleSet: RuleSetId, announcedAt: Date): Date {
  return new Date(announcedAt.getTime() + RULE_SETS[ruleSet].noticeDays * DAY_MS);
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
  const window = times.closesAt.getTime() - times.opensAt.getTime();
  return {
    noticeEndsAt: ends,
    minVotingHours,
    shortensNotice: times.opensAt.getTime() < ends.getTime(),
    shortensWindow: window < minVotingHours * HOUR_MS,
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
