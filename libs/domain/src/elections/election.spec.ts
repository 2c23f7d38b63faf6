import { describe, expect, it } from '@jest/globals';
import { compound, equalUnits, roll, singles, unit } from '../tally/testing';
import type { Channel } from '../tally/types';
import { TallyInputError } from '../tally/types';
import type { ElectionBallot } from './election';
import { tallyElection } from './election';

/*
 * Electing the owners' committee (Civil Code art. 278 para. 1 item 4): owners holding two thirds of
 * the area and two thirds in number take part, and a candidate needs more than half of the
 * participating area and owners (para. 2); among those who qualify, the most votes win the seats.
 */

const candidates = (...ids: string[]) => ids.map((id) => ({ id, name: `候选人${id}` }));
const b = (voter: string, chosen: string[], channel: Channel = 'online'): ElectionBallot => ({ voter, chosen, channel, proxy: null });

describe('electing the owners’ committee: each candidate needs the double majority, then most votes win', () => {
  it('fills five seats from seven candidates, by votes among those who qualify', () => {
    // 12 owners of equal flats; 10 take part (two thirds is 8).
    const ballots = [
      b('o1', ['A', 'B', 'C', 'D', 'E']),
      b('o2', ['A', 'B', 'C', 'D', 'E']),
      b('o3', ['A', 'B', 'C', 'D', 'E'], 'paper'),
      b('o4', ['A', 'B', 'C', 'D', 'F']),
      b('o5', ['A', 'B', 'C', 'D', 'F']),
      b('o6', ['A', 'B', 'C', 'E', 'F']),
      b('o7', ['A', 'B', 'G', 'E', 'F']),
      b('o8', ['A', 'G', 'D', 'E']),
      b('o9', ['G']),
      b('o10', []),
    ];
    const result = tallyElection({ ruleSet: 'cc278-ordinary', matterKinds: ['owners-committee'], seats: 5, candidates: candidates('A', 'B', 'C', 'D', 'E', 'F', 'G'), electorate: compound(equalUnits(12)), casting: { secrecy: 'named', ballots }, checkIns: [] });
    expect(result.candidates.map((c) => [c.candidate, c.votes, c.standing])).toEqual([
      ['A', 8, 'elected'],
      ['B', 7, 'elected'],
      ['C', 6, 'elected'],
      ['D', 6, 'elected'],
      ['E', 6, 'elected'],
      ['F', 4, 'not-qualified'],
      ['G', 3, 'not-qualified'],
    ]);
    expect(result.elected).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(result.unfilled).toBe(0);
    // A blank ballot took part: the participating owners are ten for everyone.
    expect(result.candidates[0]!.tally.figures.participating.persons).toBe(10);
    expect(result.explanation['zh-CN']).toContain('候选人A：得票 8，面积 800.00㎡，当选。');
    expect(result.explanation['zh-CN']).toContain('候选人F：得票 4，面积 400.00㎡，未达到当选条件，未当选。');
  });

  it('does not elect the candidate with the most votes who misses half of the participating area', () => {
    // Eight small flats of 50 m² and two large of 400 m²: all ten take part.
    const units = [...Array.from({ length: 8 }, (_, i) => unit(`s${i + 1}`, '50', `s${i + 1}`)), unit('l1', '400', 'l1'), unit('l2', '400', 'l2')];
    const ballots = [...['s1', 's2', 's3', 's4', 's5', 's6'].map((v) => b(v, ['A'])), b('s7', ['B']), b('s8', ['B']), b('l1', ['B']), b('l2', ['B'])];
    const result = tallyElection({ ruleSet: 'cc278-ordinary', matterKinds: ['owners-committee'], seats: 1, candidates: candidates('A', 'B'), electorate: compound(units), casting: { secrecy: 'named', ballots }, checkIns: [] });
    const a = result.candidates.find((c) => c.candidate === 'A')!;
    // A: 6 of 10 owners (more than half) but 300 of 1,200 m² (a quarter): not elected.
    expect([a.votes, a.qualified, a.standing]).toEqual([6, false, 'not-qualified']);
    expect(a.tally.conditions.find((c) => c.id === 'approval-area')).toMatchObject({ numerator: 30000, denominator: 120000, met: false });
    // B: 4 owners, 900 m²: short of half the owners, not elected either; the seat stays open.
    expect(result.candidates.find((c) => c.candidate === 'B')).toMatchObject({ votes: 4, qualified: false });
    expect(result.elected).toEqual([]);
    expect(result.unfilled).toBe(1);
    expect(result.explanation['zh-CN']).toContain('还有 1 个名额没有选出，须另行选举。');
  });

  it('leaves the last seat to a run-off when qualified candidates tie for it', () => {
    const ballots = [
      ...['o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7'].map((v) => b(v, ['A', 'B'])),
      ...['o8', 'o9', 'o10'].map((v) => b(v, ['A', 'C'])),
      ...['o11', 'o12'].map((v) => b(v, ['C'])),
    ];
    // A 10, B 7, C 5 of 12 — only A and B qualify (more than 6): 2 seats, filled.
    const two = tallyElection({ ruleSet: 'cc278-ordinary', matterKinds: ['owners-committee'], seats: 2, candidates: candidates('A', 'B', 'C'), electorate: compound(equalUnits(12)), casting: { secrecy: 'named', ballots }, checkIns: [] });
    expect(two.elected).toEqual(['A', 'B']);
    // Now B and C each have 7 of 12 (both qualify) for the one seat left after A.
    const tiedBallots = [...['o1', 'o2', 'o3', 'o4', 'o5'].map((v) => b(v, ['A', 'B'])), b('o6', ['B', 'C']), b('o7', ['B', 'C']), ...['o8', 'o9', 'o10', 'o11', 'o12'].map((v) => b(v, ['A', 'C']))];
    const tied = tallyElection({ ruleSet: 'cc278-ordinary', matterKinds: ['owners-committee'], seats: 2, candidates: candidates('A', 'B', 'C'), electorate: compound(equalUnits(12)), casting: { secrecy: 'named', ballots: tiedBallots }, checkIns: [] });
    expect(tied.candidates.map((c) => [c.candidate, c.votes, c.standing])).toEqual([
      ['A', 10, 'elected'],
      ['B', 7, 'tied'],
      ['C', 7, 'tied'],
    ]);
    expect([tied.elected, tied.tied, tied.unfilled]).toEqual([['A'], ['B', 'C'], 1]);
    expect(tied.explanation['zh-CN']).toContain('候选人B、候选人C 得票相同，剩余名额不足以让他们都当选；这些名额由他们之间另行选举产生。');
  });

  it('fills only the seats of those who qualify when fewer qualify than there are seats', () => {
    const ballots = [...['o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7', 'o8', 'o9'].map((v) => b(v, ['A', 'B', 'C'])), b('o10', ['D', 'E'])];
    const result = tallyElection({ ruleSet: 'cc278-ordinary', matterKinds: ['owners-committee'], seats: 5, candidates: candidates('A', 'B', 'C', 'D', 'E'), electorate: compound(equalUnits(12)), casting: { secrecy: 'named', ballots }, checkIns: [] });
    expect([result.elected, result.unfilled]).toEqual([['A', 'B', 'C'], 2]);
    expect(result.candidates.filter((c) => c.standing === 'not-qualified').map((c) => c.candidate)).toEqual(['D', 'E']);
  });

  it('elects no one when fewer than two thirds take part, however they choose', () => {
    const ballots = ['o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7'].map((v) => b(v, ['A']));
    const result = tallyElection({ ruleSet: 'cc278-ordinary', matterKinds: ['owners-committee'], seats: 1, candidates: candidates('A'), electorate: compound(equalUnits(12)), casting: { secrecy: 'named', ballots }, checkIns: [] });
    expect(result.elected).toEqual([]);
    expect(result.candidates[0]!.tally.quorumMet).toBe(false);
  });

  it('counts a ballot choosing more candidates than seats as taking part, for no one', () => {
    const ballots = [...['o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7'].map((v) => b(v, ['A'])), b('o8', ['A', 'B'])];
    const result = tallyElection({ ruleSet: 'cc278-ordinary', matterKinds: ['owners-committee'], seats: 1, candidates: candidates('A', 'B'), electorate: compound(equalUnits(12)), casting: { secrecy: 'named', ballots }, checkIns: [] });
    expect(result.overVoted).toBe(1);
    expect(result.candidates.find((c) => c.candidate === 'A')).toMatchObject({ votes: 7, standing: 'elected' });
    expect(result.candidates[0]!.tally.figures.participating.persons).toBe(8);
    expect(result.explanation['zh-CN']).toContain('1 张选票所选人数超过应选名额，视为参与表决，但不计入任何候选人的得票。');
  });
});

