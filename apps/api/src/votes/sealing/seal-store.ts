import type { EntityManager } from 'typeorm';
import type { BallotContent, Channel, ProxyMark } from '../ballots/ballot-choices';

/**
 * The seal store: statements of the integrity machinery — the cast log's place in the hash chain
 * (`vote_cast`), the chain's head on the vote, the box and its intake (`vote_box`,
 * `vote_box_intake`), and the status moves of counting and the final notice. Functions run on the
 * caller's EntityManager (a transaction's, or the data source's).
 */

/** Votes with casts not yet in their chain. */
export async function votesWithUnsealedCasts(m: EntityManager): Promise<string[]> {
  return (await m.query<{ vote_id: string }[]>(`SELECT DISTINCT vote_id FROM vote_cast WHERE seq IS NULL`)).map((r) => r.vote_id);
}

/** The vote's seal lock if free (one sealer per vote), held until the transaction ends. */
export async function trySealLock(m: EntityManager, voteId: string): Promise<boolean> {
  const [lock] = await m.query<{ locked: boolean }[]>(`SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked`, [`seal:${voteId}`]);
  return !!lock?.locked;
}

/** The vote's seal lock, waited for, held until the transaction ends. */
export async function sealLock(m: EntityManager, voteId: string): Promise<void> {
  await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`seal:${voteId}`]);
}

export interface ChainHeadRow {
  vote_json: string;
  secrecy: 'named' | 'secret';
  chain_head: string | null;
  chain_length: number;
}

/** Where the vote's chain ends, and the vote.json its genesis hashes. */
export async function chainHeadOf(m: EntityManager, voteId: string): Promise<ChainHeadRow | undefined> {
  const [vote] = await m.query<ChainHeadRow[]>(`SELECT vote_json, secrecy, chain_head, chain_length FROM vote WHERE id = $1`, [voteId]);
  return vote;
}

/** The vote's committed casts not yet in the chain, in commit order. */
export function unsealedCasts(m: EntityManager, voteId: string): Promise<{ id: string; entry: Record<string, unknown> }[]> {
  return m.query(`SELECT id, entry FROM vote_cast WHERE vote_id = $1 AND seq IS NULL ORDER BY id`, [voteId]);
}

/** Gives casts their place in the chain, and moves the vote's chain head to the last. */
export async function writeSeals(m: EntityManager, voteId: string, seals: { ids: string[]; seqs: number[]; lines: string[]; hashes: string[] }, head: string, length: number): Promise<void> {
  await m.query(
    `UPDATE vote_cast c SET seq = s.seq, line = s.line, line_hash = s.hash
       FROM unnest($1::bigint[], $2::int[], $3::text[], $4::text[]) AS s(id, seq, line, hash)
      WHERE c.id = s.id`,
    [seals.ids, seals.seqs, seals.lines, seals.hashes],
  );
  await m.query(`UPDATE vote SET chain_head = $2, chain_length = $3 WHERE id = $1`, [voteId, head, length]);
}

/** Votes with secret ballots waiting to go into the box. */
export async function votesWithIntake(m: EntityManager): Promise<string[]> {
  return (await m.query<{ vote_id: string }[]>(`SELECT DISTINCT vote_id FROM vote_box_intake`)).map((r) => r.vote_id);
}

/** The vote's waiting secret ballots, held FOR UPDATE; those another mixer holds are skipped unless `wait`. */
export function lockIntake(m: EntityManager, voteId: string, wait: boolean): Promise<{ ballot_id: string; choice: BallotContent }[]> {
  return m.query(`SELECT ballot_id, choice FROM vote_box_intake WHERE vote_id = $1 FOR UPDATE${wait ? '' : ' SKIP LOCKED'}`, [voteId]);
}

/** Moves ballots from the intake into the box, in the order given. */
export async function moveIntoBox(m: EntityManager, voteId: string, ballots: { ballot_id: string; choice: BallotContent }[]): Promise<void> {
  await m.query(`INSERT INTO vote_box (vote_id, ballot_id, choice) SELECT $1, b, c FROM unnest($2::text[], $3::jsonb[]) AS x(b, c)`, [
    voteId,
    ballots.map((w) => w.ballot_id),
    ballots.map((w) => JSON.stringify(w.choice)),
  ]);
  await m.query(`DELETE FROM vote_box_intake WHERE vote_id = $1 AND ballot_id = ANY($2::text[])`, [voteId, ballots.map((w) => w.ballot_id)]);
}

