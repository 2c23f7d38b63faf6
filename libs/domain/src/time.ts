/**
 * Lengths of time in milliseconds, as `Date#getTime()` counts them. A "day" here is 24 hours of
 * the instant line, not a calendar day: Beijing time has no daylight saving, so the two agree for
 * every date the platform deals with (see schedule.ts for the one SQL that adds calendar days).
 */
export const MINUTE_MS = 60 * 1000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/**
 * The length of a notice in whole days, from when the vote was announced to when its notice ran
 * (rounded to the nearest day): what the result file and the vote's page print as 「公告期 N 日」.
 * Here, not in rules/schedule.ts, so that a page printing it does not import the rule sets' table.
 */
export function noticeDaysBetween(announcedAt: Date, noticeEnds: Date): number {
  return Math.round((noticeEnds.getTime() - announcedAt.getTime()) / DAY_MS);
}
