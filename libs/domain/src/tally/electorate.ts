import type { Lml63Parameters, RuleSetId } from '../rules/rule-sets';
import type {
  CompoundElectorate,
  Electorate,
  ElectoratePerson,
  ElectorateUnit,
  ListElectorate,
  PersonsElectorate,
  RejectionReason,
  VoterId,
} from './types';
import { TallyInputError } from './types';

/**
 * A counting person of a rule (表决主体): one "person" of the headcount, with the area it holds
 * where the rule weighs area. A compound owner holding several units is one seat; all developer-held
 * units together are one seat; a co-owned unit is one seat cast by its designated co-owner.
 */
export interface Seat {
  /** Who casts this seat's ballot; null when nobody may (a co-owned unit with no designated voter). */
  voter: VoterId | null;
  area: number;
  /** VCL rules: the household of the person. */
  household: string | null;
}

export interface ResolvedElectorate {
  seats: Seat[];
  /** The seat each voter casts (for almost every voter their only one): an index into `seats`. */
  firstSeat: Map<VoterId, number>;
  /** Further seats of the few voters who cast several (an owner who also votes for a co-owned unit or for the developer). */
  moreSeats: Map<VoterId, number[]>;
  totalArea: number;
  /** VCL arts. 22, 28: all households on the roll, with the seat index of each registered representative. */
  households: { count: number; representativeSeats: number[] } | null;
  /** Persons on a cooperative/village roll, for proxy checks. */
  persons: Map<VoterId, ElectoratePerson> | null;
  /** Why a voter who casts no seat may not vote. */
  reasonWithoutSeat(voter: VoterId): RejectionReason;
  /** Figures about how the compound's owners were formed (for the explanation). */
  compound: CompoundFacts | null;
}

export interface CompoundFacts {
  developerUnits: number;
  developerArea: number;
  /** Owners (single owner-persons) holding more than one unit. */
  multiUnitOwners: number;
  coOwnedSeats: number;
  /** Persons who hold units both alone and jointly (or in two different co-ownerships). */
  personsInSeveralOwnerships: number;
}

type Eligibility = 'full-capacity' | 'adult' | 'representative' | 'everyone';

function eligibilityFor(ruleSet: RuleSetId, lml63: Lml63Parameters | null): Eligibility {
  switch (ruleSet) {
    case 'rceo-27':
    case 'rceo-15':
      return 'full-capacity';
    case 'rceo-28':
    case 'vcl-26':
      return 'representative';
    case 'vcl-22':
    case 'vcl-28':
      return 'adult';
    case 'lml-63':
      return lml63?.body === 'representatives' ? 'representative' : 'full-capacity';
    case 'simple-majority':
    case 'cc278-ordinary':
    case 'cc278-major':
      return 'everyone';
  }
}

export function resolveElectorate(ruleSet: RuleSetId, lml63: Lml63Parameters | null, electorate: Electorate): ResolvedElectorate {
  const isCompoundRule = ruleSet === 'cc278-ordinary' || ruleSet === 'cc278-major';
  switch (electorate.kind) {
    case 'compound':
      if (!isCompoundRule && ruleSet !== 'simple-majority') {
        throw new TallyInputError(`Rule set ${ruleSet} needs a roll of persons, not a compound`);
      }
      return resolveCompound(electorate);
    case 'persons':
      if (isCompoundRule) {
        throw new TallyInputError(`Rule set ${ruleSet} needs a compound's units, not a roll of persons`);
      }
      return resolvePersons(electorate, eligibilityFor(ruleSet, lml63), ruleSet === 'vcl-22' || ruleSet === 'vcl-28');
    case 'list':
      if (ruleSet !== 'simple-majority') {
        throw new TallyInputError(`Rule set ${ruleSet} cannot be counted on a plain list of voters`);
      }
      return resolveList(electorate);
  }
}

function addSeat(firstSeat: Map<VoterId, number>, moreSeats: Map<VoterId, number[]>, voter: VoterId, index: number): void {
  if (!firstSeat.has(voter)) {
    firstSeat.set(voter, index);
    return;
  }
  const more = moreSeats.get(voter);
  if (more) more.push(index);
  else moreSeats.set(voter, [index]);
}

/** `what` is a string or, on hot paths, a function building it only when the check fails. */
function assertId(value: unknown, what: string | (() => string)): asserts value is string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new TallyInputError(`${typeof what === 'string' ? what : what()} must be a non-empty string`);
  }
}

function addArea(total: number, area: number, what: () => string): number {
  if (!Number.isSafeInteger(area) || area < 0) {
    throw new TallyInputError(`${what()}: area must be a non-negative integer in 1/100 m², got ${String(area)}`);
  }
  const sum = total + area;
  if (!Number.isSafeInteger(sum)) {
    throw new TallyInputError(`${what()}: total area exceeds 2^53 (1/100 m²)`);
  }
  return sum;
}

