/** Hours of the China clock (UTC+8, no daylight saving) in which no text goes out. */
export interface QuietHours {
  start: number;
  end: number;
}

const CHINA_OFFSET_MS = 8 * 3600_000;

/** `21-8` → 21:00 to 08:00; `none` → null. */
export function parseQuietHours(value: string): QuietHours | null {
  const m = /^(\d{1,2})-(\d{1,2})$/.exec(value);
  if (!m) return null;
  const [start, end] = [Number(m[1]), Number(m[2])];
  return start === end ? null : { start, end };
}

/** `at`, or the end of the quiet hours when `at` falls in them. */
export function notBefore(at: Date, quiet: QuietHours | null): Date {
  if (!quiet) return at;
  const china = new Date(at.getTime() + CHINA_OFFSET_MS);
  const hour = china.getUTCHours();
  const quietNow = quiet.start > quiet.end ? hour >= quiet.start || hour < quiet.end : hour >= quiet.start && hour < quiet.end;
  if (!quietNow) return at;
  const end = Date.UTC(china.getUTCFullYear(), china.getUTCMonth(), china.getUTCDate(), quiet.end);
  return new Date((end > china.getTime() ? end : end + 24 * 3600_000) - CHINA_OFFSET_MS);
}
