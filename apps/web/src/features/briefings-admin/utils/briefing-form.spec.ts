import { describe, expect, it } from '@jest/globals';
import { attendanceRequest, briefingDraftOf, briefingTiming, changedFields, checkBriefing, emptyBriefing, toBriefingRequest } from './briefing-form';

const draft = { start: '2026-05-20T19:30', end: '2026-05-20T21:00', place: ' 御水岸党支部组织生活馆 ', capacity: '40', notes: '' };

describe('a briefing session', () => {
  it('is read in Beijing time and sent whole', () => {
    expect(checkBriefing(draft)).toEqual({});
    expect(toBriefingRequest(draft)).toEqual({ startsAt: '2026-05-20T11:30:00.000Z', endsAt: '2026-05-20T13:00:00.000Z', place: '御水岸党支部组织生活馆', capacity: 40, notes: '' });
  });

  it('needs a time that ends after it starts, a place and a capacity from 1', () => {
    expect(checkBriefing(emptyBriefing())).toEqual({ start: 'dateRequired', end: 'dateRequired', place: 'placeRequired', capacity: 'capacityInvalid' });
    expect(checkBriefing({ ...draft, end: '2026-05-20T19:30', capacity: '0' })).toEqual({ end: 'endBeforeStart', capacity: 'capacityInvalid' });
    expect(checkBriefing({ ...draft, capacity: '2.5' }).capacity).toBe('capacityInvalid');
  });

  it('sends only what changed when edited', () => {
    const saved = { ...toBriefingRequest(draft) };
    const again = briefingDraftOf(saved);
    expect(changedFields(saved, again)).toEqual({});
    expect(changedFields(saved, { ...again, capacity: '60', notes: '请带身份证' })).toEqual({ capacity: 60, notes: '请带身份证' });
  });

  it('turns ticks into who came and who did not', () => {
    const signups = [
      { userId: 'a', attendedAt: null },
      { userId: 'b', attendedAt: '2026-05-20T11:40:00.000Z' },
      { userId: 'c', attendedAt: null },
    ];
    expect(attendanceRequest(signups, new Set(['a', 'b']), 3)).toEqual({ present: ['a'], absent: [], walkIns: 3 });
    expect(attendanceRequest(signups, new Set(['c']), 0)).toEqual({ present: ['c'], absent: ['b'], walkIns: 0 });
  });

  it('is upcoming, running or past', () => {
    const session = toBriefingRequest(draft);
    expect(briefingTiming(session, new Date('2026-05-20T11:00:00Z'))).toBe('upcoming');
    expect(briefingTiming(session, new Date('2026-05-20T12:00:00Z'))).toBe('running');
    expect(briefingTiming(session, new Date('2026-05-20T14:00:00Z'))).toBe('past');
  });
});
