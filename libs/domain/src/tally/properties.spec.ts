import fc from 'fast-check';
import type { RuleSetId } from '../rules/rule-sets';
import { RULE_SET_IDS } from '../rules/rule-sets';
import { meets, percentOf } from './fraction';
import { tally } from './tally';
import type {
  Ballot,
  Channel,
  CompoundElectorate,
  Electorate,
  ElectorateUnit,
  MotionChoice,
  PersonsElectorate,
  TallyInput,
  TallyResult,
  Threshold,
  VoteDefinition,
} from './types';

/*
 * Properties every lawful tally must have, whatever the electorate and ballots:
 * - the order in which ballots, check-ins, units, persons or households arrive changes nothing;
 * - turning one oppose (or abstain) into an approve never turns a pass into a fail;
 * - renaming voters, units and households changes nothing but the names;
 * - a percentage shown never contradicts the verdict and is within 0.01 of the exact share.
 */

const CHOICES: MotionChoice[] = ['approve', 'oppose', 'abstain'];
const CHANNELS: Channel[] = ['online', 'paper', 'meeting'];
const PERSONS_RULES = RULE_SET_IDS.filter((r) => !r.startsWith('cc278'));

const ballotArb = (voters: number) =>
  fc.record({
    voter: fc.nat({ max: voters + 1 }).map((i) => `p${i}`), // p{voters}, p{voters+1}: not on the roll
    choice: fc.constantFrom(...CHOICES),
    channel: fc.constantFrom(...CHANNELS),
    proxy: fc.option(fc.record({ agent: fc.nat({ max: voters }).map((i) => `p${i}`), written: fc.boolean() }), { nil: null }),
  });

function uniqueByVoter(ballots: Ballot[]): Ballot[] {
  const seen = new Set<string>();
  return ballots.filter((b) => !seen.has(b.voter) && (seen.add(b.voter), true));
}

const compoundArb: fc.Arbitrary<CompoundElectorate> = fc
  .record({
    people: fc.integer({ min: 1, max: 10 }),
    units: fc.array(
      fc.record({
        kind: fc.constantFrom('single', 'single', 'single', 'co-owned', 'developer'),
        area: fc.integer({ min: 0, max: 30_000 }),
        owners: fc.uniqueArray(fc.nat({ max: 9 }), { minLength: 2, maxLength: 3 }),
        designate: fc.boolean(),
      }),
      { minLength: 1, maxLength: 14 },
    ),
    developerVotes: fc.boolean(),
  })
  .map(({ people, units, developerVotes }) => {
    const designation = new Map<string, string | null>();
    const list: ElectorateUnit[] = units.map((u, i) => {
      const owners = u.owners.map((o) => `p${o % people}`);
      const unique = [...new Set(owners)].sort();
      if (u.kind === 'developer') return { id: `u${i}`, area: u.area, developerHeld: true, owners: [], designatedVoter: null };
      if (u.kind === 'single' || unique.length === 1) return { id: `u${i}`, area: u.area, developerHeld: false, owners: [unique[0] as string], designatedVoter: null };
      const key = unique.join('|');
      if (!designation.has(key)) designation.set(key, u.designate ? (unique[unique.length - 1] as string) : null);
      return { id: `u${i}`, area: u.area, developerHeld: false, owners: unique, designatedVoter: designation.get(key) ?? null };
    });
    return { kind: 'compound' as const, units: list, developerVoter: developerVotes ? 'dev' : null };
  });

const personsArb: fc.Arbitrary<PersonsElectorate> = fc
  .record({
    people: fc.array(fc.record({ household: fc.nat({ max: 4 }), adult: fc.boolean(), fullCapacity: fc.boolean() }), { minLength: 1, maxLength: 12 }),
    representatives: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
    households: fc.array(fc.option(fc.nat({ max: 11 }), { nil: null }), { minLength: 5, maxLength: 5 }),
  })
  .map(({ people, representatives, households }) => {
    const persons = people.map((p, i) => ({ id: `p${i}`, household: `h${p.household}`, adult: p.adult, fullCapacity: p.fullCapacity }));
    return {
      kind: 'persons' as const,
      persons,
      households: households.map((rep, h) => {
        const candidates = persons.filter((p) => p.household === `h${h}`);
        return { id: `h${h}`, representative: rep === null || candidates.length === 0 ? null : (candidates[rep % candidates.length]?.id ?? null) };
      }),
      representatives: persons.filter((_, i) => representatives[i]).map((p) => p.id),
    };
  });

function definition(ruleSet: RuleSetId, lml: { body: 'members' | 'representatives'; rceoApplies: boolean }): VoteDefinition {
  return { ruleSet, question: { kind: 'motion' }, matterKinds: [], lml63: ruleSet === 'lml-63' ? lml : null };
}

const lmlArb = fc.record({ body: fc.constantFrom('members' as const, 'representatives' as const), rceoApplies: fc.boolean() });

