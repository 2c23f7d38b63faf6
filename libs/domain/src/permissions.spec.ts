import type { Grant } from './permissions';
import { can, canGrant, hasAnyRole, supervisesUnit } from './permissions';

// street → community → compound A, compound B
const street = 'street';
const community = 'community';
const compoundA = ['compound-a', community, street];
const compoundB = ['compound-b', community, street];
const otherCommunity = ['compound-c', 'community-2', street];

const grant = (role: Grant['role'], nodeId: string, buildingId: string | null = null): Grant => ({ role, nodeId, buildingId });

describe('permissions on the organization tree', () => {
  it('lets a role hold for everything below the node it was granted on', () => {
    const streetStaff = [grant('staff', street)];
    expect(can(streetStaff, 'roll.write', { ancestry: compoundA })).toBe(true);
    expect(can(streetStaff, 'roll.write', { ancestry: otherCommunity })).toBe(true);
  });

  it('never lets a role reach a sibling unit', () => {
    const convenorA = [grant('convenor', 'compound-a')];
    expect(can(convenorA, 'roll.read', { ancestry: compoundA })).toBe(true);
    expect(can(convenorA, 'roll.read', { ancestry: compoundB })).toBe(false);
    expect(hasAnyRole(convenorA, { ancestry: compoundB })).toBe(false);
  });

  it('keeps a community’s staff inside their community', () => {
    const communityStaff = [grant('staff', community)];
    expect(can(communityStaff, 'audit.read', { ancestry: compoundB })).toBe(true);
    expect(can(communityStaff, 'audit.read', { ancestry: otherCommunity })).toBe(false);
    expect(can(communityStaff, 'org.manage', { ancestry: compoundB })).toBe(false);
  });

  it('lets observers read the roll and the audit trail but change nothing', () => {
    const observer = [grant('observer', 'compound-a')];
    expect(can(observer, 'audit.read', { ancestry: compoundA })).toBe(true);
    expect(can(observer, 'roll.read', { ancestry: compoundA })).toBe(true);
    expect(can(observer, 'roll.write', { ancestry: compoundA })).toBe(false);
    expect(can(observer, 'role.manage', { ancestry: compoundA })).toBe(false);
    expect(can(observer, 'consultation.read', { ancestry: compoundA })).toBe(true);
    expect(can(observer, 'participate', { ancestry: compoundA })).toBe(false);
  });

  it('limits a building head to the letters of their own building', () => {
    const head = [grant('building_head', 'compound-a', 'building-1')];
    expect(can(head, 'invitation.print', { ancestry: compoundA, buildingId: 'building-1' })).toBe(true);
    expect(can(head, 'invitation.print', { ancestry: compoundA, buildingId: 'building-2' })).toBe(false);
    expect(can(head, 'invitation.print', { ancestry: compoundA })).toBe(false);
    expect(can(head, 'roll.read', { ancestry: compoundA, buildingId: 'building-1' })).toBe(false);
    // Reading the compound's consultations and bringing in paper opinions is not limited to one building.
    expect(can(head, 'consultation.read', { ancestry: compoundA })).toBe(true);
    expect(can(head, 'offline.record', { ancestry: compoundA })).toBe(true);
  });

  it('gives residents no administrative action, only reading and taking part', () => {
    const resident = [grant('resident', 'compound-a')];
    expect(can(resident, 'consultation.read', { ancestry: compoundA })).toBe(true);
    expect(can(resident, 'participate', { ancestry: compoundA })).toBe(true);
    for (const action of ['roll.read', 'roll.write', 'invitation.manage', 'audit.read', 'role.manage', 'consultation.manage', 'comment.moderate', 'offline.record'] as const) {
      expect(can(resident, action, { ancestry: compoundA })).toBe(false);
    }
    expect(hasAnyRole(resident, { ancestry: compoundA })).toBe(true);
  });

  it('lets the staff supervising a unit object to a result, and no resident, building head, convenor or observer by their role', () => {
    // The vote's own electorate objects as voters: an exception the route declares, not a role's action.
    expect(can([grant('staff', community)], 'result.object', { ancestry: compoundA })).toBe(true);
    expect(can([grant('staff', community)], 'result.object', { ancestry: otherCommunity })).toBe(false);
    for (const role of ['resident', 'building_head', 'convenor', 'observer'] as const) {
      expect(can([grant(role, 'compound-a', role === 'building_head' ? 'building-1' : null)], 'result.object', { ancestry: compoundA })).toBe(false);
    }
  });

  it('lets staff grant only roles below their own, and only admins grant staff', () => {
    const communityStaff = [grant('staff', community)];
    expect(canGrant(communityStaff, 'convenor', { ancestry: compoundA })).toBe(true);
    expect(canGrant(communityStaff, 'staff', { ancestry: compoundA })).toBe(false);
    expect(canGrant(communityStaff, 'admin', { ancestry: compoundA })).toBe(false);
    expect(canGrant([grant('admin', street)], 'staff', { ancestry: [community, street] })).toBe(true);
    expect(canGrant([grant('convenor', 'compound-a')], 'resident', { ancestry: compoundA })).toBe(false);
  });
});

describe('supervisesUnit', () => {
  const ancestry = ['unit', 'community', 'street'];
  it('is staff or admin on the unit’s community or street', () => {
    expect(supervisesUnit([{ role: 'staff', nodeId: 'community', buildingId: null }], { ancestry })).toBe(true);
    expect(supervisesUnit([{ role: 'admin', nodeId: 'street', buildingId: null }], { ancestry })).toBe(true);
  });

  it('is not staff on the unit itself, nor a convenor, observer or building head above it, nor staff of another community', () => {
    expect(supervisesUnit([{ role: 'staff', nodeId: 'unit', buildingId: null }], { ancestry })).toBe(false);
    expect(supervisesUnit([{ role: 'convenor', nodeId: 'community', buildingId: null }], { ancestry })).toBe(false);
    expect(supervisesUnit([{ role: 'observer', nodeId: 'street', buildingId: null }], { ancestry })).toBe(false);
    expect(supervisesUnit([{ role: 'building_head', nodeId: 'unit', buildingId: 'b1' }], { ancestry })).toBe(false);
    expect(supervisesUnit([{ role: 'staff', nodeId: 'other-community', buildingId: null }], { ancestry })).toBe(false);
  });
});