/**
 * SPC interpretation on building ownership (2020) art. 9: one exclusive unit is one person, but
 * all units the developer has not sold or not delivered count as one person, and one buyer of
 * several units counts as one person. "One buyer" is read as the same set of owner-persons: A's
 * own flat and the flat A holds jointly with B are two owners (A; A and B), each cast by its voter.
 */
function resolveCompound(electorate: CompoundElectorate): ResolvedElectorate {
  const seats: Seat[] = [];
  /** Seat of each single owner-person, and of each set of co-owners (key: sorted ids joined by NUL). */
  const soleSeat = new Map<VoterId, number>();
  const coOwnedSeat = new Map<string, number>();
  const unitsPerSeat: number[] = [];
  const designationOfSeat = new Map<number, { unit: string; voter: VoterId | null }>();
  /** For persons in a co-ownership only: the co-owned seats they hold. */
  const coOwnershipsOfPerson = new Map<VoterId, Set<number>>();
  const unitIds = new Set<string>();
  let totalArea = 0;
  let developerSeat = -1;
  let developerUnits = 0;
  let developerArea = 0;

  const units = electorate.units;
  for (let i = 0; i < units.length; i++) {
    const unit = units[i] as ElectorateUnit;
    const where = () => `units[${i}] (${String(unit.id)})`;
    assertId(unit.id, () => `units[${i}].id`);
    const before = unitIds.size;
    unitIds.add(unit.id);
    if (unitIds.size === before) {
      throw new TallyInputError(`${where()}: the unit appears twice`);
    }
    totalArea = addArea(totalArea, unit.area, where);
    if (unit.developerHeld) {
      if (developerSeat < 0) {
        developerSeat = seats.length;
        seats.push({ voter: electorate.developerVoter, area: 0, household: null });
        unitsPerSeat.push(0);
      }
      (seats[developerSeat] as Seat).area += unit.area;
      developerUnits += 1;
      developerArea += unit.area;
      continue;
    }
    const owners = unit.owners;
    if (!Array.isArray(owners) || owners.length === 0) {
      throw new TallyInputError(`${where()}: a unit not held by the developer needs at least one owner`);
    }
    let index: number | undefined;
    if (owners.length === 1) {
      const owner = owners[0];
      assertId(owner, () => `units[${i}].owners`);
      if (unit.designatedVoter !== null && unit.designatedVoter !== owner) {
        throw new TallyInputError(`${where()}: the designated voter ${unit.designatedVoter} is not an owner of the unit`);
      }
      index = soleSeat.get(owner);
      if (index === undefined) {
        index = seats.length;
        soleSeat.set(owner, index);
        seats.push({ voter: owner, area: 0, household: null });
        unitsPerSeat.push(0);
      }
    } else {
      for (const owner of owners) assertId(owner, `units[${i}].owners`);
      const sorted = [...new Set(owners)].sort();
      if (sorted.length !== owners.length) {
        throw new TallyInputError(`${where()}: an owner is listed twice`);
      }
      if (unit.designatedVoter !== null && !sorted.includes(unit.designatedVoter)) {
        throw new TallyInputError(`${where()}: the designated voter ${unit.designatedVoter} is not an owner of the unit`);
      }
      const key = sorted.join('\u0000');
      index = coOwnedSeat.get(key);
      if (index === undefined) {
        index = seats.length;
        coOwnedSeat.set(key, index);
        seats.push({ voter: unit.designatedVoter, area: 0, household: null });
        unitsPerSeat.push(0);
        designationOfSeat.set(index, { unit: unit.id, voter: unit.designatedVoter });
        for (const owner of sorted) {
          let set = coOwnershipsOfPerson.get(owner);
          if (!set) {
            set = new Set();
            coOwnershipsOfPerson.set(owner, set);
          }
          set.add(index);
        }
      } else {
        const first = designationOfSeat.get(index);
        if (first && first.voter !== unit.designatedVoter) {
          throw new TallyInputError(
            `${where()}: held by the same co-owners as unit ${first.unit} but designates ${unit.designatedVoter ?? 'nobody'} instead of ${first.voter ?? 'nobody'}`,
          );
        }
      }
    }
    (seats[index] as Seat).area += unit.area;
    unitsPerSeat[index] = (unitsPerSeat[index] as number) + 1;
  }

  /** Why a co-owner who casts no co-owned seat is refused (decided independently of any order). */
  const coOwnerReasons = new Map<VoterId, RejectionReason>();
  let personsInSeveralOwnerships = 0;
  for (const [person, ownerships] of coOwnershipsOfPerson) {
    if (ownerships.size + (soleSeat.has(person) ? 1 : 0) > 1) personsInSeveralOwnerships += 1;
    for (const index of ownerships) {
      const voter = seats[index]?.voter;
      if (voter === person) continue;
      // Another co-owner is designated somewhere: that is the clearer reason, whatever the order of units.
      if (voter !== null) coOwnerReasons.set(person, 'not-designated-co-owner');
      else if (!coOwnerReasons.has(person)) coOwnerReasons.set(person, 'co-owned-without-designated-voter');
    }
  }

  let multiUnitOwners = 0;
  for (const index of soleSeat.values()) {
    if ((unitsPerSeat[index] as number) > 1) multiUnitOwners += 1;
  }

  // Every sole owner casts their own seat; designated co-owners and the developer's voter cast theirs too.
  // (After the counts above, which read soleSeat as sole ownerships only.)
  const firstSeat = soleSeat;
  const moreSeats = new Map<VoterId, number[]>();
  for (const index of designationOfSeat.keys()) {
    const voter = (seats[index] as Seat).voter;
    if (voter !== null) addSeat(firstSeat, moreSeats, voter, index);
  }
  if (developerSeat >= 0 && electorate.developerVoter !== null) addSeat(firstSeat, moreSeats, electorate.developerVoter, developerSeat);

  return {
    seats,
    firstSeat,
    moreSeats,
    totalArea,
    households: null,
    persons: null,
    compound: {
      developerUnits,
      developerArea,
      multiUnitOwners,
      coOwnedSeats: designationOfSeat.size,
      personsInSeveralOwnerships,
    },
    reasonWithoutSeat: (voter) => coOwnerReasons.get(voter) ?? 'not-in-electorate',
  };
}