describe('a cooperative elects its officers by secret ballot', () => {
  it('counts the box against the marked roll, candidate by candidate', () => {
    const electorate = roll(singles(9));
    const marks = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7'].map((voter) => ({ voter, channel: 'meeting' as const, proxy: null }));
    // Nine members, seven attend (two thirds); a candidate needs two thirds of all nine: six.
    const box = [['X', 'Y'], ['X', 'Y'], ['X', 'Y'], ['X', 'Y'], ['X', 'Y'], ['X', 'Z'], ['Y', 'Z']].map((chosen, i) => ({ ballotId: `p${i + 1}`, chosen }));
    const result = tallyElection({ ruleSet: 'rceo-27', matterKinds: ['officers'], seats: 3, candidates: candidates('X', 'Y', 'Z'), electorate, casting: { secrecy: 'secret', marks, box }, checkIns: [] });
    expect(result.candidates.map((c) => [c.candidate, c.votes, c.standing])).toEqual([
      ['X', 6, 'elected'],
      ['Y', 6, 'elected'],
      ['Z', 2, 'not-qualified'],
    ]);
    expect(result.unfilled).toBe(1);
    expect(result.candidates[0]!.area).toBeNull();
  });

  it('refuses a secret election weighed by area, and an election without seats or with repeated candidates', () => {
    const input = { ruleSet: 'cc278-ordinary' as const, matterKinds: ['owners-committee' as const], seats: 1, candidates: candidates('A'), electorate: compound(equalUnits(3)), checkIns: [] };
    expect(() => tallyElection({ ...input, casting: { secrecy: 'secret', marks: [], box: [] } })).toThrow(TallyInputError);
    expect(() => tallyElection({ ...input, seats: 0, casting: { secrecy: 'named', ballots: [] } })).toThrow(TallyInputError);
    expect(() => tallyElection({ ...input, candidates: candidates('A', 'A'), casting: { secrecy: 'named', ballots: [] } })).toThrow(TallyInputError);
  });
});
