import { ballot, conditionOf, named, outcomeOf, person, roll, vote } from './testing';
import type { PersonsElectorate } from './types';

/*
 * Village Committees Organization Law
 * art. 22: the villagers' assembly meets with more than half of the villagers aged 18 or over, OR
 *          the representatives of two thirds or more of the households; it decides by more than
 *          half of those present.
 * art. 26: the village representative assembly meets with two thirds or more of its members; it
 *          decides by more than half of those present.
 * art. 28: the villager group meets with two thirds or more of its villagers aged 18 or over, OR
 *          the representatives of two thirds or more of its households; more than half of those
 *          present decide.
 */

/** Ten adults p1…p10 in six households (representatives p1, p3, p5, p6, p8, p10) and two children. */
function village(): PersonsElectorate {
  return roll(
    {
      h1: [person('p1', 'h1'), person('p2', 'h1'), person('k1', 'h1', 'minor')],
      h2: [person('p3', 'h2'), person('p4', 'h2')],
      h3: [person('p5', 'h3')],
      h4: [person('p6', 'h4'), person('p7', 'h4')],
      h5: [person('p8', 'h5'), person('p9', 'h5'), person('k2', 'h5', 'minor')],
      h6: [person('p10', 'h6')],
    },
    ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9'],
  );
}

const cast = (approve: string[], oppose: string[] = [], abstain: string[] = []) => [
  ...approve.map((v) => ballot(v, 'approve', { channel: 'meeting' })),
  ...oppose.map((v) => ballot(v, 'oppose', { channel: 'meeting' })),
  ...abstain.map((v) => ballot(v, 'abstain', { channel: 'meeting' })),
];

describe("vcl-22: villagers' assembly (VCL art. 22)", () => {
  it('meets with more than half of the adults present (6 of 10)', () => {
    const result = named(vote('vcl-22'), village(), cast(['p2', 'p4', 'p7', 'p9'], ['p1', 'p3']));
    expect(conditionOf(result, 'attendance-adults')).toMatchObject({ numerator: 6, denominator: 10, met: true, anyOf: 'attendance' });
    expect(result.quorumMet).toBe(true);
  });

  it('does not meet with exactly half of the adults and a third of the households', () => {
    const result = named(vote('vcl-22'), village(), cast(['p2', 'p4', 'p7', 'p9', 'p1']));
    expect(conditionOf(result, 'attendance-adults')).toMatchObject({ numerator: 5, met: false, percent: '50.00' });
    expect(conditionOf(result, 'attendance-households')).toMatchObject({ numerator: 1, denominator: 6, met: false });
    expect(result.quorumMet).toBe(false);
    expect(result.explanation['zh-CN']).toContain('以上两项到会条件满足其一即可召开：均未满足。');
  });

  it('meets through the other branch: exactly two thirds of households represented, though only half the adults', () => {
    const result = named(vote('vcl-22'), village(), cast(['p1', 'p3', 'p5', 'p6', 'p2']));
    expect(conditionOf(result, 'attendance-adults').met).toBe(false);
    expect(conditionOf(result, 'attendance-households')).toMatchObject({ numerator: 4, denominator: 6, met: true, measure: 'households' });
    expect(result.quorumMet).toBe(true);
    expect(result.passed).toBe(true);
    expect(result.explanation['zh-CN']).toContain('有户代表到会的户 4 户，占全部 6 户的 66.67%，达到三分之二以上。');
  });

  it('fails at exactly half of those present, counting those present who did not vote', () => {
    // Eight present (six ballots, two only checked in): four approvals are exactly half.
    const half = named(vote('vcl-22'), village(), cast(['p1', 'p2', 'p3', 'p4'], ['p5', 'p6']), ['p7', 'p8']);
    expect(conditionOf(half, 'approval')).toMatchObject({ numerator: 4, denominator: 8, met: false, percent: '50.00' });
    expect(half.passed).toBe(false);
  });

  it('passes one over half of those present', () => {
    const more = named(vote('vcl-22'), village(), cast(['p1', 'p2', 'p3', 'p4', 'p5'], ['p6']), ['p7', 'p8']);
    expect(conditionOf(more, 'approval')).toMatchObject({ numerator: 5, met: true, percent: '62.50' });
    expect(more.passed).toBe(true);
  });

  it('rejects a child’s ballot and check-in', () => {
    const result = named(vote('vcl-22'), village(), cast(['p1', 'k1']), ['k2']);
    expect(outcomeOf(result, 'k1').reason).toBe('not-adult');
    expect(result.ignoredCheckIns).toEqual([{ voter: 'k2', reason: 'not-adult' }]);
  });

  it('counts a household as represented only by its registered representative', () => {
    const result = named(vote('vcl-22'), village(), cast(['p2', 'p4', 'p7', 'p9']));
    expect(conditionOf(result, 'attendance-households').numerator).toBe(0);
  });

  it('never counts a household with no registered representative as represented', () => {
    const electorate = roll({ h1: { persons: [person('a', 'h1')], representative: null }, h2: [person('b', 'h2')], h3: [person('c', 'h3')] });
    const result = named(vote('vcl-22'), electorate, cast(['a', 'b']));
    expect(conditionOf(result, 'attendance-households')).toMatchObject({ numerator: 1, denominator: 3 });
  });

  it('takes no proxy for a decision (the law provides proxies for elections only; strict reading)', () => {
    const result = named(vote('vcl-22'), village(), [ballot('p1', 'approve', { proxy: { agent: 'p2', written: true } })]);
    expect(outcomeOf(result, 'p1').reason).toBe('proxy-not-allowed');
    expect(result.notes.find((n) => n.code === 'proxy-none')?.strictReading).toBe(true);
  });
});

