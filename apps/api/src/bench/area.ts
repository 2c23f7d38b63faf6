/**
 * The 千灯湖 area in one database, for `npm run seed:area`, `npm run bench:pages` and a test that
 * keeps it honest: forty compounds around the lake park under a joint committee, with their rolls
 * and their current business.
 *
 * Two phases, as the demo seed has:
 *   - the rolls (seedAreaRolls): the street, its communities and compounds, buildings, homes and
 *     shops, owners (co-owners with one designated voter, the developer's unsold units counted as
 *     one owner, owners of a home and a shop), tenants, accounts and role grants, written straight
 *     into PostgreSQL with set-based inserts in one transaction, every row through the schema's
 *     constraints and triggers;
 *   - the business (seedAreaActivity), through the API's own services as people would: the joint
 *     committee's consultation on a convention across every compound and a few compounds' own,
 *     thousands of opinions with official answers, owners' votes opened (electorate frozen) with
 *     ballots cast online, and one vote counted with its result published.
 * Everything is deterministic but the ids and dates (relative to now).
 */
import type { INestApplicationContext } from '@nestjs/common';
import { LEGAL_TIME_ZONE } from '@yishi/contracts';
import { calendarDateIn, DAY_MS, HOUR_MS, RULE_SETS } from '@yishi/domain';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CommentsService } from '../comments/comments.service';
import { ModerationService } from '../comments/moderation.service';
import type { Actor } from '../common/actor';
import { sha256 } from '../common/keyed-hash';
import { ConsultationsService } from '../consultations/consultations.service';
import { DraftsService } from '../consultations/drafts.service';
import { onClient, pooledConnection } from '../database/pooled';
import type { TxQuery } from '../database/pooled';
import { CastingService } from '../votes/ballots/casting.service';
import { VotesService } from '../votes/lifecycle/votes.service';
import { SealingService } from '../votes/sealing/sealing.service';
import type { SignedInAccount } from './synthetic-compound';

export interface AreaOptions {
  /** Node codes start with it (lower-case letters, digits); default `qdh`. */
  code: string;
  communities: number;
  compounds: number;
  buildings: number;
  homes: number;
  shops: number;
  /** Opinions on the joint committee's convention (every compound's residents may comment). */
  jointOpinions: number;
  /** Compounds with a consultation of their own, and opinions on each. */
  compoundConsultations: number;
  compoundOpinions: number;
  /** Compounds with an open owners' vote; one more compound has a vote counted and published. */
  openVotes: number;
  /** Share of the voters with an account who have cast so far in each vote. */
  turnout: number;
  /** Parallel service calls while writing the business (each is a transaction of its own). */
  parallel: number;
}

/** The issue's area: 40 compounds, 300 buildings, 20,000 homes, 700 shops. */
export const QIANDENGHU: AreaOptions = {
  code: 'qdh',
  communities: 4,
  compounds: 40,
  buildings: 300,
  homes: 20_000,
  shops: 700,
  jointOpinions: 3_000,
  compoundConsultations: 4,
  compoundOpinions: 300,
  openVotes: 6,
  turnout: 0.45,
  parallel: 8,
};

/** The area at `compounds` of its 40 compounds' size, everything in proportion (for tests and quick runs). */
export function scaledArea(compounds: number): AreaOptions {
  const f = compounds / QIANDENGHU.compounds;
  return {
    ...QIANDENGHU,
    communities: Math.max(1, Math.min(QIANDENGHU.communities, Math.round(QIANDENGHU.communities * f))),
    compounds,
    buildings: Math.max(compounds, Math.round(QIANDENGHU.buildings * f)),
    homes: Math.round(QIANDENGHU.homes * f),
    shops: Math.round(QIANDENGHU.shops * f),
    jointOpinions: Math.round(QIANDENGHU.jointOpinions * f),
    compoundConsultations: Math.max(1, Math.round(QIANDENGHU.compoundConsultations * f)),
    compoundOpinions: Math.round(QIANDENGHU.compoundOpinions * Math.min(1, 4 * f)),
    openVotes: Math.max(1, Math.min(compounds - 1, Math.round(QIANDENGHU.openVotes * f))),
  };
}

