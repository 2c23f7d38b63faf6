import { assertMayDecide, RCEO_28_RESERVED } from '../rules/matters';
import { ballot, conditionOf, named, outcomeOf, person, roll, vote } from './testing';
import type { PersonsElectorate } from './types';

/*
 * RCEO Law (2024) art. 27: the member assembly meets with two thirds or more of the members with
 * full civil capacity taking part (in person, online, or by written proxy to a full-capacity member
 * of the same household); a decision needs two thirds or more of ALL members, one person one vote.
 * Art. 15: rights for non-members need three quarters of all members. Art. 28: the representative
 * assembly decides with two thirds or more of all representatives, but not the reserved matters.
 */

/** 15 members with full capacity in five households of three, plus three minors (a4, c4, e4). */
function cooperative(): PersonsElectorate {
  const h = (id: string, names: string[], minor?: string) => [...names.map((n) => person(n, id)), ...(minor ? [person(minor, id, 'minor')] : [])];
  return roll(
    {
      h1: h('h1', ['a1', 'a2', 'a3'], 'a4'),
      h2: h('h2', ['b1', 'b2', 'b3']),
      h3: h('h3', ['c1', 'c2', 'c3'], 'c4'),
      h4: h('h4', ['d1', 'd2', 'd3']),
      h5: h('h5', ['e1', 'e2', 'e3'], 'e4'),
    },
    ['a1', 'b1', 'c1', 'd1', 'e1', 'a2', 'b2', 'c2', 'd2'],
  );
}

const FIFTEEN = ['a1', 'a2', 'a3', 'b1', 'b2', 'b3', 'c1', 'c2', 'c3', 'd1', 'd2', 'd3', 'e1', 'e2', 'e3'];
const take = (n: number, choice: 'approve' | 'oppose' | 'abstain', from = 0) => FIFTEEN.slice(from, from + n).map((v) => ballot(v, choice));

describe('rceo-27: member assembly (RCEO Law art. 27)', () => {
  it('meets and decides at exactly two thirds of all full-capacity members', () => {
    const result = named(vote('rceo-27'), cooperative(), take(10, 'approve'));
    expect(conditionOf(result, 'attendance')).toMatchObject({ numerator: 10, denominator: 15, met: true, percent: '66.67' });
    expect(conditionOf(result, 'approval')).toMatchObject({ numerator: 10, denominator: 15, met: true });
    expect(result.passed).toBe(true);
  });

  it('cannot meet one member short of two thirds', () => {
    const result = named(vote('rceo-27'), cooperative(), take(9, 'approve'));
    expect(conditionOf(result, 'attendance')).toMatchObject({ numerator: 9, met: false, percent: '60.00' });
    expect(result.quorumMet).toBe(false);
    expect(result.passed).toBe(false);
  });

  it('counts approval against ALL members, not those present: 9 of 12 present is not enough', () => {
    const result = named(vote('rceo-27'), cooperative(), [...take(9, 'approve'), ...take(3, 'oppose', 9)]);
    expect(result.quorumMet).toBe(true);
    expect(conditionOf(result, 'approval')).toMatchObject({ numerator: 9, denominator: 15, met: false, percent: '60.00' });
    expect(result.passed).toBe(false);
    expect(conditionOf(result, 'approval').explanation['zh-CN']).toBe(
      '同意的成员 9 人，占全体具有完全民事行为能力的成员 15 人（而非到会人数）的 60.00%，未达到三分之二。',
    );
  });

  it('leaves minors out of the denominator and rejects their ballots', () => {
    const result = named(vote('rceo-27'), cooperative(), [...take(10, 'approve'), ballot('a4', 'approve')]);
    expect(result.figures.electorate.persons).toBe(15);
    expect(outcomeOf(result, 'a4')).toMatchObject({ counted: false, reason: 'no-full-capacity' });
  });

  it('counts a 17-year-old living on their own labour (full capacity, Civil Code art. 18) and not an adult declared without capacity', () => {
    const electorate = roll({ h1: [person('m1', 'h1'), person('teen', 'h1', 'minor-with-capacity'), person('ward', 'h1', 'adult-without-capacity')] });
    const result = named(vote('rceo-27'), electorate, [ballot('m1', 'approve'), ballot('teen', 'approve'), ballot('ward', 'approve')]);
    expect(result.figures.electorate.persons).toBe(2);
    expect(outcomeOf(result, 'teen').counted).toBe(true);
    expect(outcomeOf(result, 'ward').reason).toBe('no-full-capacity');
    expect(result.passed).toBe(true);
  });

  it('counts members checked in at the meeting as attending, not as approving', () => {
    const result = named(vote('rceo-27'), cooperative(), take(8, 'approve'), ['d3', 'e1', 'e4']);
    expect(conditionOf(result, 'attendance')).toMatchObject({ numerator: 10, met: true });
    expect(conditionOf(result, 'approval')).toMatchObject({ numerator: 8, met: false });
    expect(result.figures.withoutChoice.persons).toBe(2);
    expect(result.ignoredCheckIns).toEqual([{ voter: 'e4', reason: 'no-full-capacity' }]);
  });

  it('counts online attendance (art. 27 para. 1) like attendance in person', () => {
    const cast = take(10, 'approve').map((b, i) => ({ ...b, channel: i % 2 === 0 ? ('online' as const) : ('meeting' as const) }));
    const result = named(vote('rceo-27'), cooperative(), cast);
    expect(result.figures.ballots).toMatchObject({ online: 5, meeting: 5 });
    expect(result.passed).toBe(true);
  });
});