describe('vcl-26: village representative assembly (VCL art. 26)', () => {
  it('meets with exactly two thirds of its nine members, and decides by more than half of those present', () => {
    const result = named(vote('vcl-26'), village(), cast(['p1', 'p2', 'p3', 'p4'], ['p5', 'p6']));
    expect(conditionOf(result, 'attendance')).toMatchObject({ numerator: 6, denominator: 9, met: true });
    expect(conditionOf(result, 'approval')).toMatchObject({ numerator: 4, denominator: 6, met: true, percent: '66.67' });
    expect(result.passed).toBe(true);
  });

  it('cannot meet with five of nine', () => {
    const result = named(vote('vcl-26'), village(), cast(['p1', 'p2', 'p3', 'p4', 'p5']));
    expect(conditionOf(result, 'attendance')).toMatchObject({ numerator: 5, met: false, percent: '55.56' });
    expect(result.passed).toBe(false);
  });

  it('fails at exactly half of those present, abstentions included', () => {
    const result = named(vote('vcl-26'), village(), cast(['p1', 'p2', 'p3'], ['p4'], ['p5', 'p6']));
    expect(conditionOf(result, 'approval')).toMatchObject({ numerator: 3, denominator: 6, met: false });
  });

  it('rejects a villager who is not a member of the assembly', () => {
    expect(outcomeOf(named(vote('vcl-26'), village(), cast(['p10'])), 'p10').reason).toBe('not-representative');
  });
});

describe('vcl-28: villager group (VCL art. 28)', () => {
  it('meets with two thirds of the adults present (7 of 10)', () => {
    const seven = named(vote('vcl-28'), village(), cast(['p2', 'p4', 'p7', 'p9', 'p1', 'p3', 'p5']));
    expect(conditionOf(seven, 'attendance-adults')).toMatchObject({ numerator: 7, met: true, percent: '70.00' });
    expect(seven.quorumMet).toBe(true);
  });

  it('does not meet with 6 of 10 adults and two of six households', () => {
    const six = named(vote('vcl-28'), village(), cast(['p2', 'p4', 'p7', 'p9', 'p1', 'p3']));
    expect(conditionOf(six, 'attendance-adults')).toMatchObject({ numerator: 6, met: false });
    expect(conditionOf(six, 'attendance-households')).toMatchObject({ numerator: 2, met: false });
    expect(six.quorumMet).toBe(false);
  });

  it('meets through households: four of six representatives present with two others', () => {
    const result = named(vote('vcl-28'), village(), cast(['p1', 'p3', 'p5', 'p6'], ['p2', 'p4']));
    expect(conditionOf(result, 'attendance-households').met).toBe(true);
    expect(result.quorumMet).toBe(true);
    expect(conditionOf(result, 'approval')).toMatchObject({ numerator: 4, denominator: 6, met: true });
  });
});
