import { describe, expect, it } from '@jest/globals';
import type { ClockedVote } from './opening';
import { opening, requestedOpening } from './opening';

const DAY = 24 * 3600 * 1000;
const NOW = Date.parse('2026-11-26T02:00:00Z');
const at = (ms: number): string => new Date(NOW + ms).toISOString();
const vote = (change: Partial<ClockedVote> = {}): ClockedVote => ({
  status: 'scheduled',
  opensAt: at(15 * DAY),
  closesAt: at(22 * DAY),
  noticeEndsAt: at(15 * DAY),
  minVotingHours: 168,
  shortening: null,
  ...change,
});

describe('opening a scheduled vote', () => {
  it('opens by itself when it keeps its notice and its shortest period, and by hand once due', () => {
    expect(opening(vote(), NOW)).toEqual({ kind: 'lawful', canOpen: false });
    expect(opening(vote({ opensAt: at(-DAY), noticeEndsAt: at(-DAY) }), NOW)).toEqual({ kind: 'lawful', canOpen: true });
  });

  it('needs an approval to open before its notice has run, whatever reason is at hand', () => {
    expect(opening(vote({ opensAt: at(0) }), NOW)).toEqual({ kind: 'needsApproval', refused: false });
    expect(opening(vote({ opensAt: at(DAY) }), NOW)).toEqual({ kind: 'needsApproval', refused: false });
  });

  it('needs an approval for a period shorter than the rule set’s, even after the notice', () => {
    expect(opening(vote({ closesAt: at(16 * DAY) }), NOW)).toEqual({ kind: 'needsApproval', refused: false });
  });

  it('waits while a request is pending, may ask again after a refusal, and opens once approved and due', () => {
    const early = { opensAt: at(-3600_000) };
    expect(opening(vote({ ...early, shortening: { status: 'pending', opensAt: at(0) } }), NOW)).toEqual({ kind: 'pending' });
    expect(opening(vote({ ...early, shortening: { status: 'refused', opensAt: at(0) } }), NOW)).toEqual({ kind: 'needsApproval', refused: true });
    expect(opening(vote({ ...early, shortening: { status: 'approved', opensAt: at(0) } }), NOW)).toMatchObject({ kind: 'approved', canOpen: true });
    expect(opening(vote({ opensAt: at(DAY), shortening: { status: 'approved', opensAt: at(DAY) } }), NOW)).toMatchObject({ kind: 'approved', canOpen: false });
  });

  it('asks to open now once the planned time has passed, else at the planned time', () => {
    expect(requestedOpening(vote({ opensAt: at(-1000) }), NOW)).toBe(at(0));
    expect(requestedOpening(vote({ opensAt: at(DAY) }), NOW)).toBeUndefined();
  });

  it('is nothing to do once open', () => {
    expect(opening(vote({ status: 'open' }), NOW)).toBeNull();
  });
});
