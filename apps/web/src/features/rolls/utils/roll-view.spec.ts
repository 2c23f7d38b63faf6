import { describe, expect, it } from '@jest/globals';
import type { RollHousehold, RollMember } from '../api/list-households';
import type { RollExclusiveUnit, RollOwner } from '../api/list-exclusive-units';
import { exclusiveUnitGroup, householdGroup, householdNeedsLetters, memberView, pageCount } from './roll-view';

const member = (overrides: Partial<RollMember> = {}): RollMember => ({
  id: 'm1',
  name: '陈志伟',
  birthDate: '1971-04-21',
  fullCapacity: true,
  isHouseholdHead: false,
  isHouseholdRepresentative: false,
  isMemberRepresentative: false,
  phone: null,
  idLast4: null,
  linked: false,
  liveInvitation: false,
  ...overrides,
});

const owner = (overrides: Partial<RollOwner> = {}): RollOwner => ({
  id: 'o1',
  ownershipId: 's1',
  kind: 'person',
  name: '苏慧',
  phone: null,
  idLast4: '123X',
  isDesignatedVoter: true,
  unitCount: 1,
  linked: false,
  liveInvitation: false,
  ...overrides,
});

describe('memberView', () => {
  it('shows a member’s roles, and whether they signed up or hold a letter', () => {
    const view = memberView(member({ isHouseholdHead: true, isHouseholdRepresentative: true, liveInvitation: true }));
    expect(view.roles).toEqual(['head', 'householdRepresentative']);
    expect(view.status).toEqual(['liveInvitation']);
    expect(view.linkable).toBe(true);
    expect(memberView(member({ fullCapacity: false })).roles).toEqual(['minor']);
    const linked = memberView(member({ linked: true, liveInvitation: true }));
    expect(linked.status).toEqual(['linked']);
    expect(linked.linkable).toBe(false);
  });
});

describe('householdGroup', () => {
  const household: RollHousehold = { id: 'h1', number: 'NC-801', address: '南村1巷1号', members: [member(), member({ id: 'm2', fullCapacity: false })] };

  it('is a household with its members, to whom letters could go', () => {
    const group = householdGroup(household);
    expect(group).toMatchObject({ kind: 'household', number: 'NC-801', address: '南村1巷1号', householdId: 'h1', needsLetters: true, unit: null });
    expect(group.people.map((p) => [p.personType, p.personId])).toEqual([
      ['member', 'm1'],
      ['member', 'm2'],
    ]);
  });

  it('needs no letters when every adult signed up (minors get none)', () => {
    expect(householdNeedsLetters({ members: [member({ linked: true }), member({ fullCapacity: false })] })).toBe(false);
  });
});

describe('exclusiveUnitGroup', () => {
  const unit = (owners: RollOwner[]): RollExclusiveUnit => ({
    id: 'u1',
    number: '2-803',
    buildingId: 'b2',
    buildingName: '2栋',
    kind: 'dwelling',
    areaCentiM2: 13544,
    areaSource: 'register',
    owners,
    tenants: [{ id: 't1', name: '李租', phone: '13900000001', linked: true, liveInvitation: false }],
  });

  it('shows the area in m² with two decimals, the owners, then the tenants', () => {
    const group = exclusiveUnitGroup(unit([owner()]));
    expect(group.unit).toEqual({ buildingName: '2栋', kind: 'dwelling', area: '135.44', areaSource: 'register' });
    expect(group.people.map((p) => [p.personType, p.roles])).toEqual([
      ['owner', ['owner']],
      ['tenant', ['tenant']],
    ]);
    expect(group.needsLetters).toBe(false);
    expect(group.householdId).toBeNull();
  });

  it('marks the designated voter of a co-owned unit, and owners of several units', () => {
    const group = exclusiveUnitGroup(unit([owner({ unitCount: 3 }), owner({ id: 'o2', ownershipId: 's2', name: '王强', isDesignatedVoter: false })]));
    expect(group.people[0]).toMatchObject({ roles: ['owner', 'designatedVoter'], unitCount: 3 });
    expect(group.people[1]).toMatchObject({ roles: ['owner'], unitCount: null, personId: 'o2' });
  });

  it('never offers to link the developer in person', () => {
    const group = exclusiveUnitGroup(unit([owner({ kind: 'developer', name: '某某置业', idLast4: null })]));
    expect(group.people[0]).toMatchObject({ roles: ['developer'], linkable: false });
  });
});

describe('pageCount', () => {
  it('is at least one page', () => {
    expect(pageCount(0, 20)).toBe(1);
    expect(pageCount(41, 20)).toBe(3);
    expect(pageCount(40, 20)).toBe(2);
  });
});
