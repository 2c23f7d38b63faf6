import { describe, expect, it } from '@jest/globals';
import { ROLES } from '@yishi/contracts';
import { byRoleRank, hasConsoleAccess, isConsoleGrant, roleNameKey } from './access';

describe('console access', () => {
  it('is for every role but resident', () => {
    expect(ROLES.filter((role) => isConsoleGrant({ role }))).toEqual(['admin', 'staff', 'convenor', 'building_head', 'observer']);
  });

  it('needs one console role among the grants', () => {
    expect(hasConsoleAccess([{ role: 'resident' }])).toBe(false);
    expect(hasConsoleAccess([{ role: 'resident' }, { role: 'building_head' }])).toBe(true);
    expect(hasConsoleAccess([])).toBe(false);
    expect(hasConsoleAccess(undefined)).toBe(false);
  });
});

describe('role names', () => {
  it('have one translation key per role', () => {
    expect(roleNameKey('building_head')).toBe('roles.name.building_head');
  });

  it('sort from the most to the least powerful', () => {
    const sorted = [{ role: 'resident' as const }, { role: 'admin' as const }, { role: 'observer' as const }].sort(byRoleRank).map((g) => g.role);
    expect(sorted).toEqual(['admin', 'observer', 'resident']);
  });
});
