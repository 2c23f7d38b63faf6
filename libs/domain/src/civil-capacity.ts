/**
 * Full civil capacity (完全民事行为能力) by age, Civil Code arts. 17-18: a person aged 18 or over.
 *
 * Age is counted as a period by the calendar (Civil Code arts. 201-202, and the courts' rule that
 * 周岁 runs "从周岁生日的第二天起算"): the day of birth is not counted, the period ends on the
 * corresponding day 18 years later (or the last day of that month when it has no such day, as for
 * 29 February), and the person is of age from the following day. Dates are ISO calendar dates
 * compared as integers, so no clock or time zone can move a birthday.
 */
export const AGE_OF_MAJORITY = 18;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function parseIsoDate(value: string): CalendarDate {
  const match = ISO_DATE.exec(value);
  if (!match) {
    throw new RangeError(`Not an ISO calendar date: ${value}`);
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`Not a calendar date: ${value}`);
  }
  return { year, month, day };
}

function toOrdinal(d: CalendarDate): number {
  return d.year * 10000 + d.month * 100 + d.day;
}

/** The last day of a period of `years` calendar years counted from `start` (art. 202). */
export function anniversary(start: string, years: number): CalendarDate {
  const s = parseIsoDate(start);
  const year = s.year + years;
  return { year, month: s.month, day: Math.min(s.day, daysInMonth(year, s.month)) };
}

/** Completed years of age on `on`: a year is completed once its last day has passed. */
export function ageOn(birthDate: string, on: string): number {
  const birth = parseIsoDate(birthDate);
  const day = toOrdinal(parseIsoDate(on));
  let age = Math.max(0, parseIsoDate(on).year - birth.year - 1);
  while (toOrdinal(anniversary(birthDate, age + 1)) < day) {
    age += 1;
  }
  return age;
}

export function hasFullCivilCapacityByAge(birthDate: string, on: string): boolean {
  return ageOn(birthDate, on) >= AGE_OF_MAJORITY;
}

/** A formatter per time zone, each made once (making one costs some 200 times what using it does). */
const CALENDAR_DATES = new Map<string, Intl.DateTimeFormat>();

/** Today's calendar date in a given IANA time zone, as YYYY-MM-DD. */
export function calendarDateIn(timeZone: string, at: Date = new Date()): string {
  let format = CALENDAR_DATES.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    CALENDAR_DATES.set(timeZone, format);
  }
  return format.format(at);
}
