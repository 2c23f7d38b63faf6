import { describe, expect, it } from '@jest/globals';
import { areaSourceKey, memberBadges, unitArea, unitKindKey, votingNote } from './describe-roll';

const member = { name: '陈志强', isHouseholdHead: false, isHouseholdRepresentative: false, isMemberRepresentative: false, fullCapacity: true, isMe: false };

describe('memberBadges', () => {
  it('names every role a member holds, 我 first', () => {
    expect(memberBadges({ ...member, isMe: true, isHouseholdRepresentative: true })).toEqual(['me', 'householdRepresentative']);
    expect(memberBadges({ ...member, isHouseholdHead: true, isMemberRepresentative: true })).toEqual(['head', 'memberRepresentative']);
    expect(memberBadges(member)).toEqual([]);
  });

  it('marks a minor (not of full civil capacity)', () => {
    expect(memberBadges({ ...member, fullCapacity: false })).toEqual(['minor']);
  });
});

describe('units', () => {
  it('show their area in m² with two decimals', () => {
    expect(unitArea({ areaCentiM2: 8956 })).toBe('89.56');
    expect(unitArea({ areaCentiM2: 108905 })).toBe('1,089.05');
  });

  it('translate kind and area source by key', () => {
    expect(unitKindKey('parking')).toBe('me.unitKind.parking');
    expect(areaSourceKey('survey')).toBe('me.areaSource.survey');
  });

  it('say who votes: the owner, one designated co-owner, never a tenant', () => {
    expect(votingNote({ relation: 'owner', coOwners: [], iVote: true })).toBe('soleOwner');
    expect(votingNote({ relation: 'owner', coOwners: ['林'], iVote: true })).toBe('coOwnedIVote');
    expect(votingNote({ relation: 'owner', coOwners: ['苏'], iVote: false })).toBe('coOwnedOtherVotes');
    expect(votingNote({ relation: 'tenant', coOwners: [], iVote: false })).toBe('tenant');
  });
});
