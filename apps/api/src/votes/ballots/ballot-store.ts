import { randomFillSync } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { TxQuery } from '../../database/pooled';
import type { PaperStatus } from '../entities/ballot-paper.entity';
import type { Vote } from '../entities/vote.entity';
import { accountEntriesSql, linkedAccount } from '../../rolls/roll-reads';
import type { BallotContent, Channel, ProxyMark } from './ballot-choices';
import { isMarks } from './ballot-choices';
import { conflict } from '../../common/refusals';

/**
 * The ballot store: every statement about the tables a ballot is written to — the counted ballot
 * (`ballot`), a secret vote's roll marks and box intake (`vote_mark`, `vote_box_intake`), the cast
 * log the sealer chains (`vote_cast`), and the locks a cast takes on the vote and the voter; and
 * what the desks read of the frozen electorate (`vote_voter`: the voter list, who checked in).
 * Casting, paper entry and check-ins all write through it, on the caller's transaction (a
 * TxQuery: a `pg` client on the hot path, an EntityManager elsewhere — see txQuery).
 */

/** An EntityManager's query as a TxQuery, for the shared cast statements below. */
export function txQuery(m: EntityManager): TxQuery {
  return (sql, params) => m.query(sql, params);
}

/** Random bytes for receipts, drawn from the system's generator 512 receipts at a time (as Node's randomUUID does): one call per cast cost more than the rest of the receipt. */
const RECEIPT_BYTES = 6;
const receiptPool = Buffer.alloc(RECEIPT_BYTES * 512);
let receiptOffset = receiptPool.length;

/** A new receipt: `b-` and 12 hex digits (48 random bits, as before). */
export function newBallotId(): string {
  if (receiptOffset + RECEIPT_BYTES > receiptPool.length) {
    randomFillSync(receiptPool);
    receiptOffset = 0;
  }
  const id = `b-${receiptPool.toString('hex', receiptOffset, receiptOffset + RECEIPT_BYTES)}`;
  receiptOffset += RECEIPT_BYTES;
  return id;
}


/** The vote row as a cast reads it. */
export type CastVoteRow = Pick<Vote, 'id' | 'status' | 'secrecy' | 'allowChange' | 'questionKind' | 'options' | 'matters'> & { opens_at: Date; closes_at: Date };

/** Whom an account may cast for: a voter of its own, or the principal of an accepted proxy it holds. */
export interface CasterRow {
  voter_id: string;
  agent_voter_id: string | null;
  agent_user_id: string | null;
}

/**
 * SQL fragment: the voters the account ($2) is in the vote ($1) through its own roll entries (the
 * rolls' accountEntriesSql, owners and members), optionally only voter $3, as caster rows (no
 * agent). The roll entries are found by their linked account, then the electorate by its unique
 * (vote, person) index, in a correlated subquery so that it is always that index probe: a join
 * would leave the choice to the planner, and with the statistics of a vote opened a moment ago it
 * may walk the whole electorate of a large compound instead (140 ms a cast at 20,000 flats).
 */
const OWN_CASTERS_SQL = `SELECT r.voter_id, NULL AS agent_voter_id, NULL::uuid AS agent_user_id
       FROM (SELECT (SELECT v.voter_id FROM vote_voter v WHERE v.vote_id = $1 AND v.person_type = a.person_type AND v.person_id = a.person_id) AS voter_id
               FROM (${accountEntriesSql('$2', ['owner', 'member'])}) a) r
      WHERE r.voter_id IS NOT NULL AND ($3::text IS NULL OR r.voter_id = $3)`;

/**
 * Whom the account ($2) may cast for in the vote ($1), optionally only voter $3: its own roll
 * entries (see OWN_CASTERS_SQL), and the principals of its accepted proxies.
 */
