import { LEGAL_TIME_ZONE } from '@yishi/contracts';
import type { CompoundElectorate, Electorate, ElectorateKindRequired, ElectorateUnit, PersonsElectorate } from '@yishi/domain';
import { calendarDateIn, hasFullCivilCapacityByAge } from '@yishi/domain';
import type { Queryable } from '../database/pooled';
import { nodeKind } from '../organizations/organization-store';
import { compoundRoll, cooperativeRoll } from './roll-reads';

/** A counting person of a unit's roll, as a vote freezes it and a session checks it in. */
export interface RollVoter {
  /** The id the electorate names this person by (a vote's pseudonym, or the roll id itself). */
  voterId: string;
  personType: 'owner' | 'member';
  personId: string;
  name: string;
  /** The building (a parking space has none: 车位) or the household number. */
  groupLabel: string;
  /** An owner's exclusive units (empty for members). */
  unitLabels: string[];
}

export interface UnitElectorate {
  electorate: Electorate;
  voters: RollVoter[];
}

/**
 * The current roll of a unit as the electorate libs/domain counts (a compound's units and owners,
 * or a cooperative's persons, households and representatives), each person named by `nameOf`.
 * `needs` says which kind the rule reads; a unit that cannot give it fails (a caller's mistake).
 */
export async function unitElectorate(
  q: Queryable,
  unitId: string,
  needs: ElectorateKindRequired,
  nameOf: (personType: 'owner' | 'member', personId: string) => string,
  now: Date,
): Promise<UnitElectorate> {
  const kind = await nodeKind(q, unitId);
  if (kind === 'compound' && needs !== 'persons') return compound(q, unitId, nameOf);
  if (kind === 'cooperative' && needs !== 'compound') return persons(q, unitId, nameOf, now);
  throw new Error(`an electorate of kind ${needs} does not fit a ${kind ?? 'missing'} unit`);
}

async function compound(q: Queryable, unitId: string, nameOf: (personType: 'owner', personId: string) => string): Promise<UnitElectorate> {
  const rows = await compoundRoll(q, unitId);
  const units = new Map<string, ElectorateUnit & { number: string }>();
  const voters = new Map<string, RollVoter>();
  let developerVoter: string | null = null;
  for (const r of rows) {
    const voter = nameOf('owner', r.owner_id);
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
  return { electorate, voters: [...voters.values()] };
}

async function persons(q: Queryable, unitId: string, nameOf: (personType: 'member', personId: string) => string, now: Date): Promise<UnitElectorate> {
  const rows = await cooperativeRoll(q, unitId);
  const today = calendarDateIn(LEGAL_TIME_ZONE, now);
  const electorate: PersonsElectorate = { kind: 'persons', persons: [], households: [], representatives: [] };
  const households = new Map<string, { id: string; representative: string | null }>();
  const voters: RollVoter[] = [];
  for (const r of rows) {
    const voter = nameOf('member', r.id);
    const adult = hasFullCivilCapacityByAge(r.birth_date, today);
    electorate.persons.push({ id: voter, household: r.household_number, adult, fullCapacity: adult });
    const household = households.get(r.household_id) ?? { id: r.household_number, representative: null };
    if (r.is_household_representative) household.representative = voter;
    households.set(r.household_id, household);
    if (r.is_member_representative) electorate.representatives.push(voter);
    voters.push({ voterId: voter, personType: 'member', personId: r.id, name: r.name, groupLabel: r.household_number, unitLabels: [] });
  }
  electorate.households = [...households.values()];
  return { electorate, voters };
}
