import type { CurrentCompound, CurrentCooperative, CurrentMember } from './diff';
import { diffCompound, diffCooperative, hasChanges, summarise } from './diff';
import type { CompoundPlan, CooperativePlan, PlanMember } from './plan';

const link = { linked: false, liveInvitation: false };
const member = (over: Partial<CurrentMember> & Pick<CurrentMember, 'id' | 'name'>): CurrentMember => ({
  householdId: 'h1',
  birthDate: '1960-01-01',
  isHouseholdHead: false,
  isHouseholdRepresentative: false,
  isMemberRepresentative: false,
  phone: null,
  idNumberHash: null,
  idLast4: null,
  ...link,
  ...over,
});
const planMember = (over: Partial<PlanMember> & Pick<PlanMember, 'name'>): PlanMember => ({
  row: 2,
  householdNumber: 'H-1',
  birthDate: '1960-01-01',
  isHouseholdHead: false,
  isHouseholdRepresentative: false,
  ...over,
});
const cooperative = (members: CurrentMember[]): CurrentCooperative => ({
  kind: 'cooperative',
  households: [
    { id: 'h1', number: 'H-1', address: null },
    { id: 'h2', number: 'H-2', address: null },
  ],
  members,
});
const plan = (members: PlanMember[]): CooperativePlan => ({
  kind: 'cooperative',
  households: [...new Set(members.map((m) => m.householdNumber))].map((number) => ({ number, rows: [] })),
  members,
});

describe('matching a cooperative file to the roll', () => {
  it('finds nothing to change when the file is the roll', () => {
    const current = { ...cooperative([member({ id: 'm1', name: '张三', isHouseholdHead: true, phone: '13800000001' })]), households: [{ id: 'h1', number: 'H-1', address: null }] };
    const { diff, problems } = diffCooperative(plan([planMember({ name: '张三', isHouseholdHead: true, phone: '13800000001' })]), current);
    expect(problems).toEqual([]);
    expect(hasChanges(diff)).toBe(false);
  });

  it('follows an identity number across a change of name and household', () => {
    const current = cooperative([member({ id: 'm1', name: '张三', idNumberHash: 'H', idLast4: '1234' })]);
    const { diff } = diffCooperative(plan([planMember({ name: '张叁', householdNumber: 'H-2', id: { kind: 'full', hash: 'H', last4: '1234' } })]), current);
    expect(diff.members.change).toEqual([
      expect.objectContaining({ id: 'm1', fields: ['householdNumber', 'name'], before: { householdNumber: 'H-1', name: '张三' }, after: { householdNumber: 'H-2', name: '张叁' } }),
    ]);
  });

  it('follows a person without identity number who moved household, by name and birth date', () => {
    const current = cooperative([member({ id: 'm1', name: '张三' })]);
    const { diff } = diffCooperative(plan([planMember({ name: '张三', householdNumber: 'H-2' })]), current);
    expect(diff.members.change.map((c) => [c.id, c.fields])).toEqual([['m1', ['householdNumber']]]);
  });

  it('gives a stored person a first identity number, keeps it when the cell is empty, and shows a new one as `idNumber` without the hash', () => {
    const current = cooperative([member({ id: 'm1', name: '张三' }), member({ id: 'm2', name: '李四', birthDate: '1961-01-01', idNumberHash: 'OLD', idLast4: '1111' })]);
    const { diff } = diffCooperative(
      plan([planMember({ name: '张三', id: { kind: 'full', hash: 'NEW', last4: '2222' } }), planMember({ name: '李四', birthDate: '1961-01-01', id: null })]),
      current,
    );
    expect(diff.members.change).toEqual([expect.objectContaining({ id: 'm1', fields: ['idNumber'], before: { idLast4: null }, after: { idLast4: '2222' } })]);
    expect(diff.members.unchanged).toBe(1);
  });

  it('removes whoever the file leaves out, saying who is linked', () => {
    const current = cooperative([member({ id: 'm1', name: '张三' }), member({ id: 'm2', name: '李四', linked: true })]);
    const { diff } = diffCooperative(plan([planMember({ name: '张三' })]), current);
    expect(diff.members.remove).toEqual([expect.objectContaining({ id: 'm2', label: 'H-1 李四', link: { linked: true, liveInvitation: false } })]);
    expect(diff.households.remove.map((h) => h.label)).toEqual(['H-2']);
    expect(summarise(diff)).toEqual([
      { kind: 'household', added: 0, changed: 0, removed: 1, unchanged: 1 },
      { kind: 'member', added: 0, changed: 0, removed: 1, unchanged: 1 },
    ]);
  });

  it('accepts an exported last four only for the person who has it', () => {
    const current = cooperative([member({ id: 'm1', name: '张三', idNumberHash: 'H', idLast4: '1234' }), member({ id: 'm2', name: '李四', birthDate: '1961-01-01' })]);
    const ok = diffCooperative(plan([planMember({ name: '张三', id: { kind: 'last4', last4: '1234' } })]), current);
    expect(ok.problems).toEqual([]);
    const { problems } = diffCooperative(
      plan([
        planMember({ row: 2, name: '张三', id: { kind: 'last4', last4: '9999' } }),
        planMember({ row: 3, name: '李四', birthDate: '1961-01-01', id: { kind: 'last4', last4: '1234' } }),
        planMember({ row: 4, name: '王五', id: { kind: 'last4', last4: '1234' } }),
      ]),
      current,
    );
    expect(problems.map((p) => [p.row, p.code])).toEqual([
      [2, 'ID_LAST4_MISMATCH'],
      [3, 'ID_LAST4_MISMATCH'],
      [4, 'ID_LAST4_UNKNOWN'],
    ]);
  });
});

