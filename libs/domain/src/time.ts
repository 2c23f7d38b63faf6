/**
 * Lengths of time in milliseconds, as `Date#getTime()` counts them. A "day" here is 24 hours of
 * the instant line, not a calendar day: Beijing time has no daylight saving, so the two agree for
 * every date the platform deals with (see schedule.ts for the one SQL that adds calendar days).
 */
export const MINUTE_MS = 60 * 1000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
