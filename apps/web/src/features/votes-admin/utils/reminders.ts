/** The reminder times a convenor picks from, in hours before closing: three days, one day, two hours. */
export const REMINDER_CHOICES = [72, 24, 2] as const;

/** The reminders of a new vote unless the convenor says otherwise. */
export const DEFAULT_REMINDERS: readonly number[] = [72, 24];

const HOUR_MS = 3600_000;

/** Whether a reminder so many hours before closing comes after voting opens (else it cannot be set). */
export function reminderFits(hoursBefore: number, opensAt: Date | null, closesAt: Date | null): boolean {
  if (!opensAt || !closesAt) return false;
  return closesAt.getTime() - hoursBefore * HOUR_MS > opensAt.getTime();
}
