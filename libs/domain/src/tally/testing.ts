/**
 * Small builders for tally scenarios (used by the specs; handy for the API's tests too).
 * Areas are given in m² with up to two decimals and stored in 1/100 m².
 */
import { parseArea } from '../area';
import type { MatterKind } from '../rules/matters';
import type { Lml63Parameters, RuleSetId } from '../rules/rule-sets';
import { tally } from './tally';
import type {
  Ballot,
  Channel,
  Choice,
  CompoundElectorate,
  ElectorateHousehold,
  ElectoratePerson,
  ElectorateUnit,
  PersonsElectorate,
  Proxy,
  Question,
  TallyResult,
  VoteDefinition,
  VoterId,
} from './types';

export function unit(id: string, squareMetres: string, owners: VoterId | VoterId[], designatedVoter: VoterId | null = null): ElectorateUnit {
  const list = Array.isArray(owners) ? owners : [owners];
  return { id, area: parseArea(squareMetres), developerHeld: false, owners: list, designatedVoter };
}

export function developerUnit(id: string, squareMetres: string): ElectorateUnit {
  return { id, area: parseArea(squareMetres), developerHeld: true, owners: [], designatedVoter: null };
}

export function compound(units: ElectorateUnit[], developerVoter: VoterId | null = null): CompoundElectorate {
  return { kind: 'compound', units, developerVoter };
}

/** `n` units of equal area, u1…un owned by o1…on. */
export function equalUnits(n: number, squareMetres = '100'): ElectorateUnit[] {
  return Array.from({ length: n }, (_, i) => unit(`u${i + 1}`, squareMetres, `o${i + 1}`));
}

export type PersonKind = 'adult' | 'minor' | 'adult-without-capacity' | 'minor-with-capacity';

export function person(id: VoterId, household: string, kind: PersonKind = 'adult'): ElectoratePerson {
  return {
    id,
    household,
    adult: kind === 'adult' || kind === 'adult-without-capacity',
    fullCapacity: kind === 'adult' || kind === 'minor-with-capacity',
  };
}

/**
 * A roll of persons. `households` maps a household id to its persons; the first listed is the
 * registered representative unless `representative` says otherwise (null: none registered).
 */
export function roll(
  households: Record<string, ElectoratePerson[] | { persons: ElectoratePerson[]; representative: VoterId | null }>,
  representatives: VoterId[] = [],
): PersonsElectorate {
  const persons: ElectoratePerson[] = [];
  const list: ElectorateHousehold[] = [];
  for (const [id, spec] of Object.entries(households)) {
    const members = Array.isArray(spec) ? spec : spec.persons;
    const representative = Array.isArray(spec) ? (members[0]?.id ?? null) : spec.representative;
    persons.push(...members.map((p) => ({ ...p, household: id })));
    list.push({ id, representative });
  }
  return { kind: 'persons', persons, households: list, representatives };
}

/** `n` households of one adult each: h1…hn with m1…mn. */
export function singles(n: number, prefix = 'm'): Record<string, ElectoratePerson[]> {
  const households: Record<string, ElectoratePerson[]> = {};
  for (let i = 1; i <= n; i++) households[`h${i}`] = [person(`${prefix}${i}`, `h${i}`)];
  return households;
}

export function ballot(voter: VoterId, choice: Choice, options: { channel?: Channel; proxy?: Proxy } = {}): Ballot {
  return { voter, choice, channel: options.channel ?? 'online', proxy: options.proxy ?? null };
}

/** Ballots for voters `prefix`from…`prefix`to, all with one choice. */
export function ballots(prefix: string, from: number, to: number, choice: Choice): Ballot[] {
  const list: Ballot[] = [];
  for (let i = from; i <= to; i++) list.push(ballot(`${prefix}${i}`, choice));
  return list;
}

export function vote(ruleSet: RuleSetId, options: { matterKinds?: MatterKind[]; lml63?: Lml63Parameters; question?: Question } = {}): VoteDefinition {
  return {
    ruleSet,
    question: options.question ?? { kind: 'motion' },
    matterKinds: options.matterKinds ?? [],
    lml63: options.lml63 ?? (ruleSet === 'lml-63' ? { body: 'members', rceoApplies: true } : null),
  };
}

export function named(
  definition: VoteDefinition,
  electorate: CompoundElectorate | PersonsElectorate | { kind: 'list'; voters: VoterId[] },
  cast: Ballot[],
  checkIns: VoterId[] = [],
): TallyResult {
  return tally({ vote: definition, electorate, casting: { secrecy: 'named', ballots: cast }, checkIns });
}

export function conditionOf(result: TallyResult, id: string, source?: RuleSetId) {
  const found = result.conditions.find((c) => c.id === id && (source === undefined || c.source === source));
  if (!found) throw new Error(`No condition ${id} in ${result.conditions.map((c) => c.id).join(', ')}`);
  return found;
}

export function outcomeOf(result: TallyResult, voter: VoterId) {
  const found = result.ballots.find((b) => b.voter === voter);
  if (!found) throw new Error(`No ballot outcome for ${voter}`);
  return found;
}
