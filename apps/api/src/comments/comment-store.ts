import type { IntakeChannel, ReplyOutcome } from '@yishi/contracts';
import type { EntityManager } from 'typeorm';
import { clauseLabels, versionLabels } from '../consultations/draft-store';
import type { CommentDto, OfficialReplyDto } from './dto/comment.dto';

/** The drafts' labels (clause numbers and headings, version numbers and titles), each read once however often asked for within one request. */
export interface DraftLabels {
  clauses(ids: readonly (string | null)[]): ReturnType<typeof clauseLabels>;
  versions(ids: readonly string[]): ReturnType<typeof versionLabels>;
}

export function draftLabels(m: EntityManager): DraftLabels {
  const clauses: Awaited<ReturnType<typeof clauseLabels>> = new Map();
  const versions: Awaited<ReturnType<typeof versionLabels>> = new Map();
  return {
    async clauses(ids) {
      const missing = ids.filter((id): id is string => id !== null && !clauses.has(id));
      for (const [id, label] of await clauseLabels(m, missing)) clauses.set(id, label);
      return clauses;
    },
    async versions(ids) {
      const missing = ids.filter((id) => !versions.has(id));
      for (const [id, label] of await versionLabels(m, missing)) versions.set(id, label);
      return versions;
    },
  };
}

const AUTHOR_NAME = '(SELECT au.display_name FROM app_user au WHERE au.id = c.author_id)';

/** The columns that depend on who reads (selectComments): a reader's, and the public report's. */
const READER_COLUMNS = {
  author: AUTHOR_NAME,
  recorder: '(SELECT rb.display_name FROM app_user rb WHERE rb.id = c.recorded_by)',
  reports: `(SELECT count(*)::int FROM comment_report r WHERE r.comment_id = c.id) AS report_count,
            EXISTS (SELECT 1 FROM comment_report r WHERE r.comment_id = c.id AND r.user_id = $2) AS reported_by_me`,
};
const REPORT_COLUMNS: typeof READER_COLUMNS = {
  author: `CASE WHEN c.channel = 'online' AND NOT c.is_anonymous THEN ${AUTHOR_NAME} END`,
  recorder: 'NULL::text',
  // $2 (null) is still named, for PostgreSQL to know its type.
  reports: '0 AS report_count, ($2::uuid IS NOT NULL AND false) AS reported_by_me',
};

/** One comment as read for display, with its place, provenance, official reply and report counts. */
export interface CommentRow {
  id: string;
  consultation_id: string;
  version_id: string;
  version_number: number;
  version_title: string;
  clause_id: string | null;
  clause_number: number | null;
  clause_heading: string | null;
  parent_id: string | null;
  author_id: string | null;
  author_name: string | null;
  body: string;
  channel: IntakeChannel;
  collector_name: string | null;
  collected_on: string | null;
  recorder_name: string | null;
  resident_name: string | null;
  is_anonymous: boolean;
  hidden_at: Date | null;
  hidden_reason: string | null;
  created_at: Date;
  report_count: number;
  reported_by_me: boolean;
  outcome: ReplyOutcome | null;
  reply_reason: string | null;
  linked_clause_id: string | null;
  linked_version_id: string | null;
  linked_version_number: number | null;
  linked_clause_number: number | null;
  linked_clause_heading: string | null;
  replier_name: string | null;
  replied_at: Date | null;
  reply_updated_at: Date | null;
}

/** What the comment statement reads itself; the draft's labels are added from the drafts store. */
type CommentRowOwnPart = Omit<
  CommentRow,
  'version_number' | 'version_title' | 'clause_number' | 'clause_heading' | 'linked_version_id' | 'linked_version_number' | 'linked_clause_number' | 'linked_clause_heading'
>;

/**
 * Comments of one consultation matching `where` (SQL on alias `c`; `$1` is the consultation, `$2`
 * the reader), in `order`, `limit` of them from the `offset`-th on. Parameters from `$3` on are
 * `params`. The page is chosen among the comments alone, and only its rows are joined to their
 * answers, each looked up by its key (a lateral join: as a plain join PostgreSQL hashed every
 * answer of the street to match a page of twenty, 0.5 ms of its 1.0 on the area); the names of
 * writers, recorders and answerers are looked up row by row, so no plan reads every account of
 * the street (20,000 and more) to name a page of thirty opinions.
 *
 * `readerId` null reads for the public adoption report, which shows no reader's own marks and no
 * moderation figures, and names no writer of an anonymous or offline opinion: `reported_by_me` is
 * false, `report_count` 0, `recorder_name` null, and `author_name` is looked up only for an
 * online opinion under its writer's name (three or four lookups a row fewer).
 */
