import { describe, expect, it } from '@jest/globals';
import { verdictKey } from './verdict';

const base = { refusedMatters: null, valid: true, passed: false, quorumMet: true, winningOption: null, figures: { options: null } } as unknown as Parameters<typeof verdictKey>[0];

describe('the verdict in words', () => {
  it('says passed, not passed, and why when too few took part', () => {
    expect(verdictKey({ ...base, passed: true })).toBe('votes.verdict.passed');
    expect(verdictKey(base)).toBe('votes.verdict.failed');
    expect(verdictKey({ ...base, quorumMet: false })).toBe('votes.verdict.quorumFailed');
  });

  it('names a poll’s winner or says there is none; a refused or void vote before anything else', () => {
    const poll = { ...base, figures: { ...base.figures, options: [] } };
    expect(verdictKey({ ...poll, winningOption: 'a', passed: true })).toBe('votes.verdict.winner');
    expect(verdictKey(poll)).toBe('votes.verdict.noWinner');
    expect(verdictKey({ ...base, valid: false, passed: true })).toBe('votes.verdict.invalid');
    expect(verdictKey({ ...base, refusedMatters: ['budget'] } as unknown as Parameters<typeof verdictKey>[0])).toBe('votes.verdict.refused');
  });
});
