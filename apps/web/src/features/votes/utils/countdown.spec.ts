import { describe, expect, it } from '@jest/globals';
import { countdownParts, remainingUntil } from './countdown';

const NOW = Date.parse('2026-05-01T00:00:00.000Z');

describe('the countdown', () => {
  it('splits what is left into days, hours, minutes and seconds, and ends at the moment itself', () => {
    expect(remainingUntil('2026-05-03T05:06:07.900Z', NOW)).toEqual({ days: 2, hours: 5, minutes: 6, seconds: 7 });
    expect(remainingUntil('2026-05-01T00:00:00.000Z', NOW)).toBeNull();
    expect(remainingUntil('2026-04-30T00:00:00.000Z', NOW)).toBeNull();
    expect(remainingUntil('not a date', NOW)).toBeNull();
  });

  it('says the two largest units, and seconds only in the last hour', () => {
    expect(countdownParts({ days: 2, hours: 5, minutes: 6, seconds: 7 })).toEqual([
      { unit: 'days', count: 2 },
      { unit: 'hours', count: 5 },
    ]);
    expect(countdownParts({ days: 0, hours: 1, minutes: 0, seconds: 9 })).toEqual([
      { unit: 'hours', count: 1 },
      { unit: 'minutes', count: 0 },
    ]);
    expect(countdownParts({ days: 0, hours: 0, minutes: 4, seconds: 9 })).toEqual([
      { unit: 'minutes', count: 4 },
      { unit: 'seconds', count: 9 },
    ]);
  });
});