/** Open votes past their closing time stop taking online ballots: counting. */
export async function stopPastClosing(m: EntityManager, now: Date): Promise<void> {
  await m.query(`UPDATE vote SET status = 'counting' WHERE status = 'open' AND closes_at <= $1`, [now]);
}

/** Counting votes with no returned paper awaiting entry, confirmation or a dispute decision. */
export async function votesReadyToCount(m: EntityManager): Promise<string[]> {
  const ready = await m.query<{ id: string }[]>(
    `SELECT v.id FROM vote v
      WHERE v.status = 'counting'
        AND NOT EXISTS (SELECT 1 FROM ballot_paper p WHERE p.vote_id = v.id AND p.status IN ('returned', 'entered', 'disputed'))`,
  );
  return ready.map((r) => r.id);
}

/** Whether a returned paper of the vote still awaits entry, confirmation or a dispute decision. */
export async function hasUnsettledPaper(m: EntityManager, voteId: string): Promise<boolean> {
  const [unsettled] = await m.query<unknown[]>(`SELECT 1 FROM ballot_paper WHERE vote_id = $1 AND status IN ('returned', 'entered', 'disputed') LIMIT 1`, [voteId]);
  return !!unsettled;
}

/** Secret ballots waiting, in the box, and roll marks, of the vote. */
export async function boxCounts(m: EntityManager, voteId: string): Promise<{ waiting: number; boxed: number; marked: number } | undefined> {
  const [box] = await m.query<{ waiting: number; boxed: number; marked: number }[]>(
    `SELECT (SELECT count(*)::int FROM vote_box_intake WHERE vote_id = $1) AS waiting,
            (SELECT count(*)::int FROM vote_box WHERE vote_id = $1) AS boxed,
            (SELECT count(*)::int FROM vote_mark WHERE vote_id = $1) AS marked`,
    [voteId],
  );
  return box;
}

/** The chain's entries, in chain order. */
export function sealedEntries(m: EntityManager, voteId: string): Promise<{ entry: Record<string, unknown> }[]> {
  return m.query(`SELECT entry FROM vote_cast WHERE vote_id = $1 ORDER BY seq`, [voteId]);
}

/** The chain's lines as sealed, in chain order. */
export async function sealedLines(m: EntityManager, voteId: string): Promise<string[]> {
  return (await m.query<{ line: string }[]>(`SELECT line FROM vote_cast WHERE vote_id = $1 ORDER BY seq`, [voteId])).map((r) => r.line);
}

/** The secret ballots in the box. */
export function boxContents(m: EntityManager, voteId: string): Promise<{ ballot_id: string; choice: BallotContent }[]> {
  return m.query(`SELECT ballot_id, choice FROM vote_box WHERE vote_id = $1`, [voteId]);
}

/** Closed votes past their objection window with every objection answered become final; returns them. */
export function finalizeDueVotes(m: EntityManager, now: Date): Promise<{ id: string; unit_id: string; title: string }[]> {
  return m.query(
    `WITH done AS (
       UPDATE vote v SET status = 'final', final_at = $1
        WHERE v.status = 'closed' AND v.closed_at + make_interval(days => v.objection_days) <= $1
          AND NOT EXISTS (SELECT 1 FROM vote_objection o WHERE o.vote_id = v.id AND o.answer IS NULL)
       RETURNING v.id, v.unit_id, v.title)
     SELECT * FROM done`,
    [now],
  );
}

/** Voters who checked in at the meeting. */
export async function checkedInVoters(m: EntityManager, voteId: string): Promise<string[]> {
  return (await m.query<{ voter: string }[]>(`SELECT DISTINCT entry->>'voter' AS voter FROM vote_cast WHERE vote_id = $1 AND entry->>'kind' = 'check-in'`, [voteId])).map((r) => r.voter);
}

/** Who has taken part in a named vote (no choices): each counted ballot's voter, channel and proxy. */
export function namedParticipants(m: EntityManager, voteId: string): Promise<{ voter_id: string; channel: Channel; proxy: ProxyMark | null }[]> {
  return m.query(`SELECT voter_id, channel, proxy FROM ballot WHERE vote_id = $1`, [voteId]);
}

/** Who has taken part in a secret vote: its roll marks. */
export function secretParticipants(m: EntityManager, voteId: string): Promise<{ voter_id: string; channel: Channel; proxy: ProxyMark | null }[]> {
  return m.query(`SELECT voter_id, channel, proxy FROM vote_mark WHERE vote_id = $1`, [voteId]);
}
