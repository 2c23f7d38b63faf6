import { assertMayDecide } from '../rules/matters';
import { tally } from './tally';
import { ballot, compound, conditionOf, equalUnits, named, outcomeOf, person, roll, singles, vote } from './testing';
import type { PersonsElectorate, RollMark, SecretBallot } from './types';
import { TallyInputError } from './types';

/** Nine full-capacity members in three households of three; representatives m1, m4, m7. */
function members(): PersonsElectorate {
  const h = (id: string, names: string[]) => names.map((n) => person(n, id));
  return roll({ h1: h('h1', ['m1', 'm2', 'm3']), h2: h('h2', ['m4', 'm5', 'm6']), h3: h('h3', ['m7', 'm8', 'm9']) }, ['m1', 'm4', 'm7']);
}
const approve = (...voters: string[]) => voters.map((v) => ballot(v, 'approve'));

describe('lml-63: selling or leasing collective commercial construction land (Land Management Law art. 63)', () => {
  it('with the RCEO Law also applying, applies both laws’ conditions together (the stricter rule stands)', () => {
    const result = named(vote('lml-63', { lml63: { body: 'members', rceoApplies: true } }), members(), approve('m1', 'm2', 'm3', 'm4', 'm5', 'm6'));
    expect(result.conditions.map((c) => `${c.id}:${c.source}`)).toEqual(['consent:lml-63', 'attendance:rceo-27', 'approval:rceo-27']);
    expect(conditionOf(result, 'consent')).toMatchObject({ numerator: 6, denominator: 9, met: true });
    expect(result.passed).toBe(true);
    expect(conditionOf(result, 'consent').explanation['zh-CN']).toContain('（《土地管理法》第六十三条）');
    expect(result.explanation['zh-CN']).toContain('结论：依照《土地管理法》第六十三条和《农村集体经济组织法》第二十七条，表决通过。');
    expect(result.notes.find((n) => n.code === 'both-laws')?.strictReading).toBe(true);
  });

  it('fails one member short of two thirds of all members', () => {
    const result = named(vote('lml-63'), members(), approve('m1', 'm2', 'm3', 'm4', 'm5'));
    expect(conditionOf(result, 'consent')).toMatchObject({ numerator: 5, met: false, percent: '55.56' });
    expect(result.passed).toBe(false);
  });

  it('takes the RCEO household proxy where the RCEO Law applies', () => {
    const proxied = [...approve('m2', 'm3', 'm4', 'm5', 'm6'), ballot('m1', 'approve', { proxy: { agent: 'm2', written: true } })];
    const withRceo = named(vote('lml-63', { lml63: { body: 'members', rceoApplies: true } }), members(), proxied);
    expect(withRceo.passed).toBe(true);
  });

  it('takes no proxy and has no quorum where only art. 63 applies (strict reading)', () => {
    const proxied = [...approve('m2', 'm3', 'm4', 'm5', 'm6'), ballot('m1', 'approve', { proxy: { agent: 'm2', written: true } })];
    const lmlOnly = named(vote('lml-63', { lml63: { body: 'members', rceoApplies: false } }), members(), proxied);
    expect(outcomeOf(lmlOnly, 'm1').reason).toBe('proxy-not-allowed');
    expect(lmlOnly.conditions.map((c) => c.id)).toEqual(['consent']);
    expect(lmlOnly.quorumMet).toBeNull();
    expect(lmlOnly.passed).toBe(false);
  });

  it('by village representatives: two thirds of all representatives consent', () => {
    const params = { body: 'representatives', rceoApplies: false } as const;
    const result = named(vote('lml-63', { lml63: params }), members(), approve('m1', 'm4', 'm5'));
    expect(conditionOf(result, 'consent')).toMatchObject({ numerator: 2, denominator: 3, met: true });
    expect(outcomeOf(result, 'm5').reason).toBe('not-representative');
    expect(conditionOf(result, 'consent').explanation.en).toBe(
      'Village representatives consenting: 2 of all 3 village representatives, 66.67% — at least two thirds, as required.',
    );
  });

  it('by representatives where the RCEO Law applies: art. 28 adds its condition and its reserved matters', () => {
    const params = { body: 'representatives', rceoApplies: true } as const;
    const result = named(vote('lml-63', { lml63: params, matterKinds: ['commercial-construction-land'] }), members(), approve('m1', 'm4'));
    expect(result.conditions.map((c) => `${c.id}:${c.source}`)).toEqual(['consent:lml-63', 'approval:rceo-28']);
    expect(assertMayDecide('lml-63', ['compensation-distribution'], params)?.matters[0]?.matter).toBe('compensation-distribution');
    expect(assertMayDecide('lml-63', ['compensation-distribution'], { ...params, rceoApplies: false })).toBeNull();
  });

  it('refuses a vote that does not say which body consents', () => {
    expect(() => named({ ...vote('lml-63'), lml63: null }, members(), [])).toThrow(TallyInputError);
  });
});

