import type { TxQuery } from '../../database/pooled';
import { conflict, invalid } from '../../common/refusals';
import type { ProxyMark } from './ballot-choices';
import { parseChoice, sameContent, sameProxy } from './ballot-choices';
import type { CastVoteRow } from './ballot-store';
import { castNamed, castSecret, lockVoteForCast, lockVoter, namedBallotOf } from './ballot-store';

/**
 * A ballot cast in the meeting room (channel `meeting`): on a voter's phone while the chair has
 * voting open in the room, or from a paper slip a teller entered and a scrutineer confirmed. It
 * joins the vote's online and paper ballots in the one count and the one chain, under the same
 * locks and writes as an online cast.
 *
 * What a ballot already cast for the voter means, as for paper:
 * - a secret vote's ballot, once cast, is final (refused: `already_voted`);
 * - a paper ballot counted for them stays the one that counts (refused: `paper_settled`);
 * - a slip is a ballot handed in in person: it supersedes an online ballot, and the outcome names
 *   the receipt it superseded; from a phone, changing an online or earlier room ballot is a change
 *   of ballot, which the vote allows or not (`change_not_allowed`);
 * - after a room ballot, online casting is closed for the voter (see castTransaction).
 */
export interface MeetingCast {
  voteId: string;
  voterId: string;
  rawChoice: string;
  proxy: ProxyMark | null;
  /** The account that cast it: the voter (or agent) on the phone, the scrutineer for a slip. */
  castBy: string;
  via: 'phone' | 'slip';
  /** When it was cast: now for a phone, when the slip was entered for a slip. */
  at: Date;
}

export interface MeetingCastResult {
  receipt: string | null;
  supersededReceipt: string | null;
  changed: boolean;
}

export async function castAtMeeting(q: TxQuery, input: MeetingCast): Promise<MeetingCastResult> {
  const vote = await lockVoteForCast(q, input.voteId);
  if (!vote) throw conflict('target_closed', 'The vote of this item no longer exists.');
  requireVotingPeriod(vote, input.at);
  if (vote.questionKind === 'assembly') throw conflict('assembly_on_paper', 'An assembly’s ballot of several matters is cast online or on its paper ballot, not matter by matter in the room.');
  const choice = parseChoice(vote, input.rawChoice);
  if (!choice) throw invalid('choice', 'isIn', 'This is not one of the choices of the vote.');
  await lockVoter(q, vote.id, input.voterId);
  const cast = { voteId: vote.id, voterId: input.voterId, choice, channel: 'meeting' as const, proxy: input.proxy, at: input.at.toISOString() };
  if (vote.secrecy === 'secret') {
    await castSecret(q, cast);
    return { receipt: null, supersededReceipt: null, changed: true };
  }
  const existing = await namedBallotOf(q, vote.id, input.voterId);
  if (existing?.channel === 'paper') throw conflict('paper_settled', 'A paper ballot has been counted for this voter: it is the one that counts.');
  if (existing && sameContent(existing.choice, choice) && sameProxy(existing.proxy, input.proxy) && existing.channel === 'meeting') {
    return { receipt: existing.receipt, supersededReceipt: null, changed: false };
  }
  const inPersonOverOnline = input.via === 'slip' && existing?.channel === 'online';
  if (existing && !inPersonOverOnline && !vote.allowChange) {
    throw conflict('change_not_allowed', `This voter already voted (${existing.channel}, ${existing.cast_at.toISOString()}) and this vote does not allow changing a ballot.`, {
      channel: existing.channel,
      castAt: existing.cast_at.toISOString(),
    });
  }
  const supersededReceipt = existing?.receipt ?? null;
  const receipt = await castNamed(q, { ...cast, castBy: input.castBy, supersededReceipt });
  return { receipt, supersededReceipt, changed: true };
}

/** The vote takes ballots at `at`: open, and inside its period. */
export function requireVotingPeriod(vote: Pick<CastVoteRow, 'status' | 'opens_at' | 'closes_at'>, at: Date): void {
  if (vote.status === 'scheduled' || at < vote.opens_at) throw conflict('not_open_yet', 'Voting has not opened yet.');
  if (vote.status !== 'open' || at >= vote.closes_at) throw conflict('closed', 'Voting has closed.');
}