export interface AreaCompound {
  id: string;
  code: string;
  name: string;
  communityId: string;
  convenorUserId: string;
  /** The building heads, one per building. */
  buildingHeads: { userId: string; buildingId: string; building: string }[];
  /** Users holding the resident role here (owners and tenants with an account), in roll order. */
  residentUserIds: string[];
}

export interface Area {
  streetId: string;
  communityIds: string[];
  compounds: AreaCompound[];
  /** Street staff (the whole area) and one staff member per community. */
  streetStaffUserId: string;
  communityStaffUserIds: string[];
  /** The joint committee's secretary: convenor on the street, for consultations across compounds. */
  jointConvenorUserId: string;
  counts: Record<string, number>;
}

export interface AreaActivity {
  jointConsultationId: string;
  compoundConsultations: { id: string; unitId: string }[];
  openVotes: { id: string; unitId: string }[];
  closedVote: { id: string; unitId: string };
  counts: Record<string, number>;
}

/** mulberry32: a small deterministic generator (as the demo data use). */
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
const COMPOUND_NAMES = ['千灯湖壹号', '天佑城', '保利水城', '中海万锦', '金融高新区花园', '怡翠玫瑰园', '南海万达广场住宅', '万科金域华府', '碧桂园凤凰', '雅居乐湖居', '绿地中央广场', '佛山华府', '时代天境', '中海锦城', '越秀星汇', '招商依云', '保利中央公馆', '星光名座', '海逸桃花园', '金域蓝湾'];
const COMMUNITY_NAMES = ['灯湖社区', '海三路社区', '叠翠社区', '东二社区', '怡翠社区', '锦园社区'];

/** An 11-digit mobile number: a prefix of 3, a compound's 2 digits, a serial of 6. */
function phone(prefix: string, compound: number, serial: number): string {
  return `${prefix}${String(compound).padStart(2, '0')}${String(serial).padStart(6, '0')}`;
}

/** Splits `total` into `parts` near-equal integers, the larger ones first. */
function spread(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}

/** Inserts rows column by column through unnest, in chunks. */
async function insertRows(run: TxQuery, table: string, columns: [name: string, type: string][], rows: unknown[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = rows.slice(i, i + 5000);
    const params = columns.map((_, c) => chunk.map((r) => r[c]));
    await run(
      `INSERT INTO ${table} (${columns.map(([n]) => n).join(', ')}) SELECT * FROM unnest(${columns.map(([, t], c) => `$${c + 1}::${t}[]`).join(', ')})`,
      params,
    );
  }
}

/** Whether the area (its street, by code) is already in the database. */
export async function areaExists(run: TxQuery, code = QIANDENGHU.code): Promise<boolean> {
  return (await run<{ n: number }>(`SELECT count(*)::int AS n FROM org_node WHERE code = $1`, [`${code}-street`]))[0]!.n > 0;
}

/**
 * Writes the area's nodes, rolls, accounts and role grants in one transaction on `run` (a single
 * connection: it issues BEGIN and COMMIT). Refuses a database that already holds the area.
 */