describe('simple-majority: informal polls (no statute; more than half of the ballots cast)', () => {
  const list = { kind: 'list' as const, voters: ['v1', 'v2', 'v3', 'v4', 'v5'] };
  const dates = {
    kind: 'options' as const,
    options: [
      { id: 'sat', label: { 'zh-CN': '周六', en: 'Saturday' } },
      { id: 'sun', label: { 'zh-CN': '周日', en: 'Sunday' } },
      { id: 'mon', label: { 'zh-CN': '周一', en: 'Monday' } },
    ],
  };

  it('passes a motion with more than half of the ballots cast', () => {
    expect(named(vote('simple-majority'), list, [ballot('v1', 'approve'), ballot('v2', 'approve'), ballot('v3', 'oppose')]).passed).toBe(true);
  });

  it('counts an abstention as a ballot cast: two of four is not more than half', () => {
    const tie = named(vote('simple-majority'), list, [ballot('v1', 'approve'), ballot('v2', 'approve'), ballot('v3', 'oppose'), ballot('v4', 'abstain')]);
    expect(conditionOf(tie, 'majority')).toMatchObject({ numerator: 2, denominator: 4, met: false });
    expect(tie.quorumMet).toBeNull();
  });

  it('chooses the option with more than half of the ballots cast', () => {
    const result = named(vote('simple-majority', { question: dates }), list, [
      ballot('v1', { option: 'sun' }),
      ballot('v2', { option: 'sun' }),
      ballot('v3', { option: 'sun' }),
      ballot('v4', { option: 'sat' }),
      ballot('v5', 'abstain'),
    ]);
    expect(result.winningOption).toBe('sun');
    expect(result.figures.options).toEqual([
      { option: 'sat', persons: 1 },
      { option: 'sun', persons: 3 },
      { option: 'mon', persons: 0 },
    ]);
    expect(result.explanation['zh-CN']).toContain('得票最多的选项“周日” 3 票，占所投票数（含弃权） 5 票的 60.00%，超过半数。');
    expect(result.explanation['zh-CN']).toContain('结论：选项“周日”获所投票数过半数，当选。');
  });

  it('chooses nothing on a plurality without a majority', () => {
    const result = named(vote('simple-majority', { question: dates }), list, [
      ballot('v1', { option: 'sun' }),
      ballot('v2', { option: 'sun' }),
      ballot('v3', { option: 'sat' }),
      ballot('v4', { option: 'mon' }),
    ]);
    expect(result.winningOption).toBeNull();
    expect(result.passed).toBe(false);
    expect(result.explanation.en).toContain('Result: no option has more than half of the ballots cast; nothing is chosen.');
  });

  it('counts a compound’s owners by head, not by area', () => {
    const result = named(vote('simple-majority'), compound(equalUnits(3)), [ballot('o1', 'approve'), ballot('o2', 'oppose')]);
    expect(result.figures.electorate).toEqual({ persons: 3, area: null, households: null });
    expect(conditionOf(result, 'majority')).toMatchObject({ numerator: 1, denominator: 2, met: false });
  });

  it('rejects an option id the poll does not offer, and "approve" on a poll', () => {
    const result = named(vote('simple-majority', { question: dates }), list, [ballot('v1', { option: 'fri' }), ballot('v2', 'approve')]);
    expect(outcomeOf(result, 'v1').reason).toBe('invalid-choice');
    expect(outcomeOf(result, 'v2').reason).toBe('invalid-choice');
  });

  it('refuses options on a statutory rule, which decides a motion', () => {
    expect(() => named(vote('rceo-27', { question: dates }), members(), [])).toThrow(TallyInputError);
  });

  it('cannot decide a matter the law gives to a body', () => {
    expect(assertMayDecide('simple-majority', ['repair-fund-raising'])?.matters[0]?.decideUnder).toBeNull();
    expect(assertMayDecide('simple-majority', ['other'])).toBeNull();
  });
});

