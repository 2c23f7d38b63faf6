/**
 * Dates typed into forms, read in China Standard Time whatever the device's own zone: a
 * `datetime-local` value 「2026-05-12T19:30」 is 19:30 in Beijing, and an instant from the API is
 * shown back in the same way. (China keeps no daylight saving time: the offset is always +08:00.)
 */
import { LEGAL_TIME_ZONE } from '@yishi/contracts';
import { calendarDateIn } from '@yishi/domain';
import { partsInChina } from './format';

const CHINA_OFFSET = '+08:00';
const DATE_TIME_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const DATE_INPUT = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (value: number): string => String(value).padStart(2, '0');

/** An instant from the API as a `datetime-local` value in China time; '' for nothing or nonsense. */
export function toChinaDateTimeInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return '';
  const { year, month, day, hour, minute } = partsInChina(instant);
  return `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}`;
}

/** Whether a calendar date exists (no 30 February). */
function realDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A `datetime-local` value read as China time, as an ISO instant; null when empty or not a real moment. */
export function fromChinaDateTimeInput(value: string): string | null {
  const match = DATE_TIME_INPUT.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  if (!realDate(y, mo, d) || h > 23 || mi > 59) return null;
  return new Date(`${value.trim()}:00${CHINA_OFFSET}`).toISOString();
}

/** Today's date in China as a `date` input value (YYYY-MM-DD). */
export function todayInChina(now: Date = new Date()): string {
  return calendarDateIn(LEGAL_TIME_ZONE, now);
}

/** Whether a `date` input value is a real calendar date. */
export function isDateInput(value: string): boolean {
  const match = DATE_INPUT.exec(value);
  if (!match) return false;
  const [, y, mo, d] = match.map(Number) as [number, number, number, number];
  return realDate(y, mo, d);
}