const CASTERS_SQL = `${OWN_CASTERS_SQL}
     UNION ALL
     SELECT p.principal_voter_id, p.agent_voter_id, p.agent_user_id
       FROM proxy_authorization p
      WHERE p.vote_id = $1 AND p.agent_user_id = $2 AND p.status = 'accepted' AND p.revoked_at IS NULL AND ($3::text IS NULL OR p.principal_voter_id = $3)`;

/**
 * The vote row held FOR KEY SHARE (as lockVoteForCast), whom the account may cast for, and the
 * lock of the voter it casts for (as lockVoter) when the casters name one (see pickVoter in
 * casting.service.ts, which this statement's CASE mirrors): one round trip instead of three on
 * the hot path. The vote row is locked in a subquery of its own (a subquery with FOR KEY SHARE is
 * never merged into the outer query), so the voter's lock is taken after it, in the order every
 * other writer of a ballot takes the two. `lockedVoterId` is the voter whose lock is now held, or
 * null; the caller takes the lock itself for any other voter it casts for.
 */
export async function lockVoteAndVoter(
  q: TxQuery,
  voteId: string,
  userId: string,
  voterId?: string,
): Promise<{ vote: CastVoteRow; casters: CasterRow[]; lockedVoterId: string | null } | undefined> {
  const [row] = await q<CastVoteRow & { casters: CasterRow[]; locked_voter_id: string | null; locked: unknown }>(
    `SELECT v.*, p.voter_id AS locked_voter_id, pg_advisory_xact_lock(hashtext(v.id::text || ':' || p.voter_id)) AS locked
       FROM (SELECT id, status, secrecy, allow_change AS "allowChange", question_kind AS "questionKind", options, matters, opens_at, closes_at,
                    (SELECT coalesce(json_agg(c), '[]'::json) FROM (${CASTERS_SQL}) c) AS casters
               FROM vote WHERE id = $1 FOR KEY SHARE) v
       CROSS JOIN LATERAL (
         SELECT CASE
                  WHEN $3::text IS NOT NULL THEN v.casters->0->>'voter_id'
                  WHEN (SELECT count(*) FROM json_array_elements(v.casters) e WHERE e->>'agent_user_id' IS NULL) = 1
                    THEN (SELECT e->>'voter_id' FROM json_array_elements(v.casters) e WHERE e->>'agent_user_id' IS NULL)
                  WHEN json_array_length(v.casters) = 1 THEN v.casters->0->>'voter_id'
                END AS voter_id) p`,
    [voteId, userId, voterId ?? null],
    'yishi-cast-lock-vote-and-voter',
  );
  if (!row) return undefined;
  const { casters, locked_voter_id, locked: _locked, ...vote } = row;
  return { vote, casters, lockedVoterId: locked_voter_id };
}

/**
 * Holds the vote row FOR KEY SHARE for the rest of the cast's transaction: the sealer's updates do
 * not disturb it, and the closer's FOR UPDATE waits until the cast has committed. Every write of a
 * ballot (online, paper, check-in) takes it first.
 */
export async function lockVoteForCast(q: TxQuery, voteId: string): Promise<CastVoteRow | undefined> {
  const [vote] = await q<CastVoteRow>(
    `SELECT id, status, secrecy, allow_change AS "allowChange", question_kind AS "questionKind", options, matters, opens_at, closes_at FROM vote WHERE id = $1 FOR KEY SHARE`,
    [voteId],
  );
  return vote;
}

/**
 * Serialises what is cast for one voter of a vote (never the whole vote): a retry never counts
 * twice. The key names the vote by its id as PostgreSQL prints it (lower case), however a route
 * spelled it, so every writer takes the same lock (lockVoteAndVoter takes it by `vote.id::text`).
 */
export async function lockVoter(q: TxQuery, voteId: string, voterId: string): Promise<void> {
  await q(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`${voteId.toLowerCase()}:${voterId}`], 'yishi-lock-voter');
}