describe('matching a compound file to the roll', () => {
  const current: CurrentCompound = {
    kind: 'compound',
    buildings: [{ id: 'b1', name: '1栋' }],
    units: [
      { id: 'u1', number: '1-101', buildingId: 'b1', kind: 'dwelling', areaCentiM2: 8956, areaSource: 'register' },
      { id: 'u2', number: '1-102', buildingId: 'b1', kind: 'dwelling', areaCentiM2: 8956, areaSource: 'register' },
    ],
    owners: [
      { id: 'o1', kind: 'person', name: '张三', phone: null, idNumberHash: null, idLast4: null, ...link },
      { id: 'o2', kind: 'person', name: '李四', phone: '13800000002', idNumberHash: 'L', idLast4: '4444', ...link },
      { id: 'dev', kind: 'developer', name: '开发公司', phone: null, idNumberHash: null, idLast4: null, ...link },
    ],
    ownerships: [
      { id: 's1', exclusiveUnitId: 'u1', ownerId: 'o1', isDesignatedVoter: true },
      { id: 's2', exclusiveUnitId: 'u1', ownerId: 'o2', isDesignatedVoter: false },
      { id: 's3', exclusiveUnitId: 'u2', ownerId: 'dev', isDesignatedVoter: true },
    ],
    tenants: [],
  };
  const unit = (number: string) => ({ number, building: '1栋', kind: 'dwelling' as const, areaCentiM2: 8956, areaSource: 'register' as const, rows: [] });

  it('matches an owner whose phone changed by name and unit, swaps the designated voter, and follows the developer’s new name', () => {
    const next: CompoundPlan = {
      kind: 'compound',
      buildings: ['1栋'],
      units: [unit('1-101'), unit('1-102')],
      owners: [
        { key: 'a', developer: false, name: '张三', phone: '13800000001', id: null, rows: [2], units: ['1-101'] },
        { key: 'b', developer: false, name: '李四', id: { kind: 'last4', last4: '4444' }, rows: [3], units: ['1-101'] },
        { key: 'developer', developer: true, name: '开发公司（新）', rows: [4], units: ['1-102'] },
      ],
      ownerships: [
        { row: 2, unitNumber: '1-101', ownerKey: 'a', isDesignatedVoter: false },
        { row: 3, unitNumber: '1-101', ownerKey: 'b', isDesignatedVoter: true },
        { row: 4, unitNumber: '1-102', ownerKey: 'developer', isDesignatedVoter: true },
      ],
      tenants: [],
    };
    const { diff, problems } = diffCompound(next, current);
    expect(problems).toEqual([]);
    expect(diff.owners.change.map((c) => [c.id, c.fields])).toEqual([
      ['o1', ['phone']],
      ['dev', ['name']],
    ]);
    expect(diff.ownerships.change.map((c) => [c.id, c.after])).toEqual([
      ['s1', { isDesignatedVoter: false }],
      ['s2', { isDesignatedVoter: true }],
    ]);
    expect([diff.owners.add, diff.owners.remove, diff.ownerships.add, diff.ownerships.remove]).toEqual([[], [], [], []]);
  });

  it('treats a new name without an identity number as a new person', () => {
    const next: CompoundPlan = {
      kind: 'compound',
      buildings: ['1栋'],
      units: [unit('1-101')],
      owners: [{ key: 'a', developer: false, name: '张叁', id: null, rows: [2], units: ['1-101'] }],
      ownerships: [{ row: 2, unitNumber: '1-101', ownerKey: 'a', isDesignatedVoter: true }],
      tenants: [],
    };
    const { diff } = diffCompound(next, current);
    expect(diff.owners.add.map((a) => a.label)).toEqual(['张叁']);
    expect(diff.owners.remove.map((r) => r.id).sort()).toEqual(['dev', 'o1', 'o2']);
    expect(diff.units.remove.map((r) => r.label)).toEqual(['1-102']);
  });
});
