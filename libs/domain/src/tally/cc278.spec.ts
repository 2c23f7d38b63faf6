import { tally } from './tally';
import { ballot, ballots, compound, conditionOf, developerUnit, equalUnits, named, outcomeOf, unit, vote } from './testing';
import { TallyInputError } from './types';

/*
 * Civil Code art. 278 (2021): owners' decisions need participation of owners holding two thirds
 * or more of the exclusive area AND two thirds or more in number; items 6–8 then need three
 * quarters or more of the participating area and owners, other matters more than half of both.
 * SPC interpretation on building ownership (2020) arts. 8–9: how area and owners are counted.
 */

describe('cc278: turnout of two thirds by area and by headcount (Civil Code art. 278 para. 2)', () => {
  it('is met at exactly two thirds: "以上" includes the number (art. 1259)', () => {
    const result = named(vote('cc278-ordinary'), compound(equalUnits(12)), ballots('o', 1, 8, 'approve'));
    expect(conditionOf(result, 'turnout-area')).toMatchObject({ numerator: 80000, denominator: 120000, met: true, percent: '66.67' });
    expect(conditionOf(result, 'turnout-persons')).toMatchObject({ numerator: 8, denominator: 12, met: true });
    expect(result.quorumMet).toBe(true);
    expect(result.passed).toBe(true);
  });

  it('is not met one owner short of two thirds, however unanimous the voters', () => {
    const result = named(vote('cc278-ordinary'), compound(equalUnits(12)), ballots('o', 1, 7, 'approve'));
    expect(conditionOf(result, 'turnout-persons')).toMatchObject({ numerator: 7, met: false, percent: '58.33' });
    expect(result.quorumMet).toBe(false);
    expect(result.passed).toBe(false);
    expect(result.explanation['zh-CN']).toContain('参与表决的业主 7 人，占业主总人数 12 人的 58.33%，未达到三分之二。');
  });

  it('fails on area while headcount passes: six small flats vote, three large ones do not', () => {
    const units = [...[1, 2, 3, 4, 5, 6].map((i) => unit(`s${i}`, '50', `s${i}`)), ...[1, 2, 3].map((i) => unit(`l${i}`, '200', `l${i}`))];
    const result = named(vote('cc278-ordinary'), compound(units), ballots('s', 1, 6, 'approve'));
    expect(conditionOf(result, 'turnout-persons')).toMatchObject({ numerator: 6, denominator: 9, met: true });
    expect(conditionOf(result, 'turnout-area')).toMatchObject({ numerator: 30000, denominator: 90000, met: false, percent: '33.33' });
    expect(result.passed).toBe(false);
  });

  it('fails on headcount while area passes: three large flats and one small vote', () => {
    const units = [...[1, 2, 3, 4, 5, 6].map((i) => unit(`s${i}`, '50', `s${i}`)), ...[1, 2, 3].map((i) => unit(`l${i}`, '200', `l${i}`))];
    const result = named(vote('cc278-ordinary'), compound(units), [...ballots('l', 1, 3, 'approve'), ballot('s1', 'approve')]);
    expect(conditionOf(result, 'turnout-area')).toMatchObject({ numerator: 65000, met: true, percent: '72.22' });
    expect(conditionOf(result, 'turnout-persons')).toMatchObject({ numerator: 4, denominator: 9, met: false });
    expect(result.passed).toBe(false);
  });

  it('shows 66.66% for an area just under two thirds, never 66.67%', () => {
    // 1,999.99 m² of 3,000.00 m² is 66.6663…%: rounding half up would print 66.67% beside "short of two thirds".
    const units = [unit('a', '1999.99', 'a'), unit('b', '1000.01', 'b'), ...equalUnits(1, '0')];
    const result = named(vote('cc278-ordinary'), compound(units), [ballot('a', 'approve'), ballot('o1', 'approve')]);
    expect(conditionOf(result, 'turnout-area')).toMatchObject({ numerator: 199999, denominator: 300000, met: false, percent: '66.66' });
    expect(conditionOf(result, 'turnout-area').explanation['zh-CN']).toBe(
      '参与表决的专有部分面积 1,999.99㎡，占总面积 3,000.00㎡的 66.66%，未达到三分之二。',
    );
  });
});