describe('rceo-27: proxies (RCEO Law art. 27: written, to a full-capacity member of the same household)', () => {
  it('accepts a written proxy to a full-capacity member of the same household', () => {
    const result = named(vote('rceo-27'), cooperative(), [...take(9, 'approve', 1), ballot('a1', 'approve', { proxy: { agent: 'a2', written: true } })]);
    expect(outcomeOf(result, 'a1')).toMatchObject({ counted: true, reason: null });
    expect(result.passed).toBe(true);
  });

  it('rejects an oral proxy, and the member counts as absent', () => {
    const result = named(vote('rceo-27'), cooperative(), [...take(9, 'approve', 1), ballot('a1', 'approve', { proxy: { agent: 'a2', written: false } })]);
    expect(outcomeOf(result, 'a1').reason).toBe('proxy-not-written');
    expect(conditionOf(result, 'attendance').numerator).toBe(9);
    expect(result.passed).toBe(false);
  });

  it('rejects a proxy to a member of another household', () => {
    const result = named(vote('rceo-27'), cooperative(), [ballot('a1', 'approve', { proxy: { agent: 'b1', written: true } })]);
    expect(outcomeOf(result, 'a1').reason).toBe('proxy-agent-other-household');
  });

  it('rejects a proxy to a minor of the same household', () => {
    const result = named(vote('rceo-27'), cooperative(), [ballot('a1', 'approve', { proxy: { agent: 'a4', written: true } })]);
    expect(outcomeOf(result, 'a1').reason).toBe('proxy-agent-no-full-capacity');
  });

  it('rejects a proxy to someone not on the roll', () => {
    const result = named(vote('rceo-27'), cooperative(), [ballot('a1', 'approve', { proxy: { agent: 'lawyer', written: true } })]);
    expect(outcomeOf(result, 'a1').reason).toBe('proxy-agent-not-on-roll');
    expect(result.explanation.en.join(' ')).toContain('the agent is not on the cooperative’s roll');
  });

  it('rejects a "proxy" naming the member themself', () => {
    const result = named(vote('rceo-27'), cooperative(), [ballot('b1', 'approve', { proxy: { agent: 'b1', written: true } })]);
    expect(outcomeOf(result, 'b1').reason).toBe('proxy-agent-is-principal');
  });
});

