/**
 * Formatting shared by the screens: phone numbers in groups, and dates as a Chinese reader
 * expects them (「2026年3月8日」), always in China Standard Time, whatever the device says.
 */
import { LEGAL_TIME_ZONE } from '@yishi/contracts';
import type { Language } from './preferences';

/** `13800000003` → `138 0000 0003`; anything that is not 11 digits stays as it is. */
export function formatPhone(phone: string): string {
  return /^\d{11}$/.test(phone) ? `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}` : phone;
}

/** `13800000003` → `138****0003`, for saying where a code was sent without showing the number. */
export function maskPhone(phone: string): string {
  return /^\d{11}$/.test(phone) ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone;
}

interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/**
 * Made once: making a formatter costs some 200 times what using it does, and a list of opinions or
 * ballots formats two dates a row.
 */
const CHINA_PARTS = new Intl.DateTimeFormat('en-US', {
  timeZone: LEGAL_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});

/** The calendar date and time of an instant in China Standard Time. */
export function partsInChina(instant: Date): DateParts {
  const parts = CHINA_PARTS.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? NaN);
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour') % 24, minute: part('minute') };
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date: 「2026年3月8日」 in Chinese, "8 March 2026" in English. Null for an unreadable date. */
export function formatDate(iso: string, language: Language): string | null {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return null;
  const { year, month, day } = partsInChina(instant);
  return language === 'zh-CN' ? `${year}年${month}月${day}日` : `${day} ${MONTHS_EN[month - 1] ?? month} ${year}`;
}

/** A moment: 「2026年3月8日 09:05」 / "8 March 2026, 09:05" (China Standard Time). */
export function formatDateTime(iso: string, language: Language): string | null {
  const date = formatDate(iso, language);
  if (date === null) return null;
  const { hour, minute } = partsInChina(new Date(iso));
  const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  return language === 'zh-CN' ? `${date} ${time}` : `${date}, ${time}`;
}

/** The time of day in China: 「09:05」. */
function timeInChina(iso: string): string {
  const { hour, minute } = partsInChina(new Date(iso));
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/**
 * A session from start to end: 「2026年3月8日 09:00–11:00」 on one day, both moments in full when
 * it runs over midnight. Null for an unreadable date.
 */
export function formatDateTimeRange(startIso: string, endIso: string, language: Language): string | null {
  const start = formatDateTime(startIso, language);
  const end = formatDateTime(endIso, language);
  if (start === null || end === null) return null;
  return formatDate(startIso, language) === formatDate(endIso, language) ? `${start}–${timeInChina(endIso)}` : `${start} – ${end}`;
}

/** A file's size as people read it: 「860 KB」, 「2.4 MB」. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