describe('cc278-ordinary: more than half of the participating area and owners (art. 278 para. 2)', () => {
  it('fails at exactly half: "过半数" is strictly more than half', () => {
    const result = named(vote('cc278-ordinary'), compound(equalUnits(12)), [...ballots('o', 1, 4, 'approve'), ...ballots('o', 5, 8, 'oppose')]);
    expect(conditionOf(result, 'approval-area')).toMatchObject({ numerator: 40000, denominator: 80000, met: false, percent: '50.00' });
    expect(conditionOf(result, 'approval-persons')).toMatchObject({ numerator: 4, denominator: 8, met: false });
    expect(result.passed).toBe(false);
    expect(result.explanation['zh-CN']).toContain('同意的业主 4 人，占参与表决的业主 8 人的 50.00%，未超过半数。');
  });

  it('passes one owner over half', () => {
    const result = named(vote('cc278-ordinary'), compound(equalUnits(12)), [...ballots('o', 1, 5, 'approve'), ...ballots('o', 6, 8, 'oppose')]);
    expect(conditionOf(result, 'approval-persons')).toMatchObject({ numerator: 5, met: true, percent: '62.50' });
    expect(result.passed).toBe(true);
    expect(result.explanation['zh-CN']).toContain('结论：依照《民法典》第二百七十八条；最高人民法院建筑物区分所有权司法解释第八条、第九条，表决通过。');
  });

  it('shows 50.01% for an approving area a hair over half, never 50.00%', () => {
    // 4,000.01 m² of 8,000.00 m² is 50.000125%.
    const units = [unit('a', '4000.01', 'a'), unit('b', '3999.99', 'b'), unit('c', '0', 'c')];
    const result = named(vote('cc278-ordinary'), compound(units), [ballot('a', 'approve'), ballot('b', 'oppose'), ballot('c', 'approve')]);
    expect(conditionOf(result, 'approval-area')).toMatchObject({ numerator: 400001, denominator: 800000, met: true, percent: '50.01' });
  });

  it('fails on area while headcount passes: the small flats approve, the large ones oppose', () => {
    const units = [...[1, 2, 3, 4, 5, 6].map((i) => unit(`s${i}`, '50', `s${i}`)), ...[1, 2, 3].map((i) => unit(`l${i}`, '200', `l${i}`))];
    const result = named(vote('cc278-ordinary'), compound(units), [...ballots('s', 1, 6, 'approve'), ...ballots('l', 1, 3, 'oppose')]);
    expect(conditionOf(result, 'approval-persons')).toMatchObject({ numerator: 6, denominator: 9, met: true });
    expect(conditionOf(result, 'approval-area')).toMatchObject({ numerator: 30000, denominator: 90000, met: false });
    expect(result.passed).toBe(false);
  });

  it('fails on headcount while area passes: the large flats approve, the small ones oppose', () => {
    const units = [...[1, 2, 3, 4, 5, 6].map((i) => unit(`s${i}`, '50', `s${i}`)), ...[1, 2, 3].map((i) => unit(`l${i}`, '200', `l${i}`))];
    const result = named(vote('cc278-ordinary'), compound(units), [...ballots('s', 1, 6, 'oppose'), ...ballots('l', 1, 3, 'approve')]);
    expect(conditionOf(result, 'approval-area')).toMatchObject({ numerator: 60000, met: true, percent: '66.67' });
    expect(conditionOf(result, 'approval-persons')).toMatchObject({ numerator: 3, met: false });
    expect(result.passed).toBe(false);
  });
});