describe('secret ballots: the marked roll and the ballot box, unlinked', () => {
  const marks = (voters: string[]): RollMark[] => voters.map((voter) => ({ voter, channel: 'paper', proxy: null }));
  const box = (choices: SecretBallot['choice'][]): SecretBallot[] => choices.map((choice, i) => ({ ballotId: `b${String(i).padStart(3, '0')}`, choice }));
  const secret = (m: RollMark[], b: SecretBallot[], ruleSet: 'rceo-27' | 'vcl-26' = 'rceo-27') =>
    tally({ vote: vote(ruleSet), electorate: members(), casting: { secrecy: 'secret', marks: m, box: b }, checkIns: [] });

  it('takes attendance from the roll and approval from the box (rceo-27)', () => {
    const result = secret(marks(['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7']), box(['approve', 'approve', 'approve', 'approve', 'approve', 'approve', { option: 'x' }]));
    expect(conditionOf(result, 'box-within-roll')).toMatchObject({ numerator: 7, denominator: 7, met: true, role: 'validity' });
    expect(conditionOf(result, 'attendance')).toMatchObject({ numerator: 7, met: true });
    expect(conditionOf(result, 'approval')).toMatchObject({ numerator: 6, denominator: 9, met: true });
    expect(result.figures.spoilt).toBe(1);
    expect(result.valid).toBe(true);
    expect(result.passed).toBe(true);
  });

  it('is void with more ballots in the box than voters on the roll (cf. VCL art. 15)', () => {
    const result = secret(marks(['m1', 'm2', 'm3', 'm4', 'm5', 'm6']), box(['approve', 'approve', 'approve', 'approve', 'approve', 'approve', 'approve']));
    expect(conditionOf(result, 'box-within-roll')).toMatchObject({ numerator: 7, denominator: 6, met: false });
    expect(result.valid).toBe(false);
    expect(result.passed).toBe(false);
    expect(result.explanation['zh-CN']).toContain('结论：选票无效，表决不成立。');
  });

  it('counts a marked voter whose ballot is not in the box as present without a choice', () => {
    const result = secret(marks(['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7']), box(['approve', 'approve', 'approve', 'approve', 'approve', 'approve']));
    expect(result.valid).toBe(true);
    expect(result.figures.withoutChoice.persons).toBe(1);
    expect(result.figures.ballots.inBox).toBe(6);
    expect(result.passed).toBe(true);
  });

  it('cannot take back a ballot once in the box: a mark rejected afterwards can void the vote', () => {
    const roll7 = [...marks(['m2', 'm3', 'm4', 'm5', 'm6', 'm7']), { voter: 'm1', channel: 'paper' as const, proxy: { agent: 'm5', written: true } }];
    const result = secret(roll7, box(['approve', 'approve', 'approve', 'approve', 'approve', 'approve', 'approve']));
    expect(outcomeOf(result, 'm1').reason).toBe('proxy-agent-other-household');
    expect(result.valid).toBe(false);
  });

  it('refuses a ballot id twice in the box, and a voter marked twice', () => {
    expect(() => secret(marks(['m1']), [{ ballotId: 'b1', choice: 'approve' }, { ballotId: 'b1', choice: 'oppose' }])).toThrow(TallyInputError);
    expect(() => secret(marks(['m1', 'm1']), [])).toThrow(TallyInputError);
  });

  it('counts households for a secret villagers’ assembly from the roll', () => {
    const electorate = roll(singles(4, 'v'));
    const result = tally({
      vote: vote('vcl-22'),
      electorate,
      casting: { secrecy: 'secret', marks: marks(['v1', 'v2', 'v3']), box: box(['approve', 'approve', 'oppose']) },
      checkIns: [],
    });
    expect(conditionOf(result, 'attendance-households')).toMatchObject({ numerator: 3, denominator: 4, met: true });
    expect(conditionOf(result, 'approval')).toMatchObject({ numerator: 2, denominator: 3, met: true });
  });
});