export async function seedAreaRolls(run: TxQuery, options: AreaOptions = QIANDENGHU): Promise<Area> {
  const { code } = options;
  if (!/^[a-z][a-z0-9]{0,20}$/.test(code)) throw new Error('code: lower-case letters and digits');
  if (options.compounds < 1 || options.compounds > 99 || options.buildings < options.compounds || options.homes < options.buildings * 8) {
    throw new Error('at most 99 compounds, at least one building per compound and eight homes per building');
  }
  const random = generator(20261201);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const personName = (surname = pick(SURNAMES)): string => surname + pick(GIVEN) + (random() < 0.85 ? pick(GIVEN) : '');

  await run('BEGIN');
  try {
    if (await areaExists(run, code)) throw new Error(`the database already holds the area (org_node ${code}-street): use another database`);
    const users: unknown[][] = [];
    const newUser = (phoneNumber: string, name: string): string => {
      const id = randomUUID();
      users.push([id, phoneNumber, name]);
      return id;
    };
    const grants: unknown[][] = [];
    const grant = (userId: string, nodeId: string, role: string, buildingId: string | null = null): void => void grants.push([userId, nodeId, role, buildingId]);

    const streetId = randomUUID();
    const nodes: unknown[][] = [[streetId, 'street', `${code}-street`, '桂城街道（千灯湖片区）', null]];
    const communityIds = Array.from({ length: options.communities }, () => randomUUID());
    communityIds.forEach((id, i) => nodes.push([id, 'community', `${code}-c${i + 1}`, COMMUNITY_NAMES[i % COMMUNITY_NAMES.length]! + (i >= COMMUNITY_NAMES.length ? String(i + 1) : ''), streetId]));
    const compoundNodes = Array.from({ length: options.compounds }, (_, i) => ({
      id: randomUUID(),
      code: `${code}-x${String(i + 1).padStart(2, '0')}`,
      name: `${COMPOUND_NAMES[i % COMPOUND_NAMES.length]!}${i >= COMPOUND_NAMES.length ? `${Math.floor(i / COMPOUND_NAMES.length) + 1}期` : ''}`,
      communityId: communityIds[i % options.communities]!,
    }));
    for (const c of compoundNodes) nodes.push([c.id, 'compound', c.code, c.name, c.communityId]);
    // Parents before children: the shape trigger reads the parent's kind.
    await insertRows(run, 'org_node', [['id', 'uuid'], ['kind', 'text'], ['code', 'text'], ['name', 'text'], ['parent_id', 'uuid']], nodes);

    const streetStaffUserId = newUser('13599000001', '桂城街道 片区工作人员');
    grant(streetStaffUserId, streetId, 'staff');
    const jointConvenorUserId = newUser('13599000002', '千灯湖片区联合党委书记');
    grant(jointConvenorUserId, streetId, 'convenor');
    const communityStaffUserIds = communityIds.map((id, i) => {
      const userId = newUser(phone('135', 98, i + 1), `${COMMUNITY_NAMES[i % COMMUNITY_NAMES.length]!} 工作人员`);
      grant(userId, id, 'staff');
      return userId;
    });

    const buildingsPer = spread(options.buildings, options.compounds);
    const homesPer = spread(options.homes, options.buildings);
    const shopsPer = spread(options.shops, options.compounds);
    const revisions: unknown[][] = [];
    const buildings: unknown[][] = [];
    const exclusiveUnits: unknown[][] = [];
    const owners: unknown[][] = [];
    const ownerships: unknown[][] = [];
    const tenants: unknown[][] = [];
    const compounds: AreaCompound[] = [];
    const totals = { developerUnits: 0, coOwnedUnits: 0, multiUnitOwners: 0, tenantAccounts: 0 };
    let buildingIndex = 0;

    for (const [ci, node] of compoundNodes.entries()) {
      const c = ci + 1;
      const revisionId = randomUUID();
      const residentUserIds: string[] = [];
      const buildingHeads: AreaCompound['buildingHeads'] = [];
      let ownerSerial = 0;
      let tenantSerial = 0;
      const counts = { buildings: buildingsPer[ci]!, exclusiveUnits: 0, owners: 0, ownerships: 0, tenants: 0 };
      const addOwner = (kind: 'person' | 'developer', withAccount: boolean): { id: string; userId: string | null } => {
        const id = randomUUID();
        const name = kind === 'developer' ? `${node.name}房地产开发有限公司` : personName();
        const tel = kind === 'developer' ? null : phone('137', c, (ownerSerial += 1));
        const userId = tel && withAccount ? newUser(tel, name) : null;
        if (userId) {
          grant(userId, node.id, 'resident');
          residentUserIds.push(userId);
        }
        owners.push([id, node.id, kind, name, tel, userId, revisionId]);
        counts.owners += 1;
        return { id, userId };
      };
      const own = (unitId: string, ownerId: string, designated: boolean): void => {
        ownerships.push([node.id, unitId, ownerId, designated, revisionId]);
        counts.ownerships += 1;
      };
      const developer = addOwner('developer', false);
      const homeOwners: { id: string; userId: string | null }[] = [];

      for (let b = 1; b <= buildingsPer[ci]!; b += 1) {
        const buildingId = randomUUID();
        buildings.push([buildingId, node.id, `${b}栋`, revisionId]);
        let head: string | null = null;
        const homes = homesPer[buildingIndex++]!;
        for (let h = 0; h < homes; h += 1) {
          const floor = Math.floor(h / 4) + 1;
          const room = (h % 4) + 1;
          const unitId = randomUUID();
          const area = [8956, 11230, 13508, 14472][room - 1]! + ((b * 7 + floor * 3) % 11) * 4;
          const source = floor % 10 === 0 ? 'survey' : 'register';
          exclusiveUnits.push([unitId, node.id, buildingId, `${b}-${floor}${String(room).padStart(2, '0')}`, 'dwelling', area, source, revisionId]);
          counts.exclusiveUnits += 1;
          const r = random();
          if (r < 0.02) {
            // Unsold: held by the developer, who counts as one owner for all of them.
            own(unitId, developer.id, true);
            totals.developerUnits += 1;
            continue;
          }
          const owner = addOwner('person', random() < 0.7);
          own(unitId, owner.id, true);
          homeOwners.push(owner);
          if (!head && owner.userId) {
            head = owner.userId;
            buildingHeads.push({ userId: owner.userId, buildingId, building: `${b}栋` });
            grant(owner.userId, node.id, 'building_head', buildingId);
          }
          if (r > 0.9) {
            // A couple: both on the roll, one designated to vote.
            const spouse = addOwner('person', random() < 0.5);
            own(unitId, spouse.id, false);
            totals.coOwnedUnits += 1;
          }
          if (random() < 0.08) {
            const withAccount = random() < 0.5;
            const tel = phone('136', c, (tenantSerial += 1));
            const name = personName();
            const userId = withAccount ? newUser(tel, name) : null;
            if (userId) {
              grant(userId, node.id, 'resident');
              residentUserIds.push(userId);
              totals.tenantAccounts += 1;
            }
            tenants.push([node.id, unitId, name, tel, userId, revisionId]);
            counts.tenants += 1;
          }
        }
      }
      // Shops along the street front: a tenth unsold, a third owned by an owner of a home here.
      for (let s = 1; s <= shopsPer[ci]!; s += 1) {
        const unitId = randomUUID();
        exclusiveUnits.push([unitId, node.id, null, `商铺-${String(s).padStart(3, '0')}`, 'shop', 3000 + ((s * 1307) % 9000), 'register', revisionId]);
        counts.exclusiveUnits += 1;
        const r = random();
        if (r < 0.1) {
          own(unitId, developer.id, true);
          totals.developerUnits += 1;
        } else if (r < 0.43 && homeOwners.length > 0) {
          own(unitId, homeOwners[Math.floor(random() * homeOwners.length)]!.id, true);
          totals.multiUnitOwners += 1;
        } else {
          own(unitId, addOwner('person', random() < 0.6).id, true);
        }
      }
      const convenorUserId = newUser(phone('135', c, 1), `${node.name}业委会主任`);
      grant(convenorUserId, node.id, 'convenor');
      revisions.push([revisionId, node.id, 1, 'seed', JSON.stringify({ counts })]);
      compounds.push({ id: node.id, code: node.code, name: node.name, communityId: node.communityId, convenorUserId, buildingHeads, residentUserIds });
    }

    await insertRows(run, 'app_user', [['id', 'uuid'], ['phone', 'text'], ['display_name', 'text']], users);
    await insertRows(run, 'roll_revision', [['id', 'uuid'], ['unit_id', 'uuid'], ['number', 'int'], ['source', 'text'], ['summary', 'jsonb']], revisions);
    await insertRows(run, 'building', [['id', 'uuid'], ['unit_id', 'uuid'], ['name', 'text'], ['added_revision_id', 'uuid']], buildings);
    await insertRows(
      run,
      'exclusive_unit',
      [['id', 'uuid'], ['unit_id', 'uuid'], ['building_id', 'uuid'], ['number', 'text'], ['kind', 'text'], ['area_centi_m2', 'int'], ['area_source', 'text'], ['added_revision_id', 'uuid']],
      exclusiveUnits,
    );
    await insertRows(run, 'owner', [['id', 'uuid'], ['unit_id', 'uuid'], ['kind', 'text'], ['name', 'text'], ['phone', 'text'], ['user_id', 'uuid'], ['added_revision_id', 'uuid']], owners);
    await insertRows(run, 'ownership', [['unit_id', 'uuid'], ['exclusive_unit_id', 'uuid'], ['owner_id', 'uuid'], ['is_designated_voter', 'bool'], ['added_revision_id', 'uuid']], ownerships);
    await insertRows(run, 'tenant', [['unit_id', 'uuid'], ['exclusive_unit_id', 'uuid'], ['name', 'text'], ['phone', 'text'], ['user_id', 'uuid'], ['added_revision_id', 'uuid']], tenants);
    await insertRows(run, 'role_grant', [['user_id', 'uuid'], ['node_id', 'uuid'], ['role', 'text'], ['building_id', 'uuid']], grants);
    await run(
      `INSERT INTO audit_entry (actor_id, node_id, action, entity_type, entity_id, after) VALUES (NULL, $1, 'seed.area', 'org_node', $2, $3)`,
      [streetId, `${code}-street`, JSON.stringify({ compounds: compounds.length, exclusiveUnits: exclusiveUnits.length, owners: owners.length })],
    );
    await run('COMMIT');
    return {
      streetId,
      communityIds,
      compounds,
      streetStaffUserId,
      communityStaffUserIds,
      jointConvenorUserId,
      counts: {
        communities: communityIds.length,
        compounds: compounds.length,
        buildings: buildings.length,
        homes: exclusiveUnits.filter((u) => u[4] === 'dwelling').length,
        shops: exclusiveUnits.filter((u) => u[4] === 'shop').length,
        owners: owners.length,
        ownerships: ownerships.length,
        developerUnits: totals.developerUnits,
        coOwnedUnits: totals.coOwnedUnits,
        ownersOfHomeAndShop: totals.multiUnitOwners,
        tenants: tenants.length,
        accounts: users.length,
        roleGrants: grants.length,
        buildingHeads: compounds.reduce((n, c) => n + c.buildingHeads.length, 0),
      },
    };
  } catch (error) {
    await run('ROLLBACK');
    throw error;
  }
}

