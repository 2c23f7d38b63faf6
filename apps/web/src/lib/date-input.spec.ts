import { describe, expect, it } from '@jest/globals';
import { fromChinaDateTimeInput, isDateInput, toChinaDateTimeInput, todayInChina } from './date-input';

describe('date and time inputs', () => {
  it('read what is typed as Beijing time', () => {
    expect(fromChinaDateTimeInput('2026-05-12T19:30')).toBe('2026-05-12T11:30:00.000Z');
    // Early morning in Beijing is still the day before in UTC.
    expect(fromChinaDateTimeInput('2026-05-12T07:00')).toBe('2026-05-11T23:00:00.000Z');
  });

  it('show an instant as Beijing time, the way the input wants it', () => {
    expect(toChinaDateTimeInput('2026-05-11T23:00:00.000Z')).toBe('2026-05-12T07:00');
    expect(toChinaDateTimeInput(fromChinaDateTimeInput('2026-12-31T23:59'))).toBe('2026-12-31T23:59');
  });

  it('refuse empty, malformed and impossible values', () => {
    for (const value of ['', '2026-05-12', '2026-02-30T10:00', '2026-05-12T24:00', '2026-05-12T10:60', 'soon']) {
      expect(fromChinaDateTimeInput(value)).toBeNull();
    }
    expect(toChinaDateTimeInput(null)).toBe('');
    expect(toChinaDateTimeInput('not a date')).toBe('');
  });

  it('know today in China, and real dates', () => {
    expect(todayInChina(new Date('2026-03-07T16:30:00.000Z'))).toBe('2026-03-08');
    expect(isDateInput('2026-03-08')).toBe(true);
    expect(isDateInput('2026-02-29')).toBe(false);
    expect(isDateInput('2026-3-8')).toBe(false);
  });
});
