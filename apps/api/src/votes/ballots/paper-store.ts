import type { TxQuery } from '../../database/pooled';
import type { PaperDisputeField, PaperStatus, PaperVoidKind } from '../entities/ballot-paper.entity';
import type { PaperCountsDto } from './dto/paper.dto';
import type { BallotContent, ProxyMark } from './ballot-choices';

/**
 * The paper store: every statement about `ballot_paper` — issuing numbered papers against the
 * frozen electorate, returns, the two readings, disputes and their settling, and what staff read
 * of them. Statements run on the caller's transaction or connection (a TxQuery, see txQuery).
 */

export interface PaperRow {
  serial: number;
  voter_id: string;
  status: PaperStatus;
  issued_at: Date;
  returned_at: Date | null;
  entered_choice: BallotContent | null;
  entered_by: string | null;
  entered_at: Date | null;
  confirmed_choice: BallotContent | null;
  confirmed_by: string | null;
  confirmed_at: Date | null;
  proxy: ProxyMark | null;
  scan_file_id: string | null;
  void_kind: PaperVoidKind | null;
  void_reason: string | null;
  disputed_on: PaperDisputeField[];
  resolution_note: string | null;
  resolved_by: string | null;
  resolved_at: Date | null;
}

/** A paper with the voter it was issued to, as staff see it. */
export type PaperWithVoterRow = PaperRow & { name: string; group_label: string; unit_labels: string[] };

const PAPER_COLUMNS = `p.serial, p.voter_id, p.status, p.issued_at, p.returned_at, p.entered_choice, p.entered_by, p.entered_at, p.confirmed_choice,
  p.confirmed_by, p.confirmed_at, p.proxy, p.scan_file_id, p.void_kind, p.void_reason, p.disputed_on, p.resolution_note, p.resolved_by, p.resolved_at`;

/** The largest serial a paper can have (the column is an int). */
export const MAX_SERIAL = 2_147_483_647;

/** Serials are handed out one issuing at a time per vote: held until the transaction ends. */
export async function lockPaperIssuing(q: TxQuery, voteId: string): Promise<void> {
  await q(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`papers:${voteId}`]);
}

/** One paper, held FOR UPDATE for the rest of the transaction. */
export async function lockPaperRow(q: TxQuery, voteId: string, serial: number): Promise<PaperRow | undefined> {
  const [paper] = await q<PaperRow>(`SELECT ${PAPER_COLUMNS} FROM ballot_paper p WHERE p.vote_id = $1 AND p.serial = $2 FOR UPDATE`, [voteId, serial]);
  return paper;
}

export interface IssueTargetRow {
  voter_id: string;
  name: string;
  group_label: string;
  unit_labels: string[];
}

/** The voters papers are issued to: everyone, whole buildings or households, or listed voters, in printing order. */
export function issueTargets(q: TxQuery, voteId: string, to: { all: boolean; groups: string[]; voterIds: string[] }): Promise<IssueTargetRow[]> {
  return q<IssueTargetRow>(
    `SELECT voter_id, name, group_label, unit_labels FROM vote_voter
      WHERE vote_id = $1 AND ($2 OR group_label = ANY($3::text[]) OR voter_id = ANY($4::text[]))
      ORDER BY group_label, unit_labels[1] NULLS LAST, name, voter_id`,
    [voteId, to.all, to.groups, to.voterIds],
  );
}

/** Which of these voters hold a live (not void) paper. */
export async function votersWithLivePaper(q: TxQuery, voteId: string, voterIds: string[]): Promise<Set<string>> {
  const rows = await q<{ voter_id: string }>(`SELECT voter_id FROM ballot_paper WHERE vote_id = $1 AND status <> 'void' AND voter_id = ANY($2)`, [voteId, voterIds]);
  return new Set(rows.map((r) => r.voter_id));
}

/** The next free serial of the vote (call under lockPaperIssuing). */
export async function nextSerial(q: TxQuery, voteId: string): Promise<number> {
  const [{ next }] = (await q<{ next: number }>(`SELECT coalesce(max(serial), 0) + 1 AS next FROM ballot_paper WHERE vote_id = $1`, [voteId])) as [{ next: number }];
  return next;
}