/** Whether the agent's accepted proxy from the voter still stands (read under the voter's lock, which revoking takes too). */
export async function proxyStands(q: TxQuery, voteId: string, principalVoterId: string, agentUserId: string): Promise<boolean> {
  const [standing] = await q(
    `SELECT 1 FROM proxy_authorization WHERE vote_id = $1 AND principal_voter_id = $2 AND agent_user_id = $3 AND status = 'accepted' AND revoked_at IS NULL`,
    [voteId, principalVoterId, agentUserId],
    'yishi-proxy-stands',
  );
  return !!standing;
}

export interface NamedBallotRow {
  choice: BallotContent;
  channel: Channel;
  receipt: string;
  cast_at: Date;
  proxy: ProxyMark | null;
}

/** A named vote's counted ballot of one voter, if any (read under the voter's lock). */
export async function namedBallotOf(q: TxQuery, voteId: string, voterId: string): Promise<NamedBallotRow | undefined> {
  const [row] = await q<NamedBallotRow>(`SELECT choice, channel, receipt, cast_at, proxy FROM ballot WHERE vote_id = $1 AND voter_id = $2`, [voteId, voterId]);
  return row;
}

/** Whether a secret vote's roll already marks the voter (read under the voter's lock). */
export async function isMarked(q: TxQuery, voteId: string, voterId: string): Promise<boolean> {
  const [marked] = await q(`SELECT 1 FROM vote_mark WHERE vote_id = $1 AND voter_id = $2`, [voteId, voterId]);
  return !!marked;
}

export interface CastWrite {
  voteId: string;
  voterId: string;
  choice: BallotContent;
  channel: Channel;
  proxy: ProxyMark | null;
  /** When the ballot was cast (a paper ballot: when it came back), inside the voting period. */
  at: string;
}

/**
 * A named ballot: the voter's one counted ballot upserted (by primary key) and the cast appended
 * to the log the sealer chains. A paper ballot names the online receipt it superseded. Call under
 * lockVoteForCast and lockVoter. Returns the receipt.
 */
export async function castNamed(q: TxQuery, cast: CastWrite & { castBy: string | null; supersededReceipt: string | null }): Promise<string> {
  const receipt = newBallotId();
  const entry = castEntry(receipt, cast);
  // One statement, one round trip: the counted ballot and the cast the sealer will chain.
  await q(
    `WITH counted AS (
       INSERT INTO ballot (vote_id, voter_id, choice, channel, proxy, receipt, cast_at, cast_by, casts, superseded_receipt)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9)
       ON CONFLICT (vote_id, voter_id) DO UPDATE
         SET choice = EXCLUDED.choice, channel = EXCLUDED.channel, proxy = EXCLUDED.proxy, receipt = EXCLUDED.receipt,
             cast_at = EXCLUDED.cast_at, cast_by = EXCLUDED.cast_by, casts = ballot.casts + 1, superseded_receipt = EXCLUDED.superseded_receipt
       RETURNING vote_id)
     INSERT INTO vote_cast (vote_id, entry) SELECT vote_id, $10 FROM counted`,
    [cast.voteId, cast.voterId, JSON.stringify(cast.choice), cast.channel, cast.proxy ? JSON.stringify(cast.proxy) : null, receipt, cast.at, cast.castBy, cast.supersededReceipt, JSON.stringify(entry)],
    'yishi-cast-named',
  );
  return receipt;
}

/**
 * A named vote's counted ballot of one voter, if any; and when there is none, the cast written as
 * castNamed writes it, in the same statement (a first ballot, by far the commonest cast: one round
 * trip instead of two). Call under lockVoteForCast and lockVoter. When a ballot exists, nothing is
 * written: the caller decides on it (namedBallotOf's answer) and may then castNamed.
 */
