/**
 * Small rolls for the voting tests, written straight into the database (as the demo seed does):
 * a compound of a dozen units or a cooperative of a few households, small enough that every
 * figure of a tally can be worked out by hand, with accounts for the people who vote online.
 */
import { strFromU8, unzipSync } from 'fflate';
import type { DataSource } from 'typeorm';
import { SessionService } from '../src/auth/session.service';
import { OrgNode } from '../src/organizations/entities/org-node.entity';
import { Building } from '../src/rolls/entities/building.entity';
import { ExclusiveUnit } from '../src/rolls/entities/exclusive-unit.entity';
import { Household } from '../src/rolls/entities/household.entity';
import { Member } from '../src/rolls/entities/member.entity';
import { Owner } from '../src/rolls/entities/owner.entity';
import { Ownership } from '../src/rolls/entities/ownership.entity';
import { RollRevision } from '../src/rolls/entities/roll-revision.entity';
import { RoleGrant } from '../src/users/entities/role-grant.entity';
import { User } from '../src/users/entities/user.entity';
import { HttpSession } from './http-session';

/** An account without a password: its sessions are opened without one (signIn). */
export async function createAccount(dataSource: DataSource, phone: string, displayName: string): Promise<string> {
  const user = await dataSource.getRepository(User).save({ phone, displayName, passwordHash: null });
  return user.id;
}

/**
 * A signed-in session of the account with this phone, opened as a login opens it (SessionService)
 * but without the password check: password hashing is slow on purpose, and these tests sign in dozens.
 */
export async function signIn(dataSource: DataSource, baseUrl: string, phone: string): Promise<HttpSession> {
  const user = await dataSource.getRepository(User).findOneByOrFail({ phone });
  const { token, session: opened } = await new SessionService(dataSource).open(dataSource.manager, user.id);
  const session = new HttpSession(baseUrl);
  (session as unknown as { cookie: string }).cookie = token;
  session.csrfToken = opened.csrfToken;
  return session;
}

export async function grant(dataSource: DataSource, userId: string, nodeId: string, role: RoleGrant['role']): Promise<void> {
  await dataSource.getRepository(RoleGrant).insert({ userId, nodeId, role, buildingId: null, grantedBy: null });
}

async function newUnit(dataSource: DataSource, kind: 'compound' | 'cooperative', code: string, name: string, parentCode: string): Promise<{ unitId: string; revisionId: string }> {
  const parent = await dataSource.getRepository(OrgNode).findOneByOrFail({ code: parentCode });
  const unit = await dataSource.getRepository(OrgNode).save({ code, kind, name, parentId: parent.id });
  const revision = await dataSource.getRepository(RollRevision).save({ unitId: unit.id, number: 1, source: 'seed', fileName: null, fileSha256: null, summary: {}, createdBy: null });
  return { unitId: unit.id, revisionId: revision.id };
}

export interface CompoundSpec {
  code: string;
  name: string;
  /** The community it belongs to (org_node code). */
  parent: string;
  units: { number: string; building: string | null; kind?: 'dwelling' | 'parking' | 'shop'; area: number }[];
  /** Owners; a phone gives them an account (and the resident role). */
  owners: { key: string; name: string; kind?: 'person' | 'developer'; phone?: string; units: { number: string; designated?: boolean }[] }[];
}

export interface Fixture {
  unitId: string;
  /** Account ids by owner / member key (those with a phone). */
  users: Record<string, string>;
}

export async function createCompound(dataSource: DataSource, spec: CompoundSpec): Promise<Fixture> {
  const { unitId, revisionId } = await newUnit(dataSource, 'compound', spec.code, spec.name, spec.parent);
  const buildings = new Map<string, string>();
  for (const name of new Set(spec.units.map((u) => u.building).filter((b): b is string => b !== null))) {
    buildings.set(name, (await dataSource.getRepository(Building).save({ unitId, name, addedRevisionId: revisionId })).id);
  }
  const unitIds = new Map<string, string>();
  for (const u of spec.units) {
    const saved = await dataSource.getRepository(ExclusiveUnit).save({
      unitId,
      addedRevisionId: revisionId,
      buildingId: u.building ? buildings.get(u.building)! : null,
      number: u.number,
      kind: u.kind ?? 'dwelling',
      areaCentiM2: u.area,
      areaSource: 'register',
    });
    unitIds.set(u.number, saved.id);
  }
  const users: Record<string, string> = {};
  for (const o of spec.owners) {
    const userId = o.phone ? await createAccount(dataSource, o.phone, o.name) : null;
    if (userId) {
      users[o.key] = userId;
      await grant(dataSource, userId, unitId, 'resident');
    }
    const owner = await dataSource.getRepository(Owner).save({ unitId, addedRevisionId: revisionId, kind: o.kind ?? 'person', name: o.name, phone: o.phone ?? null, userId });
    for (const u of o.units) {
      await dataSource.getRepository(Ownership).insert({ unitId, addedRevisionId: revisionId, ownerId: owner.id, exclusiveUnitId: unitIds.get(u.number)!, isDesignatedVoter: u.designated ?? true });
    }
  }
  return { unitId, users };
}