export async function selectComments(
  m: EntityManager,
  consultationId: string,
  readerId: string | null,
  where: string,
  params: unknown[],
  order: string,
  limit?: number,
  offset = 0,
  labels: DraftLabels = draftLabels(m),
): Promise<CommentRow[]> {
  const by = readerId === null ? REPORT_COLUMNS : READER_COLUMNS;
  const rows = await m.query<CommentRowOwnPart[]>(
    `SELECT c.id, c.consultation_id, c.version_id, c.clause_id, c.parent_id,
            c.author_id, ${by.author} AS author_name,
            c.body, c.channel, c.collector_name, c.collected_on::text AS collected_on,
            ${by.recorder} AS recorder_name, c.resident_name, c.is_anonymous, c.hidden_at, c.hidden_reason, c.created_at,
            ${by.reports},
            o.outcome, o.reason AS reply_reason, o.linked_clause_id, (SELECT ob.display_name FROM app_user ob WHERE ob.id = o.replied_by) AS replier_name,
            o.replied_at, o.updated_at AS reply_updated_at
       FROM (SELECT c.* FROM comment c
              WHERE c.consultation_id = $1 AND (${where})
              ORDER BY ${order}
              ${limit === undefined ? '' : `LIMIT ${Math.trunc(limit)}`} ${offset > 0 ? `OFFSET ${Math.trunc(offset)}` : ''}) c
       LEFT JOIN LATERAL (SELECT o.* FROM official_reply o WHERE o.comment_id = c.id LIMIT 1) o ON true
      ORDER BY ${order}`,
    [consultationId, readerId, ...params],
  );
  // Where each comment sits in the draft, and the clause its reply links to, are the drafts' to name.
  const clauses = await labels.clauses(rows.flatMap((r) => [r.clause_id, r.linked_clause_id]));
  const versions = await labels.versions(rows.map((r) => r.version_id));
  // The labels are written onto the rows the driver made, not spread into copies of 25 columns
  // each: a report page of a hundred opinions spent a tenth of its CPU copying them (and the GC's).
  for (const r of rows as (CommentRowOwnPart & Partial<CommentRow>)[]) {
    const clause = r.clause_id ? clauses.get(r.clause_id) : undefined;
    const linked = r.linked_clause_id ? clauses.get(r.linked_clause_id) : undefined;
    const version = versions.get(r.version_id)!;
    r.version_number = version.number;
    r.version_title = version.title;
    r.clause_number = clause?.number ?? null;
    r.clause_heading = clause?.heading ?? null;
    r.linked_version_id = linked?.version_id ?? null;
    r.linked_version_number = linked?.version_number ?? null;
    r.linked_clause_number = linked?.number ?? null;
    r.linked_clause_heading = linked?.heading ?? null;
  }
  return rows as CommentRow[];
}

/** The name a comment goes by: the writer's, or the resident named on an offline opinion; null when anonymous. */
export function authorName(row: CommentRow): string | null {
  if (row.is_anonymous) return null;
  return row.channel === 'online' ? row.author_name : row.resident_name;
}

export function officialReply(row: CommentRow): OfficialReplyDto | null {
  if (!row.outcome) return null;
  return {
    outcome: row.outcome,
    reason: row.reply_reason!,
    linkedClause: row.linked_clause_id
      ? {
          id: row.linked_clause_id,
          versionId: row.linked_version_id!,
          versionNumber: row.linked_version_number!,
          number: row.linked_clause_number!,
          heading: row.linked_clause_heading,
        }
      : null,
    repliedByName: row.replier_name ?? '',
    repliedAt: row.replied_at!.toISOString(),
    updatedAt: row.reply_updated_at!.toISOString(),
  };
}

/**
 * A comment as one reader sees it: the text of a hidden comment only for its author and the
 * moderators (everyone else sees that it was hidden, and why); report counts for moderators only.
 */
export function toCommentDto(row: CommentRow, reader: { id: string; canModerate: boolean }): CommentDto {
  const mine = row.author_id !== null && row.author_id === reader.id;
  const hidden = row.hidden_at !== null;
  return {
    id: row.id,
    consultationId: row.consultation_id,
    versionId: row.version_id,
    versionNumber: row.version_number,
    clauseId: row.clause_id,
    clauseNumber: row.clause_number,
    parentId: row.parent_id,
    body: !hidden || mine || reader.canModerate ? row.body : null,
    authorName: authorName(row),
    anonymous: row.is_anonymous,
    channel: row.channel,
    offline:
      row.channel === 'online'
        ? null
        : { collectorName: row.collector_name ?? '', collectedOn: row.collected_on ?? '', recordedByName: row.recorder_name ?? '' },
    createdAt: row.created_at.toISOString(),
    mine,
    reportedByMe: row.reported_by_me,
    hidden,
    hiddenAt: row.hidden_at?.toISOString() ?? null,
    hiddenReason: row.hidden_reason,
    reportCount: reader.canModerate ? row.report_count : null,
  };
}

/** The consultation a comment belongs to, if there is such a comment. */
export async function consultationOfComment(m: EntityManager, commentId: string): Promise<string | undefined> {
  const [row] = await m.query<{ consultation_id: string }[]>(`SELECT consultation_id FROM comment WHERE id = $1`, [commentId]);
  return row?.consultation_id;
}