/** A whole named scenario, compound or persons, with a rule set that fits it. */
const scenarioArb: fc.Arbitrary<TallyInput> = fc.oneof(
  fc.record({ electorate: compoundArb, ruleSet: fc.constantFrom<RuleSetId>('cc278-ordinary', 'cc278-major', 'simple-majority'), lml: lmlArb }),
  fc.record({ electorate: personsArb, ruleSet: fc.constantFrom<RuleSetId>(...PERSONS_RULES), lml: lmlArb }),
).chain(({ electorate, ruleSet, lml }) =>
  fc
    .record({
      ballots: fc.array(ballotArb(12), { maxLength: 16 }).map(uniqueByVoter),
      checkIns: fc.array(fc.nat({ max: 13 }).map((i) => `p${i}`), { maxLength: 6 }),
    })
    .map(({ ballots, checkIns }) => ({
      vote: definition(ruleSet, lml),
      electorate,
      casting: { secrecy: 'named' as const, ballots },
      checkIns,
    })),
);

function permute<T>(items: readonly T[], keys: readonly number[]): T[] {
  return items
    .map((item, i) => ({ item, key: keys[i % Math.max(keys.length, 1)] ?? 0, i }))
    .sort((a, b) => a.key - b.key || b.i - a.i)
    .map((x) => x.item);
}

function permuteElectorate(electorate: Electorate, keys: number[]): Electorate {
  switch (electorate.kind) {
    case 'compound':
      return { ...electorate, units: permute(electorate.units, keys) };
    case 'persons':
      return {
        ...electorate,
        persons: permute(electorate.persons, keys),
        households: permute(electorate.households, [...keys].reverse()),
        representatives: permute(electorate.representatives, keys),
      };
    case 'list':
      return { ...electorate, voters: permute(electorate.voters, keys) };
  }
}

function casts(input: TallyInput): Ballot[] {
  if (input.casting.secrecy !== 'named') throw new Error('named scenarios only');
  return input.casting.ballots;
}

function withBallots(input: TallyInput, ballots: Ballot[]): TallyInput {
  return { ...input, casting: { secrecy: 'named', ballots } };
}