export interface CooperativeSpec {
  code: string;
  name: string;
  parent: string;
  households: { number: string; members: { key: string; name: string; birthDate: string; representative?: boolean; phone?: string }[] }[];
}

export async function createCooperative(dataSource: DataSource, spec: CooperativeSpec): Promise<Fixture> {
  const { unitId, revisionId } = await newUnit(dataSource, 'cooperative', spec.code, spec.name, spec.parent);
  const users: Record<string, string> = {};
  for (const h of spec.households) {
    const household = await dataSource.getRepository(Household).save({ unitId, number: h.number, address: null, addedRevisionId: revisionId });
    for (const [i, mb] of h.members.entries()) {
      const userId = mb.phone ? await createAccount(dataSource, mb.phone, mb.name) : null;
      if (userId) {
        users[mb.key] = userId;
        await grant(dataSource, userId, unitId, 'resident');
      }
      await dataSource.getRepository(Member).insert({
        unitId,
        addedRevisionId: revisionId,
        householdId: household.id,
        name: mb.name,
        birthDate: mb.birthDate,
        isHouseholdHead: i === 0,
        isHouseholdRepresentative: mb.representative ?? i === 0,
        isMemberRepresentative: false,
        phone: mb.phone ?? null,
        userId,
      });
    }
  }
  return { unitId, users };
}

/** The voter id (pseudonym) of a roll entry in a vote, by the name on the roll. */
export async function voterIdOf(dataSource: DataSource, voteId: string, name: string): Promise<string> {
  const [row] = await dataSource.query<{ voter_id: string }[]>(`SELECT voter_id FROM vote_voter WHERE vote_id = $1 AND name = $2`, [voteId, name]);
  if (!row) throw new Error(`no voter ${name} in vote ${voteId}`);
  return row.voter_id;
}

/** The first bytes of a JPEG: enough for the upload's type sniffing (a scan of a paper). */
export const SCAN_JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);

/** The files of a downloaded recount kit (a zip with one folder), by file name. */
export function kitFiles(zip: Buffer): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(new Uint8Array(zip))).map(([name, bytes]) => [name.split('/').pop()!, strFromU8(bytes)]));
}

/** A reason of substance, for tests that open a vote before its notice has run or with a shorter window. */
export const SHORTENING_REASON = '台风季前须抢修屋面防水，业委会决议提前表决（测试）';

/**
 * Opens a scheduled vote now. Where that comes before its legal notice has run (or leaves less than
 * its shortest window), the only way the platform allows it: the vote's pending shortening request
 * — or a new one asked for by `requester` with a reason — is approved by `approver`, who supervises
 * the unit (staff or admin of its community or street, neither the requester nor whoever announced
 * the vote), and `requester` opens it.
 */
export async function openWithApproval(requester: HttpSession, approver: HttpSession, voteId: string, reason = SHORTENING_REASON): Promise<void> {
  const fail = (step: string, res: { status: number; body: unknown }): never => {
    throw new Error(`openWithApproval: ${step} answered ${res.status} ${JSON.stringify(res.body)}`);
  };
  const plain = await requester.post<{ details?: { reason?: string } }>(`/api/votes/${voteId}/open`);
  if (plain.status === 204) return;
  if (plain.body.details?.reason !== 'approval_required') fail('opening', plain);
  const detail = await requester.get<{ shortening: { id: string; status: string } | null }>(`/api/votes/${voteId}`);
  if (detail.status !== 200) fail('reading the vote', detail);
  let shorteningId = detail.body.shortening?.status === 'pending' ? detail.body.shortening.id : null;
  if (!shorteningId) {
    const asked = await requester.post<{ id: string }>(`/api/votes/${voteId}/shortenings`, { reason });
    if (asked.status !== 201) fail('the request', asked);
    shorteningId = asked.body.id;
  }
  const decided = await approver.post(`/api/shortenings/${shorteningId}/decision`, { outcome: 'approved', note: '已核实情况属实，同意（测试）' });
  if (decided.status !== 200) fail('the approval', decided);
  const opened = await requester.post(`/api/votes/${voteId}/open`);
  if (opened.status !== 204) fail('opening', opened);
}