/** The voters of a vote's frozen electorate that stand for these roll entries, by `type:id`. */
export async function votersOfPersons(q: TxQuery, voteId: string, persons: readonly { personType: string; personId: string }[]): Promise<Map<string, { voterId: string; name: string }>> {
  if (!persons.length) return new Map();
  const rows = await q<{ person_type: string; person_id: string; voter_id: string; name: string }>(
    `SELECT v.person_type, v.person_id, v.voter_id, v.name FROM vote_voter v
       JOIN unnest($2::text[], $3::uuid[]) AS p(person_type, person_id) ON v.person_type = p.person_type AND v.person_id = p.person_id
      WHERE v.vote_id = $1`,
    [voteId, persons.map((p) => p.personType), persons.map((p) => p.personId)],
  );
  return new Map(rows.map((r) => [`${r.person_type}:${r.person_id}`, { voterId: r.voter_id, name: r.name }]));
}

/** How a vote stands, as the room's screen shows it: voters who have a ballot (of them in the room), and the verdict once counted. */
export interface MeetingProgress {
  status: string;
  /** An assembly's ballot of several matters is not voted matter by matter in the room. */
  assembly: boolean;
  secrecy: 'named' | 'secret';
  opensAt: Date;
  closesAt: Date;
  electorate: number;
  voted: number;
  votedInRoom: number;
  passed: boolean | null;
  explanation: { 'zh-CN': string[]; en: string[] } | null;
}

export async function meetingProgress(q: TxQuery, voteId: string): Promise<MeetingProgress | undefined> {
  const [row] = await q<{
    status: string;
    question_kind: string;
    secrecy: 'named' | 'secret';
    opens_at: Date;
    closes_at: Date;
    electorate: number;
    voted: number;
    in_room: number;
    passed: boolean | null;
    explanation: { 'zh-CN': string[]; en: string[] } | null;
  }>(
    `SELECT v.status, v.question_kind, v.secrecy, v.opens_at, v.closes_at,
            (SELECT count(*)::int FROM vote_voter e WHERE e.vote_id = v.id) AS electorate,
            CASE WHEN v.secrecy = 'secret' THEN (SELECT count(*)::int FROM vote_mark k WHERE k.vote_id = v.id)
                 ELSE (SELECT count(*)::int FROM ballot b WHERE b.vote_id = v.id) END AS voted,
            CASE WHEN v.secrecy = 'secret' THEN (SELECT count(*)::int FROM vote_mark k WHERE k.vote_id = v.id AND k.channel = 'meeting')
                 ELSE (SELECT count(*)::int FROM ballot b WHERE b.vote_id = v.id AND b.channel = 'meeting') END AS in_room,
            (v.result_json::jsonb -> 'tally' ->> 'passed')::boolean AS passed,
            v.result_json::jsonb -> 'explanation' AS explanation
       FROM vote v WHERE v.id = $1`,
    [voteId],
  );
  if (!row) return undefined;
  return {
    status: row.status,
    assembly: row.question_kind === 'assembly',
    secrecy: row.secrecy,
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    electorate: row.electorate,
    voted: row.voted,
    votedInRoom: row.in_room,
    passed: row.status === 'closed' || row.status === 'final' ? row.passed : null,
    explanation: row.status === 'closed' || row.status === 'final' ? row.explanation : null,
  };
}

/** The names on the frozen electorate of these voters. */
export async function voterNames(q: TxQuery, voteId: string, voterIds: readonly string[]): Promise<Map<string, string>> {
  if (!voterIds.length) return new Map();
  const rows = await q<{ voter_id: string; name: string }>(`SELECT voter_id, name FROM vote_voter WHERE vote_id = $1 AND voter_id = ANY($2::text[])`, [voteId, voterIds]);
  return new Map(rows.map((r) => [r.voter_id, r.name]));
}
