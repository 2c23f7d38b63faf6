import { describe, expect, it } from '@jest/globals';
import type { Grant } from '@yishi/domain';
import { canRevoke, grantableRoles, grantableWithBuildings } from './grantable';

const STREET = 'street';
const COMMUNITY = 'community';
const UNIT = 'unit';
const ancestry = [UNIT, COMMUNITY, STREET];

const grant = (role: Grant['role'], nodeId: string, buildingId: string | null = null): Grant => ({ role, nodeId, buildingId });

describe('grantableRoles', () => {
  it('lets an admin grant every role but building head (which needs a building)', () => {
    expect(grantableRoles([grant('admin', STREET)], ancestry)).toEqual(['admin', 'staff', 'convenor', 'observer', 'resident']);
  });

  it('lets staff grant below their own level, on their node and below it', () => {
    expect(grantableRoles([grant('staff', COMMUNITY)], ancestry)).toEqual(['convenor', 'observer', 'resident']);
    expect(grantableRoles([grant('staff', COMMUNITY)], [COMMUNITY, STREET])).toEqual(['convenor', 'observer', 'resident']);
  });

  it('offers building head where buildings can be picked (a compound)', () => {
    expect(grantableRoles([grant('staff', COMMUNITY)], ancestry, { buildings: true })).toEqual(['convenor', 'building_head', 'observer', 'resident']);
    expect(grantableRoles([grant('admin', STREET)], ancestry, { buildings: true })).toContain('building_head');
    expect(grantableWithBuildings([grant('staff', COMMUNITY)], ancestry)).toBe(true);
    expect(grantableWithBuildings([grant('convenor', UNIT)], ancestry)).toBe(false);
  });

  it('gives nothing to other roles, or on a node out of reach', () => {
    expect(grantableRoles([grant('convenor', UNIT), grant('observer', UNIT), grant('building_head', UNIT, 'b1')], ancestry)).toEqual([]);
    expect(grantableRoles([grant('staff', 'other-community')], ancestry)).toEqual([]);
  });
});

describe('canRevoke', () => {
  it('follows what one may grant', () => {
    const staff = [grant('staff', COMMUNITY)];
    expect(canRevoke(staff, ancestry, 'me', { role: 'convenor', userId: 'u2' })).toBe(true);
    expect(canRevoke(staff, ancestry, 'me', { role: 'staff', userId: 'u2' })).toBe(false);
    expect(canRevoke(staff, ancestry, 'me', { role: 'building_head', userId: 'u2' })).toBe(true);
  });

  it('never offers to take away one’s own admin or staff role', () => {
    expect(canRevoke([grant('admin', STREET)], ancestry, 'me', { role: 'admin', userId: 'me' })).toBe(false);
    expect(canRevoke([grant('admin', STREET)], ancestry, 'me', { role: 'resident', userId: 'me' })).toBe(true);
  });
});