/** Issues papers: serial i to voter i. */
export async function insertPapers(q: TxQuery, voteId: string, serials: number[], voterIds: string[], issuedBy: string): Promise<void> {
  await q(`INSERT INTO ballot_paper (vote_id, serial, voter_id, status, issued_by) SELECT $1, s, v, 'issued', $4 FROM unnest($2::int[], $3::text[]) AS x(s, v)`, [voteId, serials, voterIds, issuedBy]);
}

/** Issues one paper. */
export async function insertPaper(q: TxQuery, voteId: string, serial: number, voterId: string, issuedBy: string): Promise<void> {
  await q(`INSERT INTO ballot_paper (vote_id, serial, voter_id, status, issued_by) VALUES ($1, $2, $3, 'issued', $4)`, [voteId, serial, voterId, issuedBy]);
}

/** Voids a paper (reissued, or voided by staff) with the reason. */
export async function voidPaperRow(q: TxQuery, voteId: string, serial: number, kind: 'reissued' | 'void', reason: string): Promise<void> {
  await q(`UPDATE ballot_paper SET status = 'void', void_kind = $4, void_reason = $3 WHERE vote_id = $1 AND serial = $2`, [voteId, serial, reason, kind]);
}

/** Papers being marked returned, held FOR UPDATE, by serial. */
export function lockPapersForReturn(q: TxQuery, voteId: string, serials: number[]): Promise<{ serial: number; status: PaperStatus }[]> {
  return q<{ serial: number; status: PaperStatus }>(`SELECT serial, status FROM ballot_paper WHERE vote_id = $1 AND serial = ANY($2::int[]) ORDER BY serial FOR UPDATE`, [voteId, serials]);
}

export async function markPapersReturned(q: TxQuery, voteId: string, serials: number[], at: Date): Promise<void> {
  await q(`UPDATE ballot_paper SET status = 'returned', returned_at = $3 WHERE vote_id = $1 AND serial = ANY($2::int[])`, [voteId, serials, at]);
}

export type GroupCountsRow = { group_label: string; voters: number } & Record<keyof PaperCountsDto, number>;

/** Voters and papers per building or household; `back` are the statuses of papers that came back. */
export function paperCountsByGroup(q: TxQuery, voteId: string, back: readonly PaperStatus[]): Promise<GroupCountsRow[]> {
  return q<GroupCountsRow>(
    `SELECT v.group_label, count(DISTINCT v.voter_id)::int AS voters,
            count(p.serial) FILTER (WHERE p.status <> 'void')::int AS issued,
            count(p.serial) FILTER (WHERE p.status = ANY($2::text[]))::int AS returned,
            count(p.serial) FILTER (WHERE p.status IN ('entered', 'confirmed', 'disputed'))::int AS entered,
            count(p.serial) FILTER (WHERE p.status = 'confirmed')::int AS confirmed,
            count(p.serial) FILTER (WHERE p.status = 'disputed')::int AS disputed,
            count(p.serial) FILTER (WHERE p.status = 'void')::int AS void
       FROM vote_voter v LEFT JOIN ballot_paper p ON p.vote_id = v.vote_id AND p.voter_id = v.voter_id
      WHERE v.vote_id = $1
      GROUP BY v.group_label ORDER BY v.group_label`,
    [voteId, back],
  );
}

/** Live papers to print, per building or household. */
export function papersToPrint(q: TxQuery, voteId: string, group: string | null): Promise<{ serial: number; voter_id: string; status: PaperStatus; name: string; group_label: string; unit_labels: string[] }[]> {
  return q(
    `SELECT p.serial, p.voter_id, p.status, v.name, v.group_label, v.unit_labels
       FROM ballot_paper p JOIN vote_voter v ON v.vote_id = p.vote_id AND v.voter_id = p.voter_id
      WHERE p.vote_id = $1 AND p.status <> 'void' AND ($2::text IS NULL OR v.group_label = $2)
      ORDER BY v.group_label, p.serial`,
    [voteId, group],
  );
}

