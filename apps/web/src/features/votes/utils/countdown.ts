/** What is left of a vote's window, in whole units a person reads at a glance. */
export interface Remaining {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/** Time left until `iso`; null once it has passed (or for an unreadable date). */
export function remainingUntil(iso: string, now: number = Date.now()): Remaining | null {
  const end = Date.parse(iso);
  if (Number.isNaN(end) || end <= now) return null;
  let left = Math.floor((end - now) / 1000);
  const days = Math.floor(left / 86_400);
  left -= days * 86_400;
  const hours = Math.floor(left / 3600);
  left -= hours * 3600;
  const minutes = Math.floor(left / 60);
  return { days, hours, minutes, seconds: left - minutes * 60 };
}

/**
 * The countdown in words' parts, largest first, at most two of them, seconds only in the last
 * hour: 「2 天 3 小时」, 「45 分 10 秒」.
 */
export function countdownParts(remaining: Remaining): { unit: 'days' | 'hours' | 'minutes' | 'seconds'; count: number }[] {
  if (remaining.days > 0) return [{ unit: 'days', count: remaining.days }, { unit: 'hours', count: remaining.hours }];
  if (remaining.hours > 0) return [{ unit: 'hours', count: remaining.hours }, { unit: 'minutes', count: remaining.minutes }];
  return [{ unit: 'minutes', count: remaining.minutes }, { unit: 'seconds', count: remaining.seconds }];
}