export async function namedBallotOrFirstCast(q: TxQuery, cast: CastWrite & { castBy: string | null }): Promise<{ existing: NamedBallotRow } | { receipt: string }> {
  const receipt = newBallotId();
  const [row] = await q<Partial<NamedBallotRow> & { cast: boolean }>(
    `WITH existing AS (SELECT choice, channel, receipt, cast_at, proxy FROM ballot WHERE vote_id = $1 AND voter_id = $2),
     counted AS (
       INSERT INTO ballot (vote_id, voter_id, choice, channel, proxy, receipt, cast_at, cast_by, casts, superseded_receipt)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8, 1, NULL WHERE NOT EXISTS (SELECT 1 FROM existing)
       ON CONFLICT (vote_id, voter_id) DO NOTHING
       RETURNING vote_id),
     logged AS (INSERT INTO vote_cast (vote_id, entry) SELECT vote_id, $9 FROM counted RETURNING vote_id)
     SELECT e.choice, e.channel, e.receipt, e.cast_at, e.proxy, EXISTS (SELECT 1 FROM logged) AS cast
       FROM (SELECT 1) one LEFT JOIN existing e ON true`,
    [cast.voteId, cast.voterId, JSON.stringify(cast.choice), cast.channel, cast.proxy ? JSON.stringify(cast.proxy) : null, receipt, cast.at, cast.castBy, JSON.stringify(castEntry(receipt, cast))],
    'yishi-cast-first-named',
  );
  if (row?.cast) return { receipt };
  if (row?.receipt) return { existing: row as NamedBallotRow };
  // Not written and nothing there: another writer of this voter's ballot did not hold their lock.
  throw new Error(`The ballot of voter ${cast.voterId} in vote ${cast.voteId} changed under its lock`);
}

/** The line the chain will hold: an assembly's ballot carries its marks (recount format version 2), any other its choice. */
function castEntry(receipt: string, cast: CastWrite): Record<string, unknown> {
  const content = isMarks(cast.choice) ? { marks: cast.choice.marks } : { choice: cast.choice };
  return { kind: 'cast', ballot: receipt, voter: cast.voterId, ...content, channel: cast.channel, proxy: cast.proxy, at: cast.at };
}

/**
 * A secret ballot: refused if the voter is already marked (a secret ballot is final), else the
 * roll marked, the choice put in the intake the mixer empties into the box, and the mark appended
 * to the log — one statement, one round trip: the intake and the log are written only with the
 * mark, which the roll's primary key (vote, voter) lets in once. Call under lockVoteForCast and
 * lockVoter. Returns the ballot id (the receipt in the box).
 */
export async function castSecret(q: TxQuery, cast: CastWrite): Promise<string> {
  const ballot = newBallotId();
  const entry = { kind: 'mark', voter: cast.voterId, channel: cast.channel, proxy: cast.proxy, at: cast.at };
  const [row] = await q<{ marked: boolean }>(
    `WITH marked AS (
       INSERT INTO vote_mark (vote_id, voter_id, channel, proxy) VALUES ($1, $2, $3, $4)
       ON CONFLICT (vote_id, voter_id) DO NOTHING
       RETURNING vote_id),
     boxed AS (INSERT INTO vote_box_intake (vote_id, ballot_id, choice) SELECT vote_id, $5, $6 FROM marked),
     logged AS (INSERT INTO vote_cast (vote_id, entry) SELECT vote_id, $7 FROM marked)
     SELECT EXISTS (SELECT 1 FROM marked) AS marked`,
    [cast.voteId, cast.voterId, cast.channel, cast.proxy ? JSON.stringify(cast.proxy) : null, ballot, JSON.stringify(cast.choice), JSON.stringify(entry)],
    'yishi-cast-secret',
  );
  if (!row?.marked) throw conflict('already_voted', 'A secret ballot, once cast, is final: this voter has already voted.');
  return ballot;
}

/** Appends an entry to the vote's cast log; the sealer gives it its place in the chain. */
export async function appendCast(q: TxQuery, voteId: string, entry: Record<string, unknown>): Promise<void> {
  await q(`INSERT INTO vote_cast (vote_id, entry) VALUES ($1, $2)`, [voteId, JSON.stringify(entry)]);
}