/** Runs `work` over `items`, `parallel` at a time. */
async function inParallel<T>(items: readonly T[], parallel: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.max(1, parallel) }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i]!, i);
      }
    }),
  );
}

const CONVENTION_CLAUSES = [
  ['总则', '为维护千灯湖片区公共环境和秩序，经片区联合党委组织各小区业主共同协商，制定本公约。'],
  ['适用范围', '本公约适用于片区内各小区的共有部分、公共绿地、环湖步道及其周边道路。'],
  ['垃圾分类', '各小区按照佛山市生活垃圾分类规定设置投放点，定时定点投放，物业服务人负责日常管理。'],
  ['车辆停放', '机动车、非机动车应当停放在规划车位内，不得占用消防通道、盲道和环湖步道。'],
  ['电动车充电', '禁止在楼道、电梯间和住宅内为电动自行车充电，各小区应当建设集中充电设施。'],
  ['噪音管理', '晚上十点至次日七点，广场舞、装修及其他活动不得影响周边居民休息。'],
  ['宠物管理', '携犬出户应当束犬链，及时清理宠物粪便，不得在公共绿地放养。'],
  ['公共空间', '公共空间的使用由各小区业主大会决定，任何人不得擅自占用或改变用途。'],
  ['议事协商', '涉及两个以上小区的公共事务，由片区联合党委召集联席会议协商。'],
  ['监督', '各小区业委会和楼长负责宣传本公约，居民可以通过议事平台提出意见和建议。'],
  ['附则', '本公约经各小区业主表决通过后施行，由片区联合党委负责解释。'],
] as const;