function resolvePersons(electorate: PersonsElectorate, eligibility: Eligibility, countHouseholds: boolean): ResolvedElectorate {
  const persons = new Map<VoterId, ElectoratePerson>();
  const householdIds = new Set<string>();
  for (const [i, household] of electorate.households.entries()) {
    assertId(household.id, `households[${i}].id`);
    if (householdIds.has(household.id)) {
      throw new TallyInputError(`households[${i}]: household ${household.id} appears twice`);
    }
    householdIds.add(household.id);
  }
  for (const [i, person] of electorate.persons.entries()) {
    assertId(person.id, `persons[${i}].id`);
    if (persons.has(person.id)) {
      throw new TallyInputError(`persons[${i}]: person ${person.id} appears twice`);
    }
    if (!householdIds.has(person.household)) {
      throw new TallyInputError(`persons[${i}] (${person.id}): household ${person.household} is not on the roll`);
    }
    persons.set(person.id, person);
  }
  for (const [i, household] of electorate.households.entries()) {
    if (household.representative !== null && persons.get(household.representative)?.household !== household.id) {
      throw new TallyInputError(`households[${i}] (${household.id}): the representative ${household.representative} is not a person of this household`);
    }
  }
  const representatives = new Set<VoterId>();
  for (const [i, id] of electorate.representatives.entries()) {
    assertId(id, `representatives[${i}]`);
    if (representatives.has(id)) {
      throw new TallyInputError(`representatives[${i}]: ${id} appears twice`);
    }
    representatives.add(id);
  }

  const seats: Seat[] = [];
  const firstSeat = new Map<VoterId, number>();
  if (eligibility === 'representative') {
    for (const id of electorate.representatives) {
      firstSeat.set(id, seats.length);
      seats.push({ voter: id, area: 0, household: persons.get(id)?.household ?? null });
    }
  } else {
    for (const person of electorate.persons) {
      const eligible =
        eligibility === 'everyone' || (eligibility === 'adult' && person.adult) || (eligibility === 'full-capacity' && person.fullCapacity);
      if (eligible) {
        firstSeat.set(person.id, seats.length);
        seats.push({ voter: person.id, area: 0, household: person.household });
      }
    }
  }

  let households: ResolvedElectorate['households'] = null;
  if (countHouseholds) {
    const representativeSeats: number[] = [];
    for (const household of electorate.households) {
      const seat = household.representative === null ? undefined : firstSeat.get(household.representative);
      // A household whose registered representative is not an adult on the roll can never be represented.
      if (seat !== undefined) {
        representativeSeats.push(seat);
      }
    }
    households = { count: electorate.households.length, representativeSeats };
  }

  return {
    seats,
    firstSeat,
    moreSeats: new Map(),
    totalArea: 0,
    households,
    persons,
    compound: null,
    reasonWithoutSeat(voter) {
      const person = persons.get(voter);
      switch (eligibility) {
        case 'representative':
          return person ? 'not-representative' : 'not-in-electorate';
        case 'full-capacity':
          return person ? 'no-full-capacity' : 'not-in-electorate';
        case 'adult':
          return person ? 'not-adult' : 'not-in-electorate';
        case 'everyone':
          return 'not-in-electorate';
      }
    },
  };
}

function resolveList(electorate: ListElectorate): ResolvedElectorate {
  const seats: Seat[] = [];
  const firstSeat = new Map<VoterId, number>();
  for (const [i, voter] of electorate.voters.entries()) {
    assertId(voter, `voters[${i}]`);
    if (firstSeat.has(voter)) {
      throw new TallyInputError(`voters[${i}]: ${voter} appears twice`);
    }
    firstSeat.set(voter, seats.length);
    seats.push({ voter, area: 0, household: null });
  }
  return {
    seats,
    firstSeat,
    moreSeats: new Map(),
    totalArea: 0,
    households: null,
    persons: null,
    compound: null,
    reasonWithoutSeat: () => 'not-in-electorate',
  };
}