/** Which of these voters a secret vote's roll marks. */
export async function markedVoters(q: TxQuery, voteId: string, voterIds: string[]): Promise<Set<string>> {
  const rows = await q<{ voter_id: string }>(`SELECT voter_id FROM vote_mark WHERE vote_id = $1 AND voter_id = ANY($2)`, [voteId, voterIds]);
  return new Set(rows.map((r) => r.voter_id));
}

/** The counted paper ballots of these voters of a named vote, by voter. */
export async function countedPaperChoices(q: TxQuery, voteId: string, voterIds: string[]): Promise<Map<string, BallotContent>> {
  const rows = await q<{ voter_id: string; choice: BallotContent }>(`SELECT voter_id, choice FROM ballot WHERE vote_id = $1 AND channel = 'paper' AND voter_id = ANY($2)`, [voteId, voterIds]);
  return new Map(rows.map((b) => [b.voter_id, b.choice]));
}

/** Which of these voters are on the vote's frozen electorate. */
export async function votersOnElectorate(q: TxQuery, voteId: string, voterIds: string[]): Promise<string[]> {
  const rows = await q<{ voter_id: string }>(`SELECT voter_id FROM vote_voter WHERE vote_id = $1 AND voter_id = ANY($2)`, [voteId, voterIds]);
  return rows.map((r) => r.voter_id);
}

export interface VoterListRow {
  voter_id: string;
  name: string;
  group_label: string;
  unit_labels: string[];
  serial: number | null;
  status: PaperStatus | null;
  channel: Channel | null;
  checked_in: boolean;
}

/** The frozen electorate as staff search it: each voter's live paper, whether they voted (and how), whether they checked in. */
export function searchVoters(q: TxQuery, voteId: string, search: { group: string | null; text: string | null; limit: number }): Promise<VoterListRow[]> {
  return q<VoterListRow>(
    `WITH checked AS (SELECT DISTINCT entry->>'voter' AS voter FROM vote_cast WHERE vote_id = $1 AND entry->>'kind' = 'check-in')
     SELECT v.voter_id, v.name, v.group_label, v.unit_labels, p.serial, p.status, coalesce(b.channel, k.channel) AS channel, (c.voter IS NOT NULL) AS checked_in
       FROM vote_voter v
       LEFT JOIN ballot_paper p ON p.vote_id = v.vote_id AND p.voter_id = v.voter_id AND p.status <> 'void'
       LEFT JOIN ballot b ON b.vote_id = v.vote_id AND b.voter_id = v.voter_id
       LEFT JOIN vote_mark k ON k.vote_id = v.vote_id AND k.voter_id = v.voter_id
       LEFT JOIN checked c ON c.voter = v.voter_id
      WHERE v.vote_id = $1 AND ($2::text IS NULL OR v.group_label = $2)
        AND ($3::text IS NULL OR strpos(v.name, $3) > 0 OR strpos(v.group_label, $3) > 0 OR strpos(array_to_string(v.unit_labels, ' '), $3) > 0)
      ORDER BY v.group_label, v.name
      LIMIT $4`,
    [voteId, search.group, search.text, search.limit],
  );
}

/** Which of these voters have already checked in at the meeting. */
export async function checkedInAmong(q: TxQuery, voteId: string, voterIds: string[]): Promise<string[]> {
  const rows = await q<{ voter: string }>(`SELECT DISTINCT entry->>'voter' AS voter FROM vote_cast WHERE vote_id = $1 AND entry->>'kind' = 'check-in' AND entry->>'voter' = ANY($2)`, [voteId, voterIds]);
  return rows.map((r) => r.voter);
}

/** How many voters have checked in at the meeting. */
export async function attendance(q: TxQuery, voteId: string): Promise<number> {
  const [{ n }] = (await q<{ n: number }>(`SELECT count(DISTINCT entry->>'voter')::int AS n FROM vote_cast WHERE vote_id = $1 AND entry->>'kind' = 'check-in'`, [voteId])) as [{ n: number }];
  return n;
}

