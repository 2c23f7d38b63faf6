import { LEGAL_TIME_ZONE } from '@yishi/contracts';
import type { CompoundElectorate, Electorate, ElectorateUnit, PersonsElectorate } from '@yishi/domain';
import { calendarDateIn, hasFullCivilCapacityByAge, RULE_SETS } from '@yishi/domain';
import type { RuleSetId } from '@yishi/domain';
import type { EntityManager } from 'typeorm';
import { txQuery } from '../ballots/ballot-store';
import type { VoteVoter } from '../entities/vote-voter.entity';
import { nodeKind } from '../../organizations/organization-store';
import { compoundRoll, cooperativeRoll } from '../../rolls/roll-reads';
import { pseudonym } from '../pseudonym';

export interface Snapshot {
  electorate: Electorate;
  voters: Omit<VoteVoter, 'vote' | 'voteId'>[];
  snapshotAt: string;
}

/**
 * Freezes the current roll of a unit into the electorate the rule set reads (libs/domain), with
 * pseudonyms, and the private map from pseudonym to roll entry.
 */
export async function snapshotElectorate(m: EntityManager, secret: Buffer, voteId: string, unitId: string, ruleSet: RuleSetId, now: Date): Promise<Snapshot> {
  const kind = await nodeKind(txQuery(m), unitId);
  const needs = RULE_SETS[ruleSet].electorate;
  if (kind === 'compound' && needs !== 'persons') return compound(m, secret, voteId, unitId, now);
  if (kind === 'cooperative' && needs !== 'compound') return persons(m, secret, voteId, unitId, now);
  throw new Error(`rule set ${ruleSet} does not fit a ${kind ?? 'missing'} unit`);
}

async function compound(m: EntityManager, secret: Buffer, voteId: string, unitId: string, now: Date): Promise<Snapshot> {
  const rows = await compoundRoll(txQuery(m), unitId);
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
  const rows = await cooperativeRoll(txQuery(m), unitId);
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
