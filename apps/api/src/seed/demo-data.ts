/**
 * Yishi's demo data: a believable street with one economic cooperative and one residential
 * compound. Every person is fictional; names come from a fixed pseudo-random sequence, so the
 * data are the same on every machine and every start.
 */
import type { AreaSource, ExclusiveUnitKind, OrgNodeKind, Role } from '@yishi/contracts';

export const DEMO_PASSWORD = 'yishi-demo-2026';

export interface DemoNode {
  code: string;
  kind: OrgNodeKind;
  name: string;
  parent: string | null;
}

export interface DemoAccount {
  phone: string;
  displayName: string;
  /** What the README says this account is for. */
  purpose: string;
  grants: { node: string; role: Role; building?: string }[];
}

export interface DemoMember {
  name: string;
  birthDate: string;
  isHouseholdHead: boolean;
  isHouseholdRepresentative: boolean;
  isMemberRepresentative: boolean;
  phone: string | null;
  account: string | null;
}

export interface DemoHousehold {
  number: string;
  address: string;
  members: DemoMember[];
}

export interface DemoExclusiveUnit {
  number: string;
  building: string | null;
  kind: ExclusiveUnitKind;
  areaCentiM2: number;
  areaSource: AreaSource;
}

export interface DemoOwner {
  key: string;
  kind: 'person' | 'developer';
  name: string;
  phone: string | null;
  account: string | null;
  /** Exclusive unit numbers, with whether this owner is the unit's designated voter. */
  units: { number: string; designatedVoter: boolean }[];
}

export interface DemoTenant {
  name: string;
  phone: string | null;
  account: string | null;
  unit: string;
}

export interface DemoData {
  nodes: DemoNode[];
  accounts: DemoAccount[];
  cooperative: { unit: string; households: DemoHousehold[] };
  compound: { unit: string; buildings: string[]; units: DemoExclusiveUnit[]; owners: DemoOwner[]; tenants: DemoTenant[] };
}

