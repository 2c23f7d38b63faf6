import { describe, expect, it } from '@jest/globals';
import { voteRights } from './vote-rights';

const ancestry = ['u-ysa', 'c-daxu', 's-1'];

describe('voteRights', () => {
  it('lets staff and convenors run votes, on their node and below', () => {
    expect(voteRights([{ role: 'staff', nodeId: 'c-daxu', buildingId: null }], ancestry)).toEqual({ manage: true, read: true });
    expect(voteRights([{ role: 'convenor', nodeId: 'u-ysa', buildingId: null }], ancestry)).toEqual({ manage: true, read: true });
  });

  it('lets the supervisory committee read, and keeps building heads and residents out', () => {
    expect(voteRights([{ role: 'observer', nodeId: 'u-ysa', buildingId: null }], ancestry)).toEqual({ manage: false, read: true });
    expect(voteRights([{ role: 'building_head', nodeId: 'u-ysa', buildingId: 'b-1' }], ancestry)).toEqual({ manage: false, read: false });
    expect(voteRights([{ role: 'resident', nodeId: 'u-ysa', buildingId: null }], ancestry)).toEqual({ manage: false, read: false });
    expect(voteRights([{ role: 'staff', nodeId: 'c-other', buildingId: null }], ancestry)).toEqual({ manage: false, read: false });
  });
});