/** Papers with their voters, by serials, building or household, or status. */
export function papersWithVoters(q: TxQuery, voteId: string, filter: { serials?: number[]; group?: string; status?: PaperStatus }): Promise<PaperWithVoterRow[]> {
  return q<PaperWithVoterRow>(
    `SELECT ${PAPER_COLUMNS}, v.name, v.group_label, v.unit_labels
       FROM ballot_paper p JOIN vote_voter v ON v.vote_id = p.vote_id AND v.voter_id = p.voter_id
      WHERE p.vote_id = $1 AND ($2::int[] IS NULL OR p.serial = ANY($2::int[])) AND ($3::text IS NULL OR v.group_label = $3) AND ($4::text IS NULL OR p.status = $4)
      ORDER BY p.serial`,
    [voteId, filter.serials ?? null, filter.group ?? null, filter.status ?? null],
  );
}

/** The first reading, with the scan: the paper waits for its second entry. */
export async function recordFirstReading(
  q: TxQuery,
  r: { voteId: string; serial: number; returnedAt: Date; choice: BallotContent; by: string; proxy: ProxyMark | null; scanFileId: string },
): Promise<void> {
  await q(
    `UPDATE ballot_paper SET status = 'entered', returned_at = $3, entered_choice = $4, entered_by = $5, entered_at = now(), proxy = $6, scan_file_id = $7
      WHERE vote_id = $1 AND serial = $2`,
    [r.voteId, r.serial, r.returnedAt, JSON.stringify(r.choice), r.by, r.proxy ? JSON.stringify(r.proxy) : null, r.scanFileId],
  );
}

export async function attachScan(q: TxQuery, voteId: string, serial: number, scanFileId: string): Promise<void> {
  await q(`UPDATE ballot_paper SET scan_file_id = $3 WHERE vote_id = $1 AND serial = $2`, [voteId, serial, scanFileId]);
}

/** A second reading that differs from the first: the paper goes to the dispute list. */
export async function recordDispute(q: TxQuery, voteId: string, serial: number, choice: BallotContent, by: string, differs: PaperDisputeField[]): Promise<void> {
  await q(`UPDATE ballot_paper SET status = 'disputed', confirmed_choice = $3, confirmed_by = $4, confirmed_at = now(), disputed_on = $5 WHERE vote_id = $1 AND serial = $2`, [
    voteId,
    serial,
    JSON.stringify(choice),
    by,
    differs,
  ]);
}

/** A second reading equal to the first: the paper is counted. */
export async function recordConfirmed(q: TxQuery, voteId: string, serial: number, choice: BallotContent, by: string): Promise<void> {
  await q(`UPDATE ballot_paper SET status = 'confirmed', confirmed_choice = $3, confirmed_by = $4, confirmed_at = now() WHERE vote_id = $1 AND serial = $2`, [voteId, serial, JSON.stringify(choice), by]);
}

/** A dispute settled as a spoilt paper. */
export async function settleSpoilt(q: TxQuery, voteId: string, serial: number, note: string, by: string): Promise<void> {
  await q(`UPDATE ballot_paper SET status = 'void', void_kind = 'spoilt', resolution_note = $3, resolved_by = $4, resolved_at = now() WHERE vote_id = $1 AND serial = $2`, [voteId, serial, note, by]);
}

/** A dispute settled by counting what the paper says. */
export async function settleConfirmed(q: TxQuery, voteId: string, serial: number, note: string, by: string): Promise<void> {
  await q(`UPDATE ballot_paper SET status = 'confirmed', resolution_note = $3, resolved_by = $4, resolved_at = now() WHERE vote_id = $1 AND serial = $2`, [voteId, serial, note, by]);
}

/** Drops a settled paper's choices and its link to the scan (a secret vote's paper keeps no trace of its choice). */
export async function forgetPaperChoices(q: TxQuery, voteId: string, serial: number): Promise<void> {
  await q(
    `UPDATE ballot_paper SET entered_choice = CASE WHEN entered_choice IS NULL THEN NULL ELSE 'null'::jsonb END, confirmed_choice = NULL, scan_file_id = NULL
      WHERE vote_id = $1 AND serial = $2`,
    [voteId, serial],
  );
}

/** The paper's scan, if the paper exists and has one. */
export async function paperScanId(q: TxQuery, voteId: string, serial: number): Promise<string | null> {
  const [paper] = await q<{ scan_file_id: string | null }>(`SELECT scan_file_id FROM ballot_paper WHERE vote_id = $1 AND serial = $2`, [voteId, serial]);
  return paper?.scan_file_id ?? null;
}