describe('cc278-major: three quarters of the participating area and owners (art. 278 para. 2, items 6–8)', () => {
  it('passes at exactly three quarters', () => {
    const result = named(vote('cc278-major'), compound(equalUnits(12)), [...ballots('o', 1, 6, 'approve'), ...ballots('o', 7, 8, 'oppose')]);
    expect(conditionOf(result, 'approval-area')).toMatchObject({ numerator: 60000, denominator: 80000, met: true, percent: '75.00' });
    expect(conditionOf(result, 'approval-persons')).toMatchObject({ numerator: 6, denominator: 8, met: true });
    expect(result.passed).toBe(true);
  });

  it('fails one owner short of three quarters', () => {
    const result = named(vote('cc278-major'), compound(equalUnits(12)), [...ballots('o', 1, 5, 'approve'), ...ballots('o', 6, 8, 'oppose')]);
    expect(conditionOf(result, 'approval-persons')).toMatchObject({ numerator: 5, met: false, percent: '62.50' });
    expect(result.passed).toBe(false);
    expect(result.explanation.en).toContain('Owners approving: 5 of the 8 owners taking part, 62.50% — short of the three quarters required.');
  });

  it('fails on area alone when a large owner opposes', () => {
    const units = [...equalUnits(7, '100'), unit('big', '500', 'big')];
    // 7 approve of 8 participating (87.5% ≥ 75%), but 700 m² of 1,200 m² is 58.33%.
    const result = named(vote('cc278-major'), compound(units), [...ballots('o', 1, 7, 'approve'), ballot('big', 'oppose')]);
    expect(conditionOf(result, 'approval-persons')).toMatchObject({ met: true, percent: '87.50' });
    expect(conditionOf(result, 'approval-area')).toMatchObject({ numerator: 70000, denominator: 120000, met: false, percent: '58.33' });
    expect(result.passed).toBe(false);
  });
});