/** A voter of the vote's frozen electorate, if on it. */
export async function electorateVoter(q: TxQuery, voteId: string, voterId: string): Promise<{ voter_id: string; name: string } | undefined> {
  const [voter] = await q<{ voter_id: string; name: string }>(`SELECT voter_id, name FROM vote_voter WHERE vote_id = $1 AND voter_id = $2`, [voteId, voterId]);
  return voter;
}

/** A voter of the vote with the account linked to their roll entry, if any. */
export async function electorateVoterWithAccount(q: TxQuery, voteId: string, voterId: string): Promise<{ voter_id: string; name: string; user_id: string | null } | undefined> {
  const [voter] = await q<{ voter_id: string; name: string; person_type: 'owner' | 'member'; person_id: string }>(
    `SELECT voter_id, name, person_type, person_id FROM vote_voter WHERE vote_id = $1 AND voter_id = $2`,
    [voteId, voterId],
  );
  if (!voter) return undefined;
  const linked = await linkedAccount(q, voter.person_type, voter.person_id);
  return { voter_id: voter.voter_id, name: voter.name, user_id: linked?.user_id ?? null };
}

/** The first voter of the vote (by voter id) whose roll entry is linked to the account, if any. */
export async function electorateVoterOfAccount(q: TxQuery, voteId: string, userId: string): Promise<{ voter_id: string; name: string } | undefined> {
  const [own] = await q<{ voter_id: string; name: string }>(
    `SELECT v.voter_id, v.name FROM vote_voter v
      WHERE v.vote_id = $1 AND (v.person_type, v.person_id) IN (SELECT a.person_type, a.person_id FROM (${accountEntriesSql('$2', ['owner', 'member'])}) a)
      ORDER BY v.voter_id LIMIT 1`,
    [voteId, userId],
  );
  return own;
}

export interface AccountVoterRow {
  voter_id: string;
  name: string;
  unit_labels: string[];
  as: 'self' | 'proxy';
  /** A named vote's counted ballot of the voter (null columns when none, and always in a secret vote). */
  choice: BallotContent | null;
  ballot_channel: Channel | null;
  receipt: string | null;
  superseded_receipt: string | null;
  /** A secret vote's roll mark of the voter (null when none, and always in a named vote). */
  mark_channel: Channel | null;
}

/**
 * The voters an account may cast for — its own roll entries in the electorate (the rolls'
 * accountEntriesSql), then the principals of its accepted proxies — each with what they have cast
 * so far, in one statement: the counted ballot of a named vote, or the roll mark of a secret one.
 */
export function votersOfAccount(q: TxQuery, vote: { id: string; secrecy: 'named' | 'secret' }, userId: string): Promise<AccountVoterRow[]> {
  return q<AccountVoterRow>(
    `SELECT a.voter_id, a.name, a.unit_labels, a.as, b.choice, b.channel AS ballot_channel, b.receipt, b.superseded_receipt, k.channel AS mark_channel
       FROM (SELECT v.voter_id, v.name, v.unit_labels, 'self' AS as
               FROM vote_voter v
              WHERE v.vote_id = $1 AND (v.person_type, v.person_id) IN (SELECT e.person_type, e.person_id FROM (${accountEntriesSql('$2', ['owner', 'member'])}) e)
             UNION ALL
             SELECT v.voter_id, v.name, v.unit_labels, 'proxy'
               FROM proxy_authorization p JOIN vote_voter v ON v.vote_id = p.vote_id AND v.voter_id = p.principal_voter_id
              WHERE p.vote_id = $1 AND p.agent_user_id = $2 AND p.status = 'accepted' AND p.revoked_at IS NULL) a
       LEFT JOIN ballot b ON $3 = 'named' AND b.vote_id = $1 AND b.voter_id = a.voter_id
       LEFT JOIN vote_mark k ON $3 = 'secret' AND k.vote_id = $1 AND k.voter_id = a.voter_id
      ORDER BY a.as, a.name`,
    [vote.id, userId, vote.secrecy],
  );
}