const OPINIONS = [
  '建议增加充电桩数量，现在晚上排队充电很困难。',
  '广场舞时间希望再提前半小时结束，老人休息得早。',
  '环湖步道的电动车太多了，应该有人巡查。',
  '垃圾投放点离我们楼太远，老人不方便，建议增设一个。',
  '支持这个公约，希望物业能真正执行。',
  '宠物粪便问题很严重，建议加大处罚力度。',
  '外来车辆占用车位，建议业主车辆登记管理。',
  '装修噪音周末也应该限制时间。',
  '公共绿地被个别住户种菜，希望能清理。',
  '建议每季度公布一次执行情况。',
];

const REPLIES: { outcome: 'adopted' | 'partly_adopted' | 'not_adopted' | 'noted'; reason: string }[] = [
  { outcome: 'adopted', reason: '已采纳，修改稿中增加相应条款。' },
  { outcome: 'partly_adopted', reason: '部分采纳：时间调整需与各小区协商，先在试点小区执行。' },
  { outcome: 'not_adopted', reason: '未采纳：该事项属于市政管理范围，已转交相关部门。' },
  { outcome: 'noted', reason: '感谢您的意见，将在执行中参考。' },
];

/**
 * The area's current business through the API's services (each call commits on its own, as for a
 * request): the joint committee's convention open for comment across every compound, with
 * opinions from every compound and official answers; a consultation of their own in a few
 * compounds; owners' votes announced with their full notice and open, ballots cast online; and in
 * one more compound a vote that has closed and been counted, its result published.
 */
