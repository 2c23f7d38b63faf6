import { describe, expect, it } from '@jest/globals';
import { translator } from '../../../i18n/testing';
import { ApiError } from '../../../lib/api-client';
import { briefingErrorMessage, hasStarted, seatsLeft, splitBriefings } from './briefings';

const at = (iso: string) => ({ startsAt: iso, endsAt: new Date(new Date(iso).getTime() + 2 * 3600_000).toISOString(), capacity: 30, taken: 0 });

describe('briefing sessions', () => {
  const now = new Date('2026-05-10T04:00:00.000Z');

  it('split into those to come (soonest first) and those over (latest first)', () => {
    const sessions = [at('2026-05-12T01:00:00.000Z'), at('2026-05-01T01:00:00.000Z'), at('2026-05-10T03:00:00.000Z'), at('2026-05-05T01:00:00.000Z')];
    const { upcoming, past } = splitBriefings(sessions, now);
    expect(upcoming.map((b) => b.startsAt)).toEqual(['2026-05-10T03:00:00.000Z', '2026-05-12T01:00:00.000Z']);
    expect(past.map((b) => b.startsAt)).toEqual(['2026-05-05T01:00:00.000Z', '2026-05-01T01:00:00.000Z']);
  });

  it('count the seats left, never below none, and close sign-up at the start', () => {
    expect(seatsLeft({ capacity: 30, taken: 28 })).toBe(2);
    expect(seatsLeft({ capacity: 30, taken: 31 })).toBe(0);
    expect(hasStarted({ startsAt: '2026-05-10T03:00:00.000Z' }, now)).toBe(true);
    expect(hasStarted({ startsAt: '2026-05-10T05:00:00.000Z' }, now)).toBe(false);
  });

  it('explain a refused sign-up', async () => {
    const zh = await translator('zh-CN');
    expect(briefingErrorMessage(new ApiError('CONFLICT', 409, 'full', { reason: 'full', capacity: 30 }), zh)).toContain('满');
    expect(briefingErrorMessage(new ApiError('CONFLICT', 409, 'x', { reason: 'nonsense' }), zh)).toBe(zh('errors.CONFLICT'));
  });
});
