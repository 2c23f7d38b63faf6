import { describe, expect, it } from '@jest/globals';
import type { ConsoleGrant, TreeNode } from './console-nodes';
import { consoleNodes, locate, nodeSections, openSections, unitsBelow } from './console-nodes';

const node = (id: string, kind: TreeNode['kind'], children: TreeNode[] = []): TreeNode => ({ id, kind, code: id, name: id, children });
const tree: TreeNode[] = [
  node('street', 'street', [node('zhongqu', 'community', [node('nancun', 'cooperative')]), node('daxu', 'community', [node('yushuian', 'compound')])]),
];

const grant = (role: ConsoleGrant['role'], nodeId: string, buildingId: string | null = null, buildingName: string | null = null): ConsoleGrant => ({
  id: `${role}-${nodeId}-${buildingId ?? ''}`,
  role,
  nodeId,
  nodeName: nodeId,
  nodeKind: locate(tree, nodeId)!.node.kind,
  buildingId,
  buildingName,
});

const sectionsOn = (grants: ConsoleGrant[], nodeId: string) => nodeSections(grants, locate(tree, nodeId)!);

describe('locate', () => {
  it('finds a node with its ancestry, nearest first, and its parents for breadcrumbs', () => {
    const found = locate(tree, 'nancun')!;
    expect(found.ancestry).toEqual(['nancun', 'zhongqu', 'street']);
    expect(found.parents.map((p) => p.id)).toEqual(['street', 'zhongqu']);
    expect(locate(tree, 'nowhere')).toBeNull();
  });

  it('lists the units at or below a node', () => {
    expect(unitsBelow(tree[0]!).map((n) => n.id)).toEqual(['nancun', 'yushuian']);
    expect(unitsBelow(locate(tree, 'nancun')!.node).map((n) => n.id)).toEqual(['nancun']);
  });
});

describe('consoleNodes', () => {
  it('lists each node I hold a console role on once, with the units below a community', () => {
    const nodes = consoleNodes([grant('staff', 'zhongqu'), grant('resident', 'nancun'), grant('observer', 'nancun'), grant('convenor', 'nancun')], tree);
    expect(nodes.map((n) => [n.nodeId, n.roles.map((r) => r.role), n.units.map((u) => u.id)])).toEqual([
      ['zhongqu', ['staff'], ['nancun']],
      ['nancun', ['convenor', 'observer'], []],
    ]);
  });

  it('leaves a resident with nothing', () => {
    expect(consoleNodes([grant('resident', 'nancun')], tree)).toEqual([]);
  });
});

describe('nodeSections', () => {
  it('opens everything to community staff on a unit below, and roles and audit on the community', () => {
    const staff = [grant('staff', 'zhongqu')];
    const running = { manage: true, recordOffline: true, moderate: true };
    expect(sectionsOn(staff, 'nancun')).toEqual({
      roll: { write: true, link: true },
      letters: [{ kind: 'unit' }],
      accounts: [{ kind: 'unit' }],
      consultations: running,
      topics: running,
      roles: true,
      audit: true,
      votes: { manage: true, read: true, supervise: true },
      sessions: { manage: true, desk: true },
    });
    expect(openSections(sectionsOn(staff, 'nancun'))).toEqual(['roll', 'letters', 'accounts', 'consultations', 'topics', 'roles', 'audit', 'votes', 'sessions']);
    expect(sectionsOn(staff, 'zhongqu')).toEqual({
      roll: null,
      letters: [],
      accounts: [],
      consultations: running,
      topics: null,
      roles: true,
      audit: true,
      votes: { manage: true, read: true, supervise: true },
      sessions: { manage: true, desk: true },
    });
    expect(openSections(sectionsOn(staff, 'zhongqu'))).toEqual(['consultations', 'roles', 'audit', 'votes', 'sessions']);
  });

  it('opens nothing on a unit of another community', () => {
    expect(openSections(sectionsOn([grant('staff', 'zhongqu')], 'yushuian'))).toEqual([]);
  });

  it('gives a building head the letters and the in-person password resets of their building only', () => {
    const head = [grant('building_head', 'yushuian', 'b1', '1栋'), grant('resident', 'yushuian')];
    const offline = { manage: false, recordOffline: true, moderate: false };
    expect(sectionsOn(head, 'yushuian')).toEqual({
      roll: null,
      letters: [{ kind: 'building', buildingId: 'b1', buildingName: '1栋' }],
      accounts: [{ kind: 'building', buildingId: 'b1', buildingName: '1栋' }],
      consultations: offline,
      topics: offline,
      roles: false,
      audit: false,
      votes: null,
      // A building head keeps the check-in desk; scheduling is for those who run the unit's matters.
      sessions: { manage: false, desk: true },
    });
  });

  it('gives a convenor the roll to read, the whole unit’s letters and the consultations to run, and an observer the roll and the audit trail', () => {
    expect(openSections(sectionsOn([grant('convenor', 'nancun')], 'nancun'))).toEqual(['roll', 'letters', 'consultations', 'topics', 'votes', 'sessions']);
    expect(sectionsOn([grant('convenor', 'nancun')], 'nancun').roll).toEqual({ write: false, link: false });
    expect(openSections(sectionsOn([grant('observer', 'nancun')], 'nancun'))).toEqual(['roll', 'audit', 'votes']);
    expect(sectionsOn([grant('observer', 'nancun')], 'nancun').votes).toEqual({ manage: false, read: true, supervise: false });
    // A convenor runs votes and never decides a shortening of them.
    expect(sectionsOn([grant('convenor', 'nancun')], 'nancun').votes).toEqual({ manage: true, read: true, supervise: false });
    expect(sectionsOn([grant('observer', 'nancun')], 'nancun').roll).toEqual({ write: false, link: false });
  });

  it('keeps the votes of a unit from a resident, and from staff of another community', () => {
    expect(sectionsOn([grant('resident', 'yushuian')], 'yushuian').votes).toBeNull();
    expect(sectionsOn([grant('staff', 'zhongqu')], 'yushuian').votes).toBeNull();
    expect(sectionsOn([grant('staff', 'daxu')], 'yushuian').votes).toEqual({ manage: true, read: true, supervise: true });
    // Staff granted on the unit itself run its votes but do not supervise them.
    expect(sectionsOn([grant('staff', 'yushuian')], 'yushuian').votes).toEqual({ manage: true, read: true, supervise: false });
  });

  it('opens consultations but no topics on a community, for those who run them', () => {
    const community = sectionsOn([grant('staff', 'daxu')], 'daxu');
    expect(community.consultations).toEqual({ manage: true, recordOffline: true, moderate: true });
    expect(community.topics).toBeNull();
    expect(sectionsOn([grant('observer', 'nancun')], 'nancun').consultations).toBeNull();
  });

  it('opens sessions to those who run a unit’s or community’s matters and to the desk, never to a resident or an observer, nor on the street', () => {
    expect(sectionsOn([grant('resident', 'yushuian')], 'yushuian').sessions).toBeNull();
    expect(sectionsOn([grant('observer', 'nancun')], 'nancun').sessions).toBeNull();
    expect(sectionsOn([grant('staff', 'daxu')], 'daxu').sessions).toEqual({ manage: true, desk: true });
    expect(sectionsOn([grant('admin', 'street')], 'street').sessions).toBeNull();
  });
});
