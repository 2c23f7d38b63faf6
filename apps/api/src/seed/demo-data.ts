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

/**
 * What is going on in the demo street, so that a newcomer finds a consultation to read and a vote
 * to cast in: written through the API's own services (see seed-demo.ts), with every date relative
 * to the moment of seeding. Accounts are named by phone; clauses by their number (1-based).
 */
export interface DemoActivity {
  consultation: {
    unit: string;
    convenor: string;
    title: string;
    summary: string;
    draft: { title: string; preamble: string; clauses: { heading: string; body: string }[] };
    /** The comment period: from the seeding to this many days later (then revision for a week). */
    commentDays: number;
    comments: { author: string; clause: number; body: string; reply?: { outcome: 'partly_adopted'; reason: string } }[];
    offline: { recordedBy: string; clause: number; channel: 'building_head'; residentName: string; body: string };
    briefing: { inDays: number; startsAtChinaTime: string; hours: number; place: string; capacity: number; notes: string };
  };
  /**
   * Announced with the owners' full 15-day notice, which ran out `noticeRanHoursAgo` hours before
   * the seeding; the opening job then opened it, and it stays open `days` days from the seeding.
   */
  compoundVote: {
    unit: string;
    convenor: string;
    title: string;
    titleEn: string;
    question: string;
    questionEn: string;
    /** What it decides: Civil Code art. 278 item (9), an ordinary matter. */
    matter: 'owners-other';
    noticeRanHoursAgo: number;
    days: number;
  };
  cooperativeVote: {
    unit: string;
    convenor: string;
    title: string;
    titleEn: string;
    question: string;
    questionEn: string;
    /** What it decides: RCEO Law art. 26 item (7), the income distribution plan. */
    matter: 'plans-and-distribution';
    /** Opens after the 10-day notice of a member assembly, and stays open this long. */
    opensInDays: number;
    days: number;
  };
  /**
   * A discussion session (议事会) of the compound `inDays` from the seeding, in the evening (China
   * time): two topics residents raised and the convention's draft on its agenda, its notice up.
   */
  session: {
    unit: string;
    convenor: string;
    title: string;
    place: string;
    inDays: number;
    startsAtChinaTime: string;
    hours: number;
    topics: { author: string; title: string; body: string }[];
    /** Who runs the room, by phone: the chair, the recorder, a teller and a scrutineer. */
    officers: { chair: string; recorder: string; teller: string; scrutineer: string };
    guests: { name: string; affiliation: string }[];
  };
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

