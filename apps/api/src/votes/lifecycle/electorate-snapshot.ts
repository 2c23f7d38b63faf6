import { LEGAL_TIME_ZONE } from '@yishi/contracts';
import type { CompoundElectorate, Electorate, ElectorateUnit, PersonsElectorate } from '@yishi/domain';
import { calendarDateIn, hasFullCivilCapacityByAge, RULE_SETS } from '@yishi/domain';
import type { RuleSetId } from '@yishi/domain';
import type { EntityManager } from 'typeorm';
import { keyedHash } from '../../common/keyed-hash';
import type { VoteVoter } from '../entities/vote-voter.entity';

export interface Snapshot {
  electorate: Electorate;
  voters: Omit<VoteVoter, 'vote' | 'voteId'>[];
  snapshotAt: string;
}

/**
 * A voter's pseudonym in one vote: a keyed hash of the vote and the roll entry, so a published
 * kit names nobody and the same person has unrelated ids in two votes.
 */
export function pseudonym(secret: Buffer, voteId: string, personType: string, personId: string): string {
  return `v-${keyedHash(secret, 'voter', `${voteId}:${personType}:${personId}`).slice(0, 12)}`;
}

/**
 * Freezes the current roll of a unit into the electorate the rule set reads (libs/domain), with
 * pseudonyms, and the private map from pseudonym to roll entry.
 */
export async function snapshotElectorate(m: EntityManager, secret: Buffer, voteId: string, unitId: string, ruleSet: RuleSetId, now: Date): Promise<Snapshot> {
  const [unit] = await m.query<{ kind: string }[]>(`SELECT kind FROM org_node WHERE id = $1`, [unitId]);
  const needs = RULE_SETS[ruleSet].electorate;
  if (unit?.kind === 'compound' && needs !== 'persons') return compound(m, secret, voteId, unitId, now);
  if (unit?.kind === 'cooperative' && needs !== 'compound') return persons(m, secret, voteId, unitId, now);
  throw new Error(`rule set ${ruleSet} does not fit a ${unit?.kind ?? 'missing'} unit`);
}

async function compound(m: EntityManager, secret: Buffer, voteId: string, unitId: string, now: Date): Promise<Snapshot> {
  const rows = await m.query<
    { unit_id: string; number: string; area: number; building: string | null; owner_id: string; owner_kind: 'person' | 'developer'; owner_name: string; designated: boolean }[]
  >(
    `SELECT e.id AS unit_id, e.number, e.area_centi_m2 AS area, b.name AS building,
            o.id AS owner_id, o.kind AS owner_kind, o.name AS owner_name, s.is_designated_voter AS designated
       FROM exclusive_unit e
       LEFT JOIN building b ON b.id = e.building_id
       JOIN ownership s ON s.exclusive_unit_id = e.id AND s.removed_revision_id IS NULL
       JOIN owner o ON o.id = s.owner_id AND o.removed_revision_id IS NULL
      WHERE e.unit_id = $1 AND e.removed_revision_id IS NULL
      ORDER BY e.number, o.name`,
    [unitId],
  );
  const voterOf = (ownerId: string): string => pseudonym(secret, voteId, 'owner', ownerId);
  const units = new Map<string, ElectorateUnit & { number: string }>();
  const voters = new Map<string, Snapshot['voters'][number]>();
  let developerVoter: string | null = null;
  for (const r of rows) {
    const voter = voterOf(r.owner_id);
    const unit = units.get(r.unit_id) ?? { id: r.number, number: r.number, area: r.area, developerHeld: false, owners: [], designatedVoter: null };
    if (r.owner_kind === 'developer') {
      unit.developerHeld = true;
      developerVoter = voter;
    } else {
      unit.owners.push(voter);
      if (r.designated) unit.designatedVoter = voter;
    }
    units.set(r.unit_id, unit);
    const entry = voters.get(voter) ?? { voterId: voter, personType: 'owner' as const, personId: r.owner_id, name: r.owner_name, groupLabel: r.building ?? '车位', unitLabels: [] };
    entry.unitLabels.push(r.number);
    voters.set(voter, entry);
  }
  const electorate: CompoundElectorate = {
    kind: 'compound',
    units: [...units.values()].map((u) => ({
      id: u.id,
      area: u.area,
      developerHeld: u.developerHeld,
      owners: u.developerHeld ? [] : u.owners,
      designatedVoter: u.developerHeld ? null : u.owners.length > 1 ? u.designatedVoter : (u.designatedVoter ?? null),
    })),
    developerVoter,
  };
  return { electorate, voters: [...voters.values()], snapshotAt: now.toISOString() };
}

async function persons(m: EntityManager, secret: Buffer, voteId: string, unitId: string, now: Date): Promise<Snapshot> {
  const rows = await m.query<
    { id: string; name: string; birth_date: string; household_id: string; household_number: string; is_household_representative: boolean; is_member_representative: boolean }[]
  >(
    `SELECT mb.id, mb.name, to_char(mb.birth_date, 'YYYY-MM-DD') AS birth_date, h.id AS household_id, h.number AS household_number,
            mb.is_household_representative, mb.is_member_representative
       FROM member mb JOIN household h ON h.id = mb.household_id
      WHERE mb.unit_id = $1 AND mb.removed_revision_id IS NULL AND h.removed_revision_id IS NULL
      ORDER BY h.number, mb.name`,
    [unitId],
  );
  const today = calendarDateIn(LEGAL_TIME_ZONE, now);
  const electorate: PersonsElectorate = { kind: 'persons', persons: [], households: [], representatives: [] };
  const households = new Map<string, { id: string; representative: string | null }>();
  const voters: Snapshot['voters'] = [];
  for (const r of rows) {
    const voter = pseudonym(secret, voteId, 'member', r.id);
    const adult = hasFullCivilCapacityByAge(r.birth_date, today);
    electorate.persons.push({ id: voter, household: r.household_number, adult, fullCapacity: adult });
    const household = households.get(r.household_id) ?? { id: r.household_number, representative: null };
    if (r.is_household_representative) household.representative = voter;
    households.set(r.household_id, household);
    if (r.is_member_representative) electorate.representatives.push(voter);
    voters.push({ voterId: voter, personType: 'member', personId: r.id, name: r.name, groupLabel: r.household_number, unitLabels: [] });
  }
  electorate.households = [...households.values()];
  return { electorate, voters, snapshotAt: now.toISOString() };
}
