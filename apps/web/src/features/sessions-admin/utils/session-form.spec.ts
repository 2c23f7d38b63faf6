import { describe, expect, it } from '@jest/globals';
import { checkSession, kindsFor, toSessionRequest } from './session-form';

const NOW = Date.parse('2026-12-04T02:00:00Z');
const draft = { kind: 'member_assembly' as const, title: '成员大会', place: '组织生活馆', start: '2026-12-20T09:00', end: '2026-12-20T11:30', unitIds: [], invite: 'rolls' as const };

describe('the session form', () => {
  it('offers each kind of node the sessions the law gives it', () => {
    expect(kindsFor('compound')).toEqual(['consultative', 'owners_meeting']);
    expect(kindsFor('cooperative')).toEqual(['consultative', 'member_assembly', 'representative_assembly']);
    expect(kindsFor('community')).toEqual(['joint_meeting']);
    expect(kindsFor('street')).toEqual([]);
  });

  it('sends Beijing time as an instant, and units only for a joint meeting', () => {
    expect(checkSession(draft, NOW)).toEqual({});
    expect(toSessionRequest(draft)).toEqual({ kind: 'member_assembly', title: '成员大会', place: '组织生活馆', startsAt: '2026-12-20T01:00:00.000Z', endsAt: '2026-12-20T03:30:00.000Z' });
    expect(toSessionRequest({ ...draft, kind: 'joint_meeting', unitIds: ['a', 'b'] }).unitIds).toEqual(['a', 'b']);
  });

  it('invites the building heads alone only to a consultative session or a joint meeting', () => {
    expect(toSessionRequest({ ...draft, kind: 'joint_meeting', unitIds: ['a', 'b'], invite: 'building_heads' }).invite).toBe('building_heads');
    expect(toSessionRequest({ ...draft, kind: 'consultative', invite: 'building_heads' }).invite).toBe('building_heads');
    // A member assembly invites its whole roll, whatever the field held before the kind changed.
    expect(toSessionRequest({ ...draft, invite: 'building_heads' })).not.toHaveProperty('invite');
  });

  it('says what is wrong where a person can fix it', () => {
    expect(checkSession({ ...draft, title: ' ', start: '2026-12-01T09:00', end: '2026-12-01T10:00' }, NOW)).toEqual({ title: 'required', start: 'notInFuture' });
    expect(checkSession({ ...draft, end: '2026-12-20T08:00' }, NOW)).toEqual({ end: 'endBeforeStart' });
    expect(checkSession({ ...draft, end: '2026-12-20T22:00' }, NOW)).toEqual({ end: 'tooLongSession' });
    expect(checkSession({ ...draft, kind: 'joint_meeting', unitIds: ['a'] }, NOW)).toEqual({ unitIds: 'twoUnits' });
  });
});