/** In how many open votes the account cast an online ballot for this roll person (a link being undone). */
export async function openVotesWithOnlineBallot(q: TxQuery, personType: 'owner' | 'member' | 'tenant', personId: string, userId: string): Promise<number> {
  const [ballots] = await q<{ n: string }>(
    `SELECT count(DISTINCT b.vote_id) AS n FROM ballot b JOIN vote v ON v.id = b.vote_id JOIN vote_voter vv ON vv.vote_id = b.vote_id AND vv.voter_id = b.voter_id
      WHERE v.status = 'open' AND vv.person_type = $1 AND vv.person_id = $2 AND b.cast_by = $3 AND b.channel = 'online'`,
    [personType, personId, userId],
  );
  return Number(ballots?.n ?? 0);
}

export interface OpenVoteOfAccountRow {
  id: string;
  title: string;
  unit_id: string;
  unit_name: string;
  closes_at: Date;
  voters: number;
  voted: number;
}

/**
 * The open votes an account may cast in — through its own roll entries on the frozen electorate
 * or an accepted proxy — soonest closing first, with how many of its voters have cast already.
 * Starts from the open votes (few, by vote_due_idx) and probes each electorate by its unique
 * (vote, person) index, never a scan of every vote's electorate.
 */
export function openVotesOfAccount(q: TxQuery, userId: string): Promise<OpenVoteOfAccountRow[]> {
  return q<OpenVoteOfAccountRow>(
    `SELECT vt.id, vt.title, vt.unit_id, n.name AS unit_name, vt.closes_at, count(*)::int AS voters,
            count(*) FILTER (WHERE CASE WHEN vt.secrecy = 'secret'
                                        THEN EXISTS (SELECT 1 FROM vote_mark k WHERE k.vote_id = vt.id AND k.voter_id = mine.voter_id)
                                        ELSE EXISTS (SELECT 1 FROM ballot b WHERE b.vote_id = vt.id AND b.voter_id = mine.voter_id) END)::int AS voted
       FROM vote vt
       JOIN org_node n ON n.id = vt.unit_id
       CROSS JOIN LATERAL (
         SELECT v.voter_id FROM (${accountEntriesSql('$1', ['owner', 'member'])}) e
           JOIN vote_voter v ON v.vote_id = vt.id AND v.person_type = e.person_type AND v.person_id = e.person_id
         UNION
         SELECT p.principal_voter_id FROM proxy_authorization p
          WHERE p.vote_id = vt.id AND p.agent_user_id = $1 AND p.status = 'accepted' AND p.revoked_at IS NULL
       ) mine
      WHERE vt.status = 'open' AND vt.closes_at > now()
      GROUP BY vt.id, n.name
      ORDER BY vt.closes_at, vt.id`,
    [userId],
  );
}

/** The open votes whose frozen electorate holds this roll entry and where it has not voted: what it is told of when it is linked to an account. */
export function openVotesAwaiting(q: TxQuery, personType: 'owner' | 'member', personId: string): Promise<{ id: string; title: string; closes_at: Date }[]> {
  return q(
    `SELECT vt.id, vt.title, vt.closes_at
       FROM vote vt JOIN vote_voter v ON v.vote_id = vt.id AND v.person_type = $1 AND v.person_id = $2
      WHERE vt.status = 'open' AND vt.closes_at > now()
        AND NOT EXISTS (SELECT 1 FROM ballot b WHERE b.vote_id = vt.id AND b.voter_id = v.voter_id)
        AND NOT EXISTS (SELECT 1 FROM vote_mark k WHERE k.vote_id = vt.id AND k.voter_id = v.voter_id)
      ORDER BY vt.closes_at, vt.id`,
    [personType, personId],
  );
}