  // Everyone else on the demo rolls has a (fictional) phone number on the roll, as real rolls
  // mostly do: signing up with it links a letter at once, and a code for another number's
  // account goes to it (to the log, with no SMS gateway). Staff see it on the roll.
  const rollPhone = (series: number, index: number): string => `139000${series}${String(index).padStart(4, '0')}`;
  households.flatMap((h) => h.members).forEach((m, i) => (m.phone ??= rollPhone(1, i + 1)));
  owners.filter((o) => o.kind === 'person').forEach((o, i) => (o.phone ??= rollPhone(2, i + 1)));
  tenants.forEach((tenant, i) => (tenant.phone ??= rollPhone(3, i + 1)));

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

export const DEMO_ACTIVITY: DemoActivity = {
  consultation: {
    unit: COMPOUND,
    convenor: '13800000006',
    title: '电动自行车停放与充电管理公约',
    summary: '楼道和电梯内停放、充电的电动自行车是火灾隐患。业委会拟订本公约，规定集中停放、集中充电和违规处理，征求全体业主和住户意见后提交业主大会表决。',
    draft: {
      title: '御水岸小区电动自行车停放与充电管理公约（草案）',
      preamble: '为消除电动自行车在楼道、电梯内停放和充电带来的火灾隐患，维护全体业主和住户的生命财产安全，根据《消防法》和本小区管理规约，制定本公约。',
      clauses: [
        { heading: '禁止行为', body: '禁止在楼道、楼梯间、电梯前室、疏散通道和安全出口停放电动自行车或为其充电；禁止携带电动自行车及其电池进入电梯；禁止从住宅内私拉电线充电。' },
        { heading: '集中停放', body: '电动自行车在地下车库B区和1栋北侧非机动车棚集中停放。每户登记的电动自行车不超过两辆，登记后发放停车标识。' },
        { heading: '集中充电', body: '在1栋北侧和3栋东侧各设一处集中充电点，共60个充电口，按电量刷卡计费，每度电收费不超过1元，收入全部计入小区公共收益。' },
        { heading: '巡查与劝导', body: '物业服务企业每日巡查楼道和电梯前室，发现违规停放的，先行劝导并通知车主在24小时内移走；逾期不移的，移至集中停放点并在楼栋公告栏公示。' },
        { heading: '实施与修改', body: '本公约经业主大会表决通过后公布施行，由业委会监督执行；修改本公约须经业主大会表决。' },
      ],
    },
    commentDays: 14,
    comments: [
      {
        author: '13800000012',
        clause: 3,
        body: '建议在2栋附近也设一处充电点，2栋住户推车到1栋北侧太远；充电价格应当在充电点公示。',
        reply: { outcome: 'partly_adopted', reason: '采纳公示价格的建议，修改稿将写明在每个充电点公示收费标准；2栋附近没有符合消防间距的场地，暂不增设充电点，已请物业研究在2栋南侧增设车棚的可行性。' },
      },
      { author: '13800000014', clause: 2, body: '租户的电动自行车也能登记吗？我在1栋住，希望车棚晚上有照明和监控。' },
      { author: '13800000012', clause: 4, body: '24小时的期限太短，出差的业主可能来不及处理，建议改为48小时，并同时电话通知车主。' },
    ],
    offline: {
      recordedBy: '13800000007',
      clause: 1,
      channel: 'building_head',
      residentName: '1栋 梁婆婆',
      body: '家里老人用的电动三轮车能不能在首层大堂旁边留个位置？推去车库不方便。',
    },
    briefing: {
      inDays: 3,
      startsAtChinaTime: '19:30',
      hours: 1.5,
      place: '大圩社区组织生活馆',
      capacity: 60,
      notes: '业委会主任讲解公约草案，消防站工作人员讲解电动自行车火灾案例，现场可提意见。',
    },
  },
  compoundVote: {
    unit: COMPOUND,
    convenor: '13800000006',
    title: '是否同意更换小区门禁系统',
    titleEn: 'Replace the compound’s access control system?',
    question: '是否同意将小区各楼栋和大门的门禁更换为刷卡加人脸识别的门禁系统，费用约18万元，从小区公共收益中支付？',
    questionEn: 'Do you agree to replace the access control at every building and the gates with a card and face recognition system, costing about 180,000 yuan, paid from the compound’s common income?',
    matter: 'owners-other',
    noticeRanHoursAgo: 1,
    days: 14,
  },
  cooperativeVote: {
    unit: COOPERATIVE,
    convenor: '13800000005',
    title: '南村经济社2026年度集体收益分配方案',
    titleEn: 'Nancun cooperative: distributing the 2026 collective income',
    question: '是否同意2026年度集体经营收益提取30%作为公积公益金，其余70%按成员人数平均分配？',
    questionEn: 'Do you agree to set aside 30% of the 2026 collective income as the common reserve and welfare fund, and distribute the remaining 70% equally among members?',
    matter: 'plans-and-distribution',
    opensInDays: 11,
    days: 7,
  },
  session: {
    unit: COMPOUND,
    convenor: '13800000006',
    title: '御水岸议事会：电动自行车公约和两项居民议题',
    place: '御水岸党群服务站',
    inDays: 3,
    startsAtChinaTime: '19:00',
    hours: 2,
    topics: [
      { author: '13800000012', title: '地下车库B区照明不足', body: '车库B区有一半的灯坏了，晚上取车看不清，老人小孩容易摔倒，希望尽快修好并改成感应灯。' },
      { author: '13800000013', title: '2栋南侧绿地改建儿童游乐区', body: '小区没有儿童游乐设施，2栋南侧的绿地平时很少人去，建议改建一个小型儿童游乐区，配上遮阳和座椅。' },
    ],
    officers: { chair: '13800000006', recorder: '13800000007', teller: '13800000013', scrutineer: '13800000012' },
    guests: [{ name: '物业服务中心 王经理', affiliation: '御水岸物业服务中心' }],
  },
};