describe('tally properties (fast-check)', () => {
  it('permuting ballots, check-ins, units, persons and households never changes the result', () => {
    fc.assert(
      fc.property(scenarioArb, fc.array(fc.integer(), { minLength: 1, maxLength: 20 }), (input, keys) => {
        const shuffled: TallyInput = {
          ...withBallots(input, permute(casts(input), keys)),
          electorate: permuteElectorate(input.electorate, keys),
          checkIns: permute(input.checkIns, [...keys].reverse()),
        };
        expect(tally(shuffled)).toEqual(tally(input));
      }),
      { numRuns: 400 },
    );
  });

  it('permuting a secret vote’s roll and box never changes the result', () => {
    const secretArb = fc.record({
      electorate: personsArb,
      ruleSet: fc.constantFrom<RuleSetId>('rceo-27', 'rceo-15', 'rceo-28', 'vcl-22', 'vcl-26', 'vcl-28', 'simple-majority'),
      marks: fc.uniqueArray(fc.nat({ max: 13 }), { maxLength: 12 }),
      box: fc.array(fc.constantFrom<MotionChoice | { option: string }>('approve', 'oppose', 'abstain', { option: 'x' }), { maxLength: 14 }),
      proxies: fc.array(fc.boolean(), { minLength: 14, maxLength: 14 }),
    });
    fc.assert(
      fc.property(secretArb, fc.array(fc.integer(), { minLength: 1, maxLength: 20 }), ({ electorate, ruleSet, marks, box, proxies }, keys) => {
        const input: TallyInput = {
          vote: definition(ruleSet, { body: 'members', rceoApplies: true }),
          electorate,
          casting: {
            secrecy: 'secret',
            marks: marks.map((i) => ({ voter: `p${i}`, channel: 'paper' as const, proxy: proxies[i] ? { agent: 'p0', written: true } : null })),
            box: box.map((choice, i) => ({ ballotId: `b${i}`, choice })),
          },
          checkIns: [],
        };
        if (input.casting.secrecy !== 'secret') throw new Error('secret');
        const shuffled: TallyInput = {
          ...input,
          casting: { secrecy: 'secret', marks: permute(input.casting.marks, keys), box: permute(input.casting.box, [...keys].reverse()) },
        };
        expect(tally(shuffled)).toEqual(tally(input));
      }),
      { numRuns: 300 },
    );
  });

  it('turning an oppose or an abstention into an approve never turns a pass into a fail', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), (input, pick) => {
        const ballots = casts(input);
        const candidates = ballots.map((b, i) => ({ b, i })).filter(({ b }) => b.choice !== 'approve');
        fc.pre(candidates.length > 0);
        const target = candidates[pick % candidates.length] as { b: Ballot; i: number };
        const before = tally(input);
        const after = tally(withBallots(input, ballots.map((b, i) => (i === target.i ? { ...b, choice: 'approve' as const } : b))));
        if (before.passed) expect(after.passed).toBe(true);
        expect(after.figures.approve.persons).toBeGreaterThanOrEqual(before.figures.approve.persons);
        expect(after.figures.participating).toEqual(before.figures.participating);
      }),
      { numRuns: 400 },
    );
  });

  it('renaming voters, units and households changes nothing but the names', () => {
    fc.assert(
      fc.property(scenarioArb, fc.string({ minLength: 1, maxLength: 4 }), fc.boolean(), (input, prefix, reverse) => {
        // An injective renaming that also reverses the alphabetical order of the ids when asked.
        const rename = (id: string) => (reverse ? `${prefix}:${String(1000 - Number(id.replace(/\D/g, '') || 0)).padStart(4, '0')}:${id}` : `${prefix}${id}`);
        const e = input.electorate;
        const renamedElectorate: Electorate =
          e.kind === 'compound'
            ? {
                kind: 'compound',
                developerVoter: e.developerVoter === null ? null : rename(e.developerVoter),
                units: e.units.map((u) => ({ ...u, id: rename(u.id), owners: u.owners.map(rename), designatedVoter: u.designatedVoter === null ? null : rename(u.designatedVoter) })),
              }
            : e.kind === 'persons'
              ? {
                  kind: 'persons',
                  persons: e.persons.map((p) => ({ ...p, id: rename(p.id), household: rename(p.household) })),
                  households: e.households.map((h) => ({ id: rename(h.id), representative: h.representative === null ? null : rename(h.representative) })),
                  representatives: e.representatives.map(rename),
                }
              : { kind: 'list', voters: e.voters.map(rename) };
        const renamed: TallyInput = {
          vote: input.vote,
          electorate: renamedElectorate,
          casting: {
            secrecy: 'named',
            ballots: casts(input).map((b) => ({ ...b, voter: rename(b.voter), proxy: b.proxy === null ? null : { ...b.proxy, agent: rename(b.proxy.agent) } })),
          },
          checkIns: input.checkIns.map(rename),
        };
        const original = tally(input);
        const other = tally(renamed);
        const strip = (r: TallyResult, f: (id: string) => string) => ({
          ...r,
          ballots: r.ballots.map((b) => ({ ...b, voter: f(b.voter) })).sort((a, b) => (a.voter < b.voter ? -1 : 1)),
          ignoredCheckIns: r.ignoredCheckIns.map((b) => ({ ...b, voter: f(b.voter) })).sort((a, b) => (a.voter < b.voter ? -1 : 1)),
        });
        expect(strip(other, (id) => id)).toEqual(strip(original, rename));
      }),
      { numRuns: 300 },
    );
  });

  it('never shows a percentage that contradicts the verdict, and stays within 0.01 of the exact share', () => {
    const thresholds: Threshold[] = [
      { numerator: 2, denominator: 3, comparison: 'at-least' },
      { numerator: 3, denominator: 4, comparison: 'at-least' },
      { numerator: 1, denominator: 2, comparison: 'more-than' },
      { numerator: 1, denominator: 1, comparison: 'at-most' },
      { numerator: 7, denominator: 9, comparison: 'at-least' },
    ];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 40 }), fc.double({ min: 0, max: 1.2, noNaN: true }), fc.constantFrom(...thresholds), (den, share, threshold) => {
        const num = Math.min(Math.floor(den * share), Number.MAX_SAFE_INTEGER);
        const met = meets(num, den, threshold);
        const shown = percentOf(num, den, threshold, met);
        expect(shown).toMatch(/^\d+\.\d{2}$/);
        const basisPoints = BigInt((shown as string).replace('.', ''));
        // The figure as a reader compares it with the threshold agrees with the verdict...
        expect(meets(Number(basisPoints), 10000, threshold)).toBe(met);
        // ...and is within one hundredth of a percent of the exact share: |shown·den − num·10⁴| < den.
        const gap = basisPoints * BigInt(den) - BigInt(num) * 10000n;
        expect(gap < BigInt(den) && gap > -BigInt(den)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('rounds the boundary cases the way the documentation says', () => {
    const twoThirds: Threshold = { numerator: 2, denominator: 3, comparison: 'at-least' };
    const half: Threshold = { numerator: 1, denominator: 2, comparison: 'more-than' };
    expect(percentOf(2, 3, twoThirds, true)).toBe('66.67');
    expect(percentOf(199999, 300000, twoThirds, false)).toBe('66.66');
    expect(percentOf(400001, 800000, half, true)).toBe('50.01');
    expect(percentOf(1, 2, half, false)).toBe('50.00');
    expect(percentOf(1, 8, half, false)).toBe('12.50');
    expect(percentOf(0, 0, half, false)).toBeNull();
  });
});