/** Comments and replies per version and clause of a consultation (of one version, if given), in version and clause order. */
export async function commentCounts(
  m: EntityManager,
  consultationId: string,
  versionId: string | null,
  labels: DraftLabels = draftLabels(m),
): Promise<{ version_id: string; version_number: number; clause_id: string | null; clause_number: number | null; comments: number; replies: number }[]> {
  // The figures PostgreSQL keeps per place (opinion_place_figures, migration OpinionFigures).
  const rows = await m.query<{ version_id: string; clause_id: string | null; comments: number; replies: number }[]>(
    `SELECT f.version_id, f.clause_id, f.opinions AS comments, f.replies
       FROM opinion_place_figures f
      WHERE f.consultation_id = $1 AND ($2::uuid IS NULL OR f.version_id = $2) AND (f.opinions > 0 OR f.replies > 0)`,
    [consultationId, versionId],
  );
  const versions = await labels.versions(rows.map((r) => r.version_id));
  const clauses = await labels.clauses(rows.map((r) => r.clause_id));
  return rows
    .map((r) => ({ ...r, version_number: versions.get(r.version_id)!.number, clause_number: r.clause_id ? clauses.get(r.clause_id)!.number : null }))
    .sort((a, b) => a.version_number - b.version_number || (a.clause_number ?? 0) - (b.clause_number ?? 0));
}

/** One place of the adoption report (a version's whole draft, or one clause): its top-level opinions, by answer, unanswered and received offline. */
export interface OpinionPlace {
  version_id: string;
  version_number: number;
  clause_id: string | null;
  clause_number: number | null;
  total: number;
  adopted: number;
  partly_adopted: number;
  not_adopted: number;
  noted: number;
  pending: number;
  offline: number;
}

/**
 * The places of a consultation's top-level opinions (of one version, if given), in report order —
 * by version, the whole draft first, then 第1条, 第2条… — with their figures: one statement gives
 * both the report's totals and where each of its opinions stands. With them, read in the same
 * statement, the revision of the consultation's opinions (migration OpinionRevisions): null when
 * there is no opinion to place, or no revision kept.
 */
export async function opinionPlaces(
  m: EntityManager,
  consultationId: string,
  versionId: string | null,
): Promise<{ places: OpinionPlace[]; revision: string | null }> {
  // The figures PostgreSQL keeps per place (opinion_place_figures, migration OpinionFigures).
  const rows = await m.query<(Omit<OpinionPlace, 'version_number' | 'clause_number'> & { revision: string | null })[]>(
    `SELECT f.version_id, f.clause_id, f.opinions AS total, f.adopted, f.partly_adopted, f.not_adopted, f.noted,
            f.opinions - f.adopted - f.partly_adopted - f.not_adopted - f.noted AS pending, f.offline,
            (SELECT r.revision FROM opinion_revision r WHERE r.consultation_id = $1) AS revision
       FROM opinion_place_figures f
      WHERE f.consultation_id = $1 AND ($2::uuid IS NULL OR f.version_id = $2) AND f.opinions > 0`,
    [consultationId, versionId],
  );
  const versions = await versionLabels(m, rows.map((r) => r.version_id));
  const clauses = await clauseLabels(m, rows.map((r) => r.clause_id));
  const places = rows
    .map(({ revision: _, ...r }) => ({ ...r, version_number: versions.get(r.version_id)!.number, clause_number: r.clause_id ? clauses.get(r.clause_id)!.number : null }))
    .sort((a, b) => a.version_number - b.version_number || (a.clause_number ?? 0) - (b.clause_number ?? 0));
  return { places, revision: rows[0]?.revision ?? null };
}

/** Records a reader's report of a comment; false when they had already reported it. */
export async function insertReport(m: EntityManager, commentId: string, userId: string, reason: string): Promise<boolean> {
  const inserted = await m.query<{ comment_id: string }[]>(
    `INSERT INTO comment_report (comment_id, user_id, reason) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING comment_id`,
    [commentId, userId, reason],
  );
  return inserted.length > 0;
}

/** The reports of a comment, newest first. */
export function reportsOf(m: EntityManager, commentId: string): Promise<{ reason: string; created_at: Date }[]> {
  return m.query(`SELECT reason, created_at FROM comment_report WHERE comment_id = $1 ORDER BY created_at DESC, user_id`, [commentId]);
}

/** Those of the clauses an official reply links to (a clause carrying an adopted change). */
export async function clausesWithReplies(m: EntityManager, clauseIds: string[]): Promise<string[]> {
  const rows = await m.query<{ id: string }[]>(`SELECT DISTINCT linked_clause_id AS id FROM official_reply WHERE linked_clause_id = ANY($1::uuid[])`, [clauseIds]);
  return rows.map((r) => r.id);
}

/** Visible comments per consultation, for the consultations of `ids` (those without any are left out). */
export async function visibleCommentCounts(q: EntityManager, consultationIds: string[]): Promise<Map<string, number>> {
  const rows = await q.query<{ consultation_id: string; n: number }[]>(
    `SELECT consultation_id, count(*)::int AS n FROM comment WHERE consultation_id = ANY($1::uuid[]) AND hidden_at IS NULL GROUP BY consultation_id`,
    [consultationIds],
  );
  return new Map(rows.map((r) => [r.consultation_id, r.n]));
}