/** mulberry32: a small, well-known deterministic generator. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = ['陈', '李', '黄', '梁', '何', '张', '吴', '冯', '罗', '郭', '林', '周', '潘', '谭', '麦', '邓', '苏', '叶', '杨', '区', '关', '卢', '霍', '简'];
const GIVEN = ['志', '伟', '嘉', '慧', '丽', '俊', '国', '华', '秀', '英', '家', '明', '玉', '芳', '浩', '婷', '锦', '荣', '少', '燕', '永', '强', '晓', '敏', '卓', '颖', '汉', '桂', '梓', '泳', '诗', '雅', '健', '坤', '惠', '珍'];

export const STREET = 'guicheng';
export const COMMUNITY_ZHONGQU = 'zhongqu';
export const COMMUNITY_DAXU = 'daxu';
export const COOPERATIVE = 'nancun';
export const COMPOUND = 'yushuian';

export function buildDemoData(): DemoData {
  const random = generator(20261126);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  const used = new Set<string>();
  const personName = (surname = pick(SURNAMES)): string => {
    for (;;) {
      const name = surname + pick(GIVEN) + (random() < 0.85 ? pick(GIVEN) : '');
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
  const date = (fromYear: number, toYear: number): string =>
    `${int(fromYear, toYear)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;

  const nodes: DemoNode[] = [
    { code: STREET, kind: 'street', name: '桂城街道', parent: null },
    { code: COMMUNITY_ZHONGQU, kind: 'community', name: '中区社区', parent: STREET },
    { code: COMMUNITY_DAXU, kind: 'community', name: '大圩社区', parent: STREET },
    { code: COOPERATIVE, kind: 'cooperative', name: '南村经济社', parent: COMMUNITY_ZHONGQU },
    { code: COMPOUND, kind: 'compound', name: '御水岸', parent: COMMUNITY_DAXU },
  ];

  // --- 南村经济社: 40 households, about 120 members -------------------------------------------
  const households: DemoHousehold[] = [];
  for (let h = 1; h <= 40; h += 1) {
    const surname = pick(SURNAMES);
    const members: DemoMember[] = [];
    const member = (name: string, birthDate: string, isHead = false): DemoMember => ({
      name,
      birthDate,
      isHouseholdHead: isHead,
      isHouseholdRepresentative: false,
      isMemberRepresentative: false,
      phone: null,
      account: null,
    });
    members.push(member(personName(surname), date(1946, 1978), true));
    const size = h % 10 === 0 ? 1 : int(2, 4);
    if (size >= 2) members.push(member(personName(), date(1950, 1980)));
    for (let c = 2; c < size; c += 1) {
      // Children: some of age, some minors (born 2009 or later are minors in 2026).
      members.push(member(personName(surname), h % 3 === 0 ? date(2009, 2016) : date(1985, 2004)));
    }
    members[0]!.isHouseholdRepresentative = true;
    households.push({ number: `NC-${String(h).padStart(3, '0')}`, address: `南村${int(1, 12)}巷${int(1, 40)}号`, members });
  }
  // In household 7 the elderly head leaves the household representative role to an adult child.
  const h7 = households[6]!;
  h7.members[0]!.birthDate = '1941-04-18';
  h7.members[0]!.isHouseholdRepresentative = false;
  if (h7.members.length < 3) h7.members.push({ ...h7.members[1]!, name: personName(h7.members[0]!.name[0]), isHouseholdHead: false });
  h7.members[2]!.birthDate = '1979-09-09';
  h7.members[2]!.isHouseholdRepresentative = true;
  h7.members[2]!.phone = '13800000011';
  h7.members[2]!.account = '13800000011';
  // Ten member representatives (成员代表), one for about every four households.
  for (let h = 0; h < 40; h += 4) households[h]!.members[0]!.isMemberRepresentative = true;
  // The cooperative's chair and the supervisory member are members too.
  households[0]!.members[0]!.phone = '13800000005';
  households[0]!.members[0]!.account = '13800000005';
  households[1]!.members[0]!.phone = '13800000008';
  households[1]!.members[0]!.account = '13800000008';

  // --- 御水岸: 3 buildings, 270 dwellings, 4 shops, 30 parking spaces --------------------------
  const buildings = ['1栋', '2栋', '3栋'];
  const layouts = [8956, 11230, 13508];
  const units: DemoExclusiveUnit[] = [];
  buildings.forEach((building, b) => {
    for (let floor = 1; floor <= 30; floor += 1) {
      for (let room = 1; room <= 3; room += 1) {
        const source: AreaSource = floor > 27 ? 'contract' : floor > 24 ? 'survey' : 'register';
        units.push({
          number: `${b + 1}-${floor}${String(room).padStart(2, '0')}`,
          building,
          kind: 'dwelling',
          areaCentiM2: layouts[room - 1]! + ((b * 7 + room * 3) % 11) * 4,
          areaSource: source,
        });
      }
    }
  });
  for (let s = 1; s <= 4; s += 1) {
    units.push({ number: `S-${s}`, building: '1栋', kind: 'shop', areaCentiM2: 6540 + s * 415, areaSource: 'register' });
  }
  for (let p = 1; p <= 30; p += 1) {
    units.push({ number: `P-${String(p).padStart(3, '0')}`, building: null, kind: 'parking', areaCentiM2: 1250, areaSource: 'register' });
  }

  const owners: DemoOwner[] = [];
  // The developer still holds the top floors of building 3 and ten parking spaces: one person.
  const developerUnits = units.filter((u) => /^3-(29|30)\d\d$/.test(u.number) || /^P-0(2\d|30)$/.test(u.number));
  owners.push({
    key: 'developer',
    kind: 'developer',
    name: '佛山御水岸房地产开发有限公司',
    phone: null,
    account: null,
    units: developerUnits.map((u) => ({ number: u.number, designatedVoter: true })),
  });
  const taken = new Set(developerUnits.map((u) => u.number));
  // One owner with several units (two flats, a shop and a parking space): one person, all the area.
  const multi = ['1-1201', '1-1202', 'S-2', 'P-001'];
  owners.push({
    key: 'multi',
    kind: 'person',
    name: personName('何'),
    phone: '13800000012',
    account: '13800000012',
    units: multi.map((number) => ({ number, designatedVoter: true })),
  });
  multi.forEach((n) => taken.add(n));
  // One co-owned flat: a married couple; the wife is the designated voter.
  const coOwned = '2-803';
  owners.push({ key: 'co-wife', kind: 'person', name: personName('苏'), phone: '13800000013', account: '13800000013', units: [{ number: coOwned, designatedVoter: true }] });
  owners.push({ key: 'co-husband', kind: 'person', name: personName('林'), phone: null, account: null, units: [{ number: coOwned, designatedVoter: false }] });
  taken.add(coOwned);
  // The building head of building 1 owns a flat there.
  owners.push({ key: 'building-head', kind: 'person', name: personName('潘'), phone: '13800000007', account: '13800000007', units: [{ number: '1-502', designatedVoter: true }] });
  taken.add('1-502');
  // Everyone else owns one unit each.
  for (const unit of units) {
    if (taken.has(unit.number)) continue;
    owners.push({ key: `owner-${unit.number}`, kind: 'person', name: personName(), phone: null, account: null, units: [{ number: unit.number, designatedVoter: true }] });
  }

  const rentedUnits = ['1-301', '1-1503', '2-402', '2-1701', '3-603', '3-1102', '2-2003', 'S-1'];
  const tenants: DemoTenant[] = rentedUnits.map((unit, i) => ({
    name: personName(),
    phone: i === 0 ? '13800000014' : null,
    account: i === 0 ? '13800000014' : null,
    unit,
  }));

  const accounts: DemoAccount[] = [
    { phone: '13800000001', displayName: '平台管理员', purpose: 'admin: creates streets and communities, grants staff roles', grants: [{ node: STREET, role: 'admin' }] },
    { phone: '13800000002', displayName: '街道工作人员 陈小红', purpose: 'street staff: oversees every unit of 桂城街道', grants: [{ node: STREET, role: 'staff' }] },
    { phone: '13800000003', displayName: '中区社区 黄敏', purpose: 'community staff of 中区社区 (南村经济社)', grants: [{ node: COMMUNITY_ZHONGQU, role: 'staff' }] },
    { phone: '13800000004', displayName: '大圩社区 叶嘉欣', purpose: 'community staff of 大圩社区 (御水岸)', grants: [{ node: COMMUNITY_DAXU, role: 'staff' }] },
    { phone: '13800000005', displayName: households[0]!.members[0]!.name, purpose: 'convenor of 南村经济社 (branch secretary), a member', grants: [{ node: COOPERATIVE, role: 'convenor' }, { node: COOPERATIVE, role: 'resident' }] },
    { phone: '13800000006', displayName: '御水岸业委会 邓卓', purpose: 'convenor of 御水岸 (owners’ committee chair)', grants: [{ node: COMPOUND, role: 'convenor' }] },
    { phone: '13800000007', displayName: owners.find((o) => o.key === 'building-head')!.name, purpose: 'building head of 御水岸 1栋, an owner', grants: [{ node: COMPOUND, role: 'building_head', building: '1栋' }, { node: COMPOUND, role: 'resident' }] },
    { phone: '13800000008', displayName: households[1]!.members[0]!.name, purpose: 'observer: supervisory committee of 南村经济社', grants: [{ node: COOPERATIVE, role: 'observer' }, { node: COOPERATIVE, role: 'resident' }] },
    { phone: '13800000011', displayName: h7.members[2]!.name, purpose: 'resident: 南村 member, household representative of NC-007', grants: [{ node: COOPERATIVE, role: 'resident' }] },
    { phone: '13800000012', displayName: owners.find((o) => o.key === 'multi')!.name, purpose: 'resident: 御水岸 owner of two flats, a shop and a parking space', grants: [{ node: COMPOUND, role: 'resident' }] },
    { phone: '13800000013', displayName: owners.find((o) => o.key === 'co-wife')!.name, purpose: 'resident: 御水岸 co-owner and designated voter of 2-803', grants: [{ node: COMPOUND, role: 'resident' }] },
    { phone: '13800000014', displayName: tenants[0]!.name, purpose: 'resident: 御水岸 tenant of 1-301 (comments, does not vote)', grants: [{ node: COMPOUND, role: 'resident' }] },
  ];

  return {
    nodes,
    accounts,
    cooperative: { unit: COOPERATIVE, households },
    compound: { unit: COMPOUND, buildings, units, owners, tenants },
  };
}
