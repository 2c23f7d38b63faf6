import { describe, expect, it } from '@jest/globals';
import { compound, equalUnits } from '../tally/testing';
import { TallyInputError } from '../tally/types';
import type { AssemblyBallot, AssemblyMatter, MatterMark } from './assembly';
import { tallyAssembly } from './assembly';

/*
 * An owners' assembly ballot with three matters: the management statute (art. 278 item 3, the
 * ordinary double majority), raising the repair fund (item 6: three quarters of the participating
 * area and owners) and the committee election (item 4: 5 seats from 7 candidates).
 */

const MATTERS: AssemblyMatter[] = [
  { id: 'statute', ruleSet: 'cc278-ordinary', matterKinds: ['management-statute'], question: { kind: 'motion' }, lml63: null },
  { id: 'fund', ruleSet: 'cc278-major', matterKinds: ['repair-fund-raising'], question: { kind: 'motion' }, lml63: null },
  {
    id: 'committee',
    ruleSet: 'cc278-ordinary',
    matterKinds: ['owners-committee'],
    question: { kind: 'election', seats: 5, candidates: ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((id) => ({ id, name: `候选人${id}` })) },
    lml63: null,
  },
];

const sheet = (voter: string, statute: MatterMark | null, fund: MatterMark | null, committee: MatterMark | null): AssemblyBallot => ({
  voter,
  channel: voter === 'o9' ? 'paper' : 'online',
  proxy: null,
  marks: Object.fromEntries(Object.entries({ statute, fund, committee }).filter(([, mark]) => mark !== null)) as Record<string, MatterMark>,
});
const yes: MatterMark = { choice: 'approve' };
const no: MatterMark = { choice: 'oppose' };
const five: MatterMark = { chosen: ['A', 'B', 'C', 'D', 'E'] };

describe('several matters on one ballot, each counted under its own rule', () => {
  // 12 owners of equal flats; ten return the ballot.
  const ballots = [
    sheet('o1', yes, yes, five),
    sheet('o2', yes, yes, five),
    sheet('o3', yes, yes, five),
    sheet('o4', yes, yes, five),
    sheet('o5', yes, yes, five),
    sheet('o6', yes, yes, five),
    sheet('o7', yes, yes, { chosen: ['A', 'B', 'F'] }),
    sheet('o8', no, no, { chosen: ['F', 'G'] }),
    // Paper: the fund matter ticked both ways (unreadable); the rest stands.
    sheet('o9', no, { spoilt: true }, { chosen: ['F', 'G'] }),
    // Left the statute and the fund blank, voted in the election only.
    sheet('o10', null, null, { blank: true }),
  ];
  const result = tallyAssembly({ matters: MATTERS, electorate: compound(equalUnits(12)), casting: { secrecy: 'named', ballots }, checkIns: [] });
  const statute = result.matters[0]!;
  const fund = result.matters[1]!;
  const committee = result.matters[2]!;

  it('passes the statute while the fund fails: blanks took part and did not approve', () => {
    if (statute.kind !== 'motion' || fund.kind !== 'motion') throw new Error('motions expected');
    expect([statute.passed, statute.blank, statute.spoilt]).toEqual([true, 1, 0]);
    expect(statute.tally.figures.participating.persons).toBe(10);
    expect(statute.tally.conditions.find((c) => c.id === 'approval-persons')).toMatchObject({ numerator: 7, denominator: 10, met: true });
    // 7 of 10 participating owners is short of three quarters; had the blank and the spoilt mark been left out, 7 of 8 would have passed.
    expect([fund.passed, fund.blank, fund.spoilt]).toEqual([false, 1, 1]);
    expect(fund.tally.conditions.find((c) => c.id === 'approval-persons')).toMatchObject({ numerator: 7, denominator: 10, met: false });
    expect(fund.tally.figures.abstain.persons).toBe(2);
  });

  it('elects the committee from the same ballots, the spoilt fund mark not touching it', () => {
    if (committee.kind !== 'election') throw new Error('an election expected');
    expect(committee.election.elected).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(committee.election.candidates.find((c) => c.candidate === 'F')).toMatchObject({ votes: 3, standing: 'not-qualified' });
    expect(committee.blank).toBe(1);
    expect(committee.election.candidates[0]!.tally.figures.participating.persons).toBe(10);
  });

  it('says which reading it takes of a blank matter', () => {
    expect(result.reading['zh-CN']).toContain('视为对该事项弃权：计入参与表决，不计入同意');
  });

  it('refuses a mark for a matter not on the ballot, and a ballot without matters', () => {
    expect(() => tallyAssembly({ matters: MATTERS, electorate: compound(equalUnits(3)), casting: { secrecy: 'named', ballots: [{ voter: 'o1', channel: 'online', proxy: null, marks: { other: yes } }] }, checkIns: [] })).toThrow(
      TallyInputError,
    );
    expect(() => tallyAssembly({ matters: [], electorate: compound(equalUnits(3)), casting: { secrecy: 'named', ballots: [] }, checkIns: [] })).toThrow(TallyInputError);
  });
});
