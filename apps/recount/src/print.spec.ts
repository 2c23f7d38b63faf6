import type { KitInput } from '@yishi/domain';
import { buildRecountKit, recount } from '@yishi/domain';
import { formatReport } from './print';

/* The outcome line of each kind of verdict, on kits built in memory (the fixtures cover passed and not passed). */

const at = (minute: number) => new Date(Date.UTC(2026, 11, 6, 1, minute)).toISOString();
const header = { title: { 'zh-CN': '测试', en: 'Test' }, question: { kind: 'motion' as const, text: { 'zh-CN': '是否同意？', en: 'Agree?' } }, lml63: null, opensAt: at(0), closesAt: at(59) };

function printed(input: KitInput): { stdout: string; json: { outcome: unknown; verified: boolean } } {
  const report = recount(buildRecountKit(input));
  return { stdout: formatReport(report, { json: false }).stdout, json: JSON.parse(formatReport(report, { json: true }).stdout) as { outcome: unknown; verified: boolean } };
}

describe('the outcome of the vote, printed apart from the verification', () => {
  it('names the option a poll chose', () => {
    const cast = (voter: string, option: string, minute: number) => ({ kind: 'cast' as const, ballot: `b-${voter}`, voter, choice: { option }, channel: 'online' as const, proxy: null, at: at(minute) });
    const { stdout, json } = printed({
      secrecy: 'named',
      vote: {
        ...header,
        voteId: 'poll-1',
        ruleSet: 'simple-majority',
        question: { kind: 'options', text: { 'zh-CN': '哪天？', en: 'Which day?' }, options: [{ id: 'sat', label: { 'zh-CN': '周六', en: 'Saturday' } }, { id: 'sun', label: { 'zh-CN': '周日', en: 'Sunday' } }] },
        matterKinds: ['other'],
      },
      snapshotAt: at(0),
      electorate: { kind: 'list', voters: ['p1', 'p2', 'p3'] },
      events: [cast('p1', 'sat', 1), cast('p2', 'sun', 2), cast('p3', 'sat', 3)],
    });
    expect(stdout).toContain('\nOutcome of the vote: passed — option sat (Saturday)\n表决结果：通过（选项 sat：周六）\n');
    expect(json).toMatchObject({ verified: true, outcome: { status: 'passed', winningOption: 'sat', unmet: [], refusedMatters: [] } });
  });

  it('says a secret vote with more ballots than voters is void, and still VERIFIED', () => {
    const persons = ['m1', 'm2', 'm3'].map((id) => ({ id, household: 'h1', adult: true, fullCapacity: true }));
    const { stdout, json } = printed({
      secrecy: 'secret',
      vote: { ...header, voteId: 'secret-1', ruleSet: 'rceo-27', matterKinds: [] },
      snapshotAt: at(0),
      electorate: { kind: 'persons', persons, households: [{ id: 'h1', representative: 'm1' }], representatives: [] },
      roll: ['m1', 'm2'].map((voter, i) => ({ kind: 'mark' as const, voter, channel: 'paper' as const, proxy: null, at: at(i + 1) })),
      box: ['a', 'b', 'c'].map((ballot) => ({ ballot, choice: 'approve' as const })),
    });
    expect(stdout).toContain('\nOutcome of the vote: void — not met: box-within-roll\n表决结果：表决无效（未满足：box-within-roll）\n');
    expect(stdout).toContain('\nVERIFIED: the published result is reproduced');
    expect(json).toMatchObject({ verified: true, outcome: { status: 'void', unmet: ['box-within-roll'] } });
  });

  it('says a vote on a matter the body may not decide was refused', () => {
    const persons = ['m1', 'm2'].map((id) => ({ id, household: 'h1', adult: true, fullCapacity: true }));
    const { stdout, json } = printed({
      secrecy: 'named',
      vote: { ...header, voteId: 'refused-1', ruleSet: 'rceo-27', matterKinds: ['non-member-rights'] },
      snapshotAt: at(0),
      electorate: { kind: 'persons', persons, households: [{ id: 'h1', representative: 'm1' }], representatives: [] },
      events: [{ kind: 'cast', ballot: 'b-1', voter: 'm1', choice: 'approve', channel: 'online', proxy: null, at: at(1) }],
    });
    expect(stdout).toContain('\nOutcome of the vote: refused — this body may not decide: non-member-rights\n表决结果：不得表决（本表决主体无权决定：non-member-rights）\n');
    expect(json).toMatchObject({ verified: true, outcome: { status: 'refused', refusedMatters: ['non-member-rights'] } });
  });
});