describe('how owners are counted (SPC interpretation on building ownership, arts. 8–9)', () => {
  it('counts all developer-held units together as ONE owner with all their area', () => {
    const units = [...equalUnits(6), developerUnit('d1', '100'), developerUnit('d2', '100'), developerUnit('d3', '100')];
    const result = named(vote('cc278-ordinary'), compound(units, 'dev'), [...ballots('o', 1, 4, 'approve'), ballot('dev', 'approve')]);
    expect(result.figures.electorate).toEqual({ persons: 7, area: 90000, households: null });
    expect(outcomeOf(result, 'dev')).toEqual({ voter: 'dev', counted: true, reason: null, seats: 1 });
    expect(conditionOf(result, 'turnout-persons')).toMatchObject({ numerator: 5, denominator: 7 });
    expect(conditionOf(result, 'turnout-area')).toMatchObject({ numerator: 70000, denominator: 90000 });
    expect(result.notes.map((n) => n.code)).toContain('developer-one-person');
  });

  it('keeps developer-held units in the totals when nobody votes for the developer', () => {
    const units = [...equalUnits(6), developerUnit('d1', '300')];
    const result = named(vote('cc278-ordinary'), compound(units), ballots('o', 1, 6, 'approve'));
    expect(conditionOf(result, 'turnout-persons')).toMatchObject({ numerator: 6, denominator: 7, met: true });
    expect(conditionOf(result, 'turnout-area')).toMatchObject({ numerator: 60000, denominator: 90000, met: true });
  });

  it('counts one owner of several units as one person with all their area', () => {
    const units = [unit('a1', '80', 'alice'), unit('a2', '90', 'alice'), unit('p7', '12.5', 'alice'), unit('b1', '100', 'bob'), unit('c1', '100', 'carol')];
    const result = named(vote('cc278-ordinary'), compound(units), [ballot('alice', 'approve'), ballot('bob', 'oppose')]);
    expect(result.figures.electorate).toMatchObject({ persons: 3, area: 38250 });
    expect(result.figures.approve).toEqual({ persons: 1, area: 18250 });
    expect(outcomeOf(result, 'alice').seats).toBe(1);
    expect(result.notes.map((n) => n.code)).toContain('multi-unit-owner');
  });

  it('counts a co-owned unit as one person with its full area, only the designated co-owner’s ballot counting', () => {
    const units = [unit('u1', '120', ['wife', 'husband'], 'wife'), unit('u2', '100', 'ming')];
    const result = named(vote('cc278-ordinary'), compound(units), [ballot('wife', 'approve'), ballot('husband', 'oppose'), ballot('ming', 'approve')]);
    expect(result.figures.electorate).toMatchObject({ persons: 2, area: 22000 });
    expect(outcomeOf(result, 'husband')).toEqual({ voter: 'husband', counted: false, reason: 'not-designated-co-owner', seats: 0 });
    expect(outcomeOf(result, 'wife')).toMatchObject({ counted: true, seats: 1 });
    expect(result.figures.approve).toEqual({ persons: 2, area: 22000 });
    expect(result.figures.oppose).toEqual({ persons: 0, area: 0 });
  });

  it('counts no co-owner’s ballot for a co-owned unit with nobody designated, keeping it in the totals', () => {
    const units = [unit('u1', '120', ['wife', 'husband']), unit('u2', '100', 'ming')];
    const result = named(vote('cc278-ordinary'), compound(units), [ballot('wife', 'approve'), ballot('ming', 'approve')]);
    expect(outcomeOf(result, 'wife').reason).toBe('co-owned-without-designated-voter');
    expect(conditionOf(result, 'turnout-persons')).toMatchObject({ numerator: 1, denominator: 2 });
  });

  it('reads "the same buyer" as the same owners: a flat held alone and one held jointly are two owners', () => {
    const units = [unit('u1', '100', 'li'), unit('u2', '100', ['li', 'wang'], 'li'), unit('u3', '100', 'zhao')];
    const result = named(vote('cc278-ordinary'), compound(units), [ballot('li', 'approve'), ballot('zhao', 'oppose')]);
    expect(result.figures.electorate.persons).toBe(3);
    expect(outcomeOf(result, 'li').seats).toBe(2);
    expect(result.figures.approve).toEqual({ persons: 2, area: 20000 });
    expect(result.notes.find((n) => n.code === 'owner-sets')?.strictReading).toBe(true);
  });

  it('counts an abstention as taking part without approving', () => {
    const result = named(vote('cc278-ordinary'), compound(equalUnits(12)), [...ballots('o', 1, 4, 'approve'), ...ballots('o', 5, 8, 'abstain')]);
    expect(result.quorumMet).toBe(true);
    expect(conditionOf(result, 'approval-persons')).toMatchObject({ numerator: 4, denominator: 8, met: false });
    expect(result.figures.abstain).toEqual({ persons: 4, area: 40000 });
  });

  it('never counts non-voters toward turnout or the majority, and ignores check-ins', () => {
    const result = named(vote('cc278-ordinary'), compound(equalUnits(12)), ballots('o', 1, 7, 'approve'), ['o8', 'o9', 'o10']);
    expect(conditionOf(result, 'turnout-persons').numerator).toBe(7);
    expect(result.quorumMet).toBe(false);
    expect(result.ignoredCheckIns).toEqual([]);
  });
});

describe('owners’ proxies (Civil Code art. 161; written form, MOHURD guiding rules for owners’ assemblies)', () => {
  it('counts a written proxy given to anyone', () => {
    const result = named(vote('cc278-ordinary'), compound(equalUnits(3)), [
      ballot('o1', 'approve', { proxy: { agent: 'neighbour', written: true }, channel: 'meeting' }),
      ballot('o2', 'approve'),
    ]);
    expect(outcomeOf(result, 'o1')).toMatchObject({ counted: true });
    expect(result.figures.ballots).toMatchObject({ counted: 2, meeting: 1, online: 1 });
  });

  it('rejects an oral proxy: the owner has not taken part', () => {
    const result = named(vote('cc278-ordinary'), compound(equalUnits(3)), [
      ballot('o1', 'approve', { proxy: { agent: 'neighbour', written: false }, channel: 'paper' }),
      ballot('o2', 'approve'),
    ]);
    expect(outcomeOf(result, 'o1')).toMatchObject({ counted: false, reason: 'proxy-not-written' });
    expect(conditionOf(result, 'turnout-persons')).toMatchObject({ numerator: 1, met: false });
    expect(result.explanation['zh-CN'].join('')).toContain('委托未采用书面形式');
  });
});

