import { describe, expect, it } from '@jest/globals';
import { notBefore, parseQuietHours } from './quiet-hours';

/** China time is UTC+8: 21:00 in Foshan is 13:00 UTC. */
const china = (day: number, hour: number, minute = 0): Date => new Date(Date.UTC(2026, 11, day, hour - 8, minute));

describe('quiet hours: no text at night, China time', () => {
  const night = parseQuietHours('21-8');

  it('reads the setting', () => {
    expect(night).toEqual({ start: 21, end: 8 });
    expect(parseQuietHours('none')).toBeNull();
    expect(parseQuietHours('8-8')).toBeNull();
    expect(parseQuietHours('12-14')).toEqual({ start: 12, end: 14 });
  });

  it('sends in the day at once and holds a text of the night until 8:00', () => {
    expect(notBefore(china(5, 20, 59), night)).toEqual(china(5, 20, 59));
    expect(notBefore(china(5, 21, 0), night)).toEqual(china(6, 8));
    expect(notBefore(china(5, 23, 30), night)).toEqual(china(6, 8));
    expect(notBefore(china(6, 0, 10), night)).toEqual(china(6, 8));
    expect(notBefore(china(6, 7, 59), night)).toEqual(china(6, 8));
    expect(notBefore(china(6, 8, 0), night)).toEqual(china(6, 8, 0));
    expect(notBefore(china(5, 23, 30), null)).toEqual(china(5, 23, 30));
  });

  it('handles quiet hours within one day', () => {
    const noon = parseQuietHours('12-14');
    expect(notBefore(china(5, 13, 15), noon)).toEqual(china(5, 14));
    expect(notBefore(china(5, 11, 59), noon)).toEqual(china(5, 11, 59));
  });
});