export async function seedAreaActivity(app: INestApplicationContext, area: Area, options: AreaOptions = QIANDENGHU, now = new Date()): Promise<AreaActivity> {
  const dataSource = app.get(DataSource);
  const consultations = app.get(ConsultationsService, { strict: false });
  const drafts = app.get(DraftsService, { strict: false });
  const comments = app.get(CommentsService, { strict: false });
  const moderation = app.get(ModerationService, { strict: false });
  const votes = app.get(VotesService, { strict: false });
  const casting = app.get(CastingService, { strict: false });
  const sealing = app.get(SealingService, { strict: false });
  const people = new Map<string, { phone: string; display_name: string }>(
    (await dataSource.query<{ id: string; phone: string; display_name: string }[]>(`SELECT id, phone, display_name FROM app_user`)).map((u) => [u.id, u]),
  );
  const actor = (userId: string): Actor => {
    const user = people.get(userId);
    if (!user) throw new Error(`area: no account ${userId}`);
    return { id: userId, phone: user.phone, displayName: user.display_name, sessionId: 'area-seed', csrfToken: '' };
  };
  const at = (days: number): string => new Date(now.getTime() + days * DAY_MS).toISOString();
  const random = generator(20261202);
  const counts = { consultations: 0, opinions: 0, offlineOpinions: 0, officialReplies: 0, votes: 0, ballots: 0 };

  /** A consultation open for comment with a published draft; returns its id and clause ids. */
  const openConsultation = async (convenor: Actor, nodeId: string, title: string, unitIds?: string[]): Promise<{ id: string; clauseIds: string[] }> => {
    const consultation = await consultations.create(convenor, nodeId, {
      title,
      summary: '请各位居民在意见征集期内对草案逐条提出意见，联合党委将逐条答复并公布采纳情况。',
      ruleSet: 'simple-majority',
      ...(unitIds ? { unitIds } : {}),
      phases: [
        { phase: 'comment', startsAt: at(0), endsAt: at(21) },
        { phase: 'revision', startsAt: at(21), endsAt: at(28) },
      ],
    });
    await drafts.create(convenor, consultation.id);
    const version = await drafts.update(convenor, consultation.id, 1, {
      title: `${title}（草案）`,
      preamble: '本草案由联合党委会同各小区业委会起草，现公开征求意见。',
      clauses: CONVENTION_CLAUSES.map(([heading, body]) => ({ heading, body })),
    });
    await drafts.publish(convenor, consultation.id, 1);
    await consultations.changePhase(convenor, consultation.id, { to: 'comment' });
    counts.consultations += 1;
    return { id: consultation.id, clauseIds: version.clauses.map((c) => c.id) };
  };

  /** Opinions from residents (one each, in turn across `compounds`), a share answered by `answerer`. */
  const collectOpinions = async (consultation: { id: string; clauseIds: string[] }, compounds: AreaCompound[], n: number, answerer: Actor, recorder: Actor): Promise<void> => {
    const authors: string[] = [];
    for (let i = 0; authors.length < n; i += 1) {
      const c = compounds[i % compounds.length]!;
      const k = Math.floor(i / compounds.length);
      if (k >= Math.max(...compounds.map((x) => x.residentUserIds.length))) break;
      if (k < c.residentUserIds.length) authors.push(c.residentUserIds[k]!);
    }
    const plan = authors.map(() => ({ clause: random() < 0.75 ? Math.floor(random() * consultation.clauseIds.length) : -1, text: Math.floor(random() * OPINIONS.length), reply: random() < 0.4 ? Math.floor(random() * REPLIES.length) : -1 }));
    await inParallel(authors, options.parallel, async (author, i) => {
      const p = plan[i]!;
      const thread = await comments.create(actor(author), consultation.id, { body: OPINIONS[p.text]!, ...(p.clause >= 0 ? { clauseId: consultation.clauseIds[p.clause]! } : {}) });
      counts.opinions += 1;
      if (p.reply >= 0) {
        await moderation.reply(answerer, thread.id, REPLIES[p.reply]!);
        counts.officialReplies += 1;
      }
    });
    // Opinions on paper, brought in by the building heads' rounds and entered by staff.
    const today = calendarDateIn(LEGAL_TIME_ZONE, now);
    const paper = Math.max(1, Math.floor(n / 50));
    await inParallel(Array.from({ length: paper }, (_, i) => i), options.parallel, async (i) => {
      await comments.recordOffline(recorder, consultation.id, {
        body: OPINIONS[i % OPINIONS.length]!,
        channel: 'building_head',
        collectorName: '楼长',
        collectedOn: today,
        residentName: personNameFor(i),
        clauseId: consultation.clauseIds[i % consultation.clauseIds.length]!,
      });
      counts.offlineOpinions += 1;
    });
  };

  const streetStaff = actor(area.streetStaffUserId);
  const joint = await openConsultation(actor(area.jointConvenorUserId), area.streetId, '千灯湖片区文明居住公约', area.compounds.map((c) => c.id));
  await collectOpinions(joint, area.compounds, options.jointOpinions, actor(area.jointConvenorUserId), streetStaff);

  const compoundConsultations: AreaActivity['compoundConsultations'] = [];
  for (const c of area.compounds.slice(-options.compoundConsultations)) {
    const convenor = actor(c.convenorUserId);
    const own = await openConsultation(convenor, c.id, `${c.name}电动车集中充电管理办法`);
    await collectOpinions(own, [c], options.compoundOpinions, convenor, streetStaff);
    compoundConsultations.push({ id: own.id, unitId: c.id });
  }

  // Owners' votes: announced with the full notice (which ran out an hour ago), then opened —
  // the electorate frozen from the roll. The first compound's closes first and is counted.
  const noticeEnds = new Date(now.getTime() - HOUR_MS);
  const announced = new Date(noticeEnds.getTime() - RULE_SETS['cc278-ordinary'].noticeDays * DAY_MS);
  const closedClosesAt = new Date(now.getTime() + (RULE_SETS['cc278-ordinary'].minVotingHours + 24) * HOUR_MS);
  const voting = area.compounds.slice(0, options.openVotes + 1);
  const held: { id: string; unitId: string }[] = [];
  for (const [i, c] of voting.entries()) {
    const vote = await votes.create(
      actor(c.convenorUserId),
      c.id,
      {
        title: i === 0 ? '续聘物业服务企业' : '增设电动自行车集中充电设施',
        question: i === 0 ? '是否同意续聘现物业服务企业，服务期三年？' : '是否同意使用公共收益在小区内增设电动自行车集中充电设施？',
        ruleSet: 'cc278-ordinary',
        matterKinds: [i === 0 ? 'property-service' : 'owners-other'],
        secrecy: 'named',
        allowChange: true,
        opensAt: noticeEnds.toISOString(),
        closesAt: i === 0 ? closedClosesAt.toISOString() : at(14),
        turnoutPublic: true,
      },
      announced,
    );
    await votes.open(null, vote.id);
    counts.votes += 1;
    held.push({ id: vote.id, unitId: c.id });
    // Those who have taken part so far: a share of the voters who have an account.
    const voters = await dataSource.query<{ user_id: string }[]>(
      `SELECT DISTINCT o.user_id FROM vote_voter v JOIN owner o ON o.id = v.person_id WHERE v.vote_id = $1 AND v.person_type = 'owner' AND o.user_id IS NOT NULL ORDER BY o.user_id`,
      [vote.id],
    );
    const casters = voters.filter(() => random() < (i === 0 ? Math.max(options.turnout, 0.72) : options.turnout));
    const choices = ['approve', 'approve', 'approve', 'oppose', 'abstain'];
    await inParallel(casters, options.parallel, async (v, k) => {
      await casting.castOnline(actor(v.user_id), vote.id, { choice: choices[k % choices.length]! });
      counts.ballots += 1;
    });
    await sealing.seal(vote.id);
  }
  // The first vote's time is up: it stops, is counted from the sealed chain and its result published.
  if (held.length > 0 && (await sealing.closeDue(new Date(closedClosesAt.getTime() + 1000))) !== 1) throw new Error('area: the first vote was not counted');
  return { jointConsultationId: joint.id, compoundConsultations, openVotes: held.slice(1), closedVote: held[0]!, counts };
}