describe('ballots that cannot count', () => {
  it('rejects a ballot from someone not on the frozen roll, with the reason', () => {
    const result = named(vote('cc278-ordinary'), compound(equalUnits(3)), [ballot('o1', 'approve'), ballot('tenant', 'approve')]);
    expect(outcomeOf(result, 'tenant')).toEqual({ voter: 'tenant', counted: false, reason: 'not-in-electorate', seats: 0 });
    expect(result.figures.ballots).toMatchObject({ received: 2, counted: 1, rejected: 1 });
  });

  it('rejects a choice the motion does not offer', () => {
    const result = named(vote('cc278-ordinary'), compound(equalUnits(3)), [ballot('o1', { option: 'tuesday' })]);
    expect(outcomeOf(result, 'o1').reason).toBe('invalid-choice');
  });

  it('refuses two ballots for one voter: the caller passes the last cast only', () => {
    expect(() => named(vote('cc278-ordinary'), compound(equalUnits(3)), [ballot('o1', 'approve'), ballot('o1', 'oppose')])).toThrow(TallyInputError);
  });

  it('refuses a secret ballot box: owners’ ballots are named', () => {
    expect(() =>
      tally({ vote: vote('cc278-major'), electorate: compound(equalUnits(3)), casting: { secrecy: 'secret', marks: [], box: [] }, checkIns: [] }),
    ).toThrow(/named/);
  });

  it('refuses a roll of persons: owners are counted from units', () => {
    expect(() => named(vote('cc278-ordinary'), { kind: 'persons', persons: [], households: [], representatives: [] }, [])).toThrow(TallyInputError);
  });

  it('refuses a unit whose designated voter is not one of its owners', () => {
    expect(() => named(vote('cc278-ordinary'), compound([unit('u1', '100', ['a', 'b'], 'c')]), [])).toThrow(/not an owner/);
  });

  it('refuses a unit listed twice, which would count its area twice', () => {
    expect(() => named(vote('cc278-ordinary'), compound([unit('u1', '100', 'a'), unit('u1', '100', 'b')]), [])).toThrow(/appears twice/);
  });

  it('refuses co-owners who designate different voters on two units', () => {
    const units = [unit('u1', '100', ['a', 'b'], 'a'), unit('u2', '100', ['b', 'a'], 'b')];
    expect(() => named(vote('cc278-ordinary'), compound(units), [])).toThrow(/designates/);
  });
});

describe('edges of the arithmetic', () => {
  it('meets no threshold when nobody takes part (a share of nothing, strict reading)', () => {
    const result = named(vote('cc278-ordinary'), compound(equalUnits(3)), []);
    expect(conditionOf(result, 'approval-area')).toMatchObject({ numerator: 0, denominator: 0, met: false, percent: null });
    expect(result.passed).toBe(false);
    expect(result.notes.find((n) => n.code === 'zero-denominator')?.strictReading).toBe(true);
  });

  it('compares exactly where area × threshold passes 2^53', () => {
    // 6e15 − 1 of 9e15 − 1 hundredths of m² is just under two thirds; 3 × (6e15 − 1) is not exact in a double.
    const units = [
      { id: 'a', area: 6e15 - 1, developerHeld: false, owners: ['a'], designatedVoter: null },
      { id: 'b', area: 3e15, developerHeld: false, owners: ['b'], designatedVoter: null },
      { id: 'c', area: 0, developerHeld: false, owners: ['c'], designatedVoter: null },
    ];
    const result = named(vote('cc278-ordinary'), compound(units), [ballot('a', 'approve'), ballot('c', 'approve')]);
    expect(conditionOf(result, 'turnout-area')).toMatchObject({ numerator: 6e15 - 1, denominator: 9e15 - 1, met: false, percent: '66.66' });
    expect(conditionOf(result, 'turnout-persons').met).toBe(true);
  });
});
