/**
 * Where a scheduled vote stands against its legal clock, for the console's 开始与取消: whether it
 * opens by itself, or — because it would open before its notice has run, or leave less than its
 * shortest period — it needs a supervisor's approval, which may be asked for, waited on, refused or
 * given. The API and the database check the same again when it opens.
 */
export interface ClockedVote {
  status: string;
  opensAt: string;
  closesAt: string;
  noticeEndsAt: string;
  minVotingHours: number;
  shortening: { status: 'pending' | 'approved' | 'refused'; opensAt: string } | null;
}

export type Opening =
  /** Keeps its notice and its shortest period: opens by itself at its time (or by hand once due). */
  | { kind: 'lawful'; canOpen: boolean }
  /** Would open early or short; nothing asked (or the request was refused): the convenor may ask. */
  | { kind: 'needsApproval'; refused: boolean }
  | { kind: 'pending' }
  /** Approved: opens by itself at the approved time; by hand from then on. */
  | { kind: 'approved'; canOpen: boolean; opensAt: string };

const HOUR_MS = 3600 * 1000;

export function opening(vote: ClockedVote, now: number): Opening | null {
  if (vote.status !== 'scheduled') return null;
  const opensAt = Date.parse(vote.opensAt);
  const due = now >= opensAt;
  // Opening now if the time has come, else at its planned time.
  const at = Math.max(now, opensAt);
  const early = at < Date.parse(vote.noticeEndsAt);
  const short = Date.parse(vote.closesAt) - at < vote.minVotingHours * HOUR_MS;
  if (!early && !short) return { kind: 'lawful', canOpen: due };
  const s = vote.shortening;
  if (s?.status === 'approved') return { kind: 'approved', canOpen: now >= Date.parse(s.opensAt), opensAt: s.opensAt };
  if (s?.status === 'pending') return { kind: 'pending' };
  return { kind: 'needsApproval', refused: s?.status === 'refused' };
}

/** The opening a request asks for: now when the planned time has passed, else the planned time (the API's default). */
export function requestedOpening(vote: Pick<ClockedVote, 'opensAt'>, now: number): string | undefined {
  return now >= Date.parse(vote.opensAt) ? new Date(now).toISOString() : undefined;
}