describe('rceo-15: rights for non-members need three quarters of all members (RCEO Law art. 15)', () => {
  it('passes at 12 of 15 (80%)', () => {
    expect(named(vote('rceo-15'), cooperative(), take(12, 'approve')).passed).toBe(true);
  });

  it('passes at exactly three quarters: 12 of 16', () => {
    const sixteen = roll({ ...Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`h${i}`, [person(`x${i}`, `h${i}`)]])) });
    const twelve = Array.from({ length: 12 }, (_, i) => ballot(`x${i}`, 'approve'));
    expect(conditionOf(named(vote('rceo-15'), sixteen, twelve), 'approval')).toMatchObject({ numerator: 12, denominator: 16, met: true, percent: '75.00' });
  });

  it('fails at 11 of 15 (73.33%), short of three quarters', () => {
    const result = named(vote('rceo-15'), cooperative(), [...take(11, 'approve'), ...take(2, 'oppose', 11)]);
    expect(conditionOf(result, 'approval')).toMatchObject({ numerator: 11, met: false, percent: '73.33', source: 'rceo-15' });
    expect(conditionOf(result, 'attendance').source).toBe('rceo-27');
  });

  it('passes the same 11 of 15 under rceo-27’s two thirds', () => {
    expect(named(vote('rceo-27'), cooperative(), take(11, 'approve')).passed).toBe(true);
  });

  it('is the only rule for that matter: rceo-27 refuses it', () => {
    expect(assertMayDecide('rceo-27', ['non-member-rights'])?.matters[0]).toMatchObject({ matter: 'non-member-rights', decideUnder: 'rceo-15' });
    expect(assertMayDecide('rceo-15', ['non-member-rights'])).toBeNull();
  });
});

describe('rceo-28: member representative assembly (RCEO Law art. 28)', () => {
  it('passes with exactly two thirds of ALL nine representatives', () => {
    const result = named(vote('rceo-28'), cooperative(), ['a1', 'b1', 'c1', 'd1', 'e1', 'a2'].map((v) => ballot(v, 'approve')));
    expect(conditionOf(result, 'approval')).toMatchObject({ numerator: 6, denominator: 9, met: true });
    expect(result.quorumMet).toBeNull();
    expect(result.passed).toBe(true);
  });

  it('fails one representative short, and ignores members who are not representatives', () => {
    const result = named(vote('rceo-28'), cooperative(), [...['a1', 'b1', 'c1', 'd1', 'e1'].map((v) => ballot(v, 'approve')), ballot('e3', 'approve')]);
    expect(conditionOf(result, 'approval')).toMatchObject({ numerator: 5, met: false, percent: '55.56' });
    expect(outcomeOf(result, 'e3').reason).toBe('not-representative');
  });

  it('takes no proxy: the law provides none for representatives (strict reading)', () => {
    const result = named(vote('rceo-28'), cooperative(), [ballot('a1', 'approve', { proxy: { agent: 'a2', written: true } })]);
    expect(outcomeOf(result, 'a1').reason).toBe('proxy-not-allowed');
  });

  it.each(RCEO_28_RESERVED.filter((m) => m !== 'non-member-rights'))('refuses "%s" before any vote: it is reserved to the member assembly', (matter) => {
    const refusal = assertMayDecide('rceo-28', [matter]);
    expect(refusal?.matters).toEqual([expect.objectContaining({ matter, decideUnder: 'rceo-27' })]);
    expect(refusal?.matters[0]?.reason['zh-CN']).toContain('成员代表大会不得决定');
    expect(refusal?.matters[0]?.reason.en).toContain('RCEO Law art. 28');
  });

  it('refuses granting non-members rights, which needs the member assembly’s three quarters (art. 15)', () => {
    expect(assertMayDecide('rceo-28', ['non-member-rights'])?.matters[0]).toMatchObject({ decideUnder: 'rceo-15' });
  });

  it('counts nothing on a refused matter, saying why', () => {
    const result = named(vote('rceo-28', { matterKinds: ['other', 'charter'] }), cooperative(), ['a1', 'b1', 'c1', 'd1', 'e1', 'a2', 'b2'].map((v) => ballot(v, 'approve')));
    expect(result.refusal?.matters.map((m) => m.matter)).toEqual(['charter']);
    expect(result.passed).toBe(false);
    expect(result.conditions).toEqual([]);
    expect(result.explanation['zh-CN']).toEqual([
      '依照《农村集体经济组织法》第二十八条，“制定、修改本集体经济组织章程”须由成员大会决定，成员代表大会不得决定。',
      '结论：集体经济组织成员代表大会不得决定本事项，未进行表决和计票。',
    ]);
  });

  it('may decide other matters, such as leasing commercial construction land', () => {
    expect(assertMayDecide('rceo-28', ['commercial-construction-land', 'other'])).toBeNull();
  });
});