function personNameFor(i: number): string {
  return SURNAMES[i % SURNAMES.length]! + GIVEN[(i * 7) % GIVEN.length]! + GIVEN[(i * 11) % GIVEN.length]!;
}

/**
 * Signed-in sessions for these accounts, written as a login writes them (the cookie token's
 * SHA-256 and a CSRF token), so each request goes through the real session lookup.
 */
export async function openSessions(run: TxQuery, userIds: readonly string[], days = 30): Promise<SignedInAccount[]> {
  const rows = await run<{ id: string; phone: string }>(`SELECT id, phone FROM app_user WHERE id = ANY($1::uuid[])`, [userIds]);
  const phones = new Map(rows.map((r) => [r.id, r.phone]));
  const accounts = userIds.map((userId) => ({ userId, phone: phones.get(userId)!, token: randomBytes(32).toString('base64url'), csrfToken: randomBytes(24).toString('base64url') }));
  const expires = new Date(Date.now() + days * DAY_MS).toISOString();
  for (let i = 0; i < accounts.length; i += 5000) {
    const chunk = accounts.slice(i, i + 5000);
    await run(
      `INSERT INTO auth_session (user_id, token_hash, csrf_token, last_seen_at, expires_at, user_agent)
       SELECT u, h, c, now(), $4, 'area-bench' FROM unnest($1::uuid[], $2::text[], $3::text[]) AS s(u, h, c)`,
      [chunk.map((a) => a.userId), chunk.map((a) => sha256(a.token)), chunk.map((a) => a.csrfToken), expires],
    );
  }
  return accounts;
}

/** The whole area: rolls on one pooled connection, then the business through the services. */
export async function seedArea(app: INestApplicationContext, options: AreaOptions = QIANDENGHU): Promise<{ area: Area; activity: AreaActivity }> {
  const dataSource = app.get(DataSource);
  const [client, release] = await pooledConnection(dataSource);
  let area: Area;
  try {
    area = await seedAreaRolls(onClient(client), options);
  } finally {
    release();
  }
  const activity = await seedAreaActivity(app, area, options);
  await dataSource.query('ANALYZE');
  return { area, activity };
}
