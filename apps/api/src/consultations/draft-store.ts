import type { EntityManager } from 'typeorm';

/**
 * The drafts store: the statements on a consultation's draft (`draft_version`, `clause`,
 * `version_attachment`) that are not plain repository calls, on the caller's transaction (or the
 * data source's manager for a read).
 */

/** The versions of a draft with their clause and attachment counts: all of them, or the published ones only. */
export function versionSummaries(
  m: EntityManager,
  consultationId: string,
  withUnpublished: boolean,
): Promise<{ id: string; number: number; title: string; published_at: Date | null; clause_count: number; attachment_count: number }[]> {
  return m.query(
    `SELECT v.id, v.number, v.title, v.published_at,
            (SELECT count(*)::int FROM clause c WHERE c.version_id = v.id) AS clause_count,
            (SELECT count(*)::int FROM version_attachment a WHERE a.version_id = v.id) AS attachment_count
       FROM draft_version v
      WHERE v.consultation_id = $1 AND ($2 OR v.published_at IS NOT NULL)
      ORDER BY v.number`,
    [consultationId, withUnpublished],
  );
}

/** The latest version of a draft, published or not, if there is one. */
export async function latestVersion(m: EntityManager, consultationId: string): Promise<{ id: string; number: number; title: string; preamble: string; published_at: Date | null } | undefined> {
  const [latest] = await m.query<{ id: string; number: number; title: string; preamble: string; published_at: Date | null }[]>(
    `SELECT id, number, title, preamble, published_at FROM draft_version WHERE consultation_id = $1 ORDER BY number DESC LIMIT 1`,
    [consultationId],
  );
  return latest;
}

/** Copies a version's clauses (each continuing the one it copies) and attachments into a new version. */
export async function copyVersionContent(m: EntityManager, fromVersionId: string, toVersionId: string): Promise<void> {
  await m.query(
    `INSERT INTO clause (version_id, number, heading, body, previous_clause_id)
     SELECT $1, number, heading, body, id FROM clause WHERE version_id = $2`,
    [toVersionId, fromVersionId],
  );
  await m.query(`INSERT INTO version_attachment (version_id, file_id, title) SELECT $1, file_id, title FROM version_attachment WHERE version_id = $2`, [toVersionId, fromVersionId]);
}

/** The ids of the clauses of version number `number` of a draft. */
export async function clauseIdsOfVersionNumber(m: EntityManager, consultationId: string, number: number): Promise<string[]> {
  const rows = await m.query<{ id: string }[]>(`SELECT c.id FROM clause c JOIN draft_version v ON v.id = c.version_id WHERE v.consultation_id = $1 AND v.number = $2`, [
    consultationId,
    number,
  ]);
  return rows.map((r) => r.id);
}

/** Moves a version's clause numbers out of the way (by `offset`) before they are numbered again. */
export async function offsetClauseNumbers(m: EntityManager, versionId: string, offset: number): Promise<void> {
  await m.query(`UPDATE clause SET number = number + $2 WHERE version_id = $1`, [versionId, offset]);
}

/** A version's clauses in order, each with the number of the clause it continues. */
export function clauseRows(
  m: EntityManager,
  versionId: string,
): Promise<{ id: string; number: number; heading: string | null; body: string; previous_clause_id: string | null; previous_number: number | null; change_reason: string | null }[]> {
  return m.query(
    `SELECT c.id, c.number, c.heading, c.body, c.previous_clause_id, p.number AS previous_number, c.change_reason
       FROM clause c LEFT JOIN clause p ON p.id = c.previous_clause_id
      WHERE c.version_id = $1 ORDER BY c.number`,
    [versionId],
  );
}

export type VersionLabel = { number: number; title: string };
export type ClauseLabel = { number: number; heading: string | null; version_id: string; version_number: number };

/**
 * The labels of published versions and of their clauses, kept by this process once read: a
 * published version is the record residents read, and PostgreSQL refuses any change to it, to
 * its clauses, or its deletion (the `published_frozen` triggers), so a label once read stays
 * true. Only what was read outside a transaction is kept (a transaction's own read may see a
 * publication that is then rolled back); unpublished versions are read every time. Bounded: emptied
 * past LABELS_KEPT entries, as every label can be read again.
 */
const LABELS_KEPT = 20_000;
const publishedVersions = new Map<string, VersionLabel>();
const publishedClauses = new Map<string, ClauseLabel>();

function keep<T>(memo: Map<string, T>, m: EntityManager, id: string, label: T): void {
  if (m.queryRunner) return;
  if (memo.size >= LABELS_KEPT) memo.clear();
  memo.set(id, label);
}

/** Versions' numbers and titles, by id (for what names a place in the draft: comments, counts). */
export async function versionLabels(m: EntityManager, versionIds: readonly string[]): Promise<Map<string, VersionLabel>> {
  const labels = new Map<string, VersionLabel>();
  const missing: string[] = [];
  for (const id of new Set(versionIds)) {
    const kept = publishedVersions.get(id);
    if (kept) labels.set(id, kept);
    else missing.push(id);
  }
  if (!missing.length) return labels;
  const rows = await m.query<{ id: string; number: number; title: string; published: boolean }[]>(
    `SELECT id, number, title, published_at IS NOT NULL AS published FROM draft_version WHERE id = ANY($1::uuid[])`,
    [missing],
  );
  for (const r of rows) {
    const label = { number: r.number, title: r.title };
    labels.set(r.id, label);
    if (r.published) keep(publishedVersions, m, r.id, label);
  }
  return labels;
}

/** Clauses' numbers and headings with their version's id and number, by id (nulls are skipped). */
export async function clauseLabels(m: EntityManager, clauseIds: readonly (string | null)[]): Promise<Map<string, ClauseLabel>> {
  const labels = new Map<string, ClauseLabel>();
  const missing: string[] = [];
  for (const id of new Set(clauseIds)) {
    if (id === null) continue;
    const kept = publishedClauses.get(id);
    if (kept) labels.set(id, kept);
    else missing.push(id);
  }
  if (!missing.length) return labels;
  const rows = await m.query<{ id: string; number: number; heading: string | null; version_id: string; version_number: number; published: boolean }[]>(
    `SELECT c.id, c.number, c.heading, c.version_id, v.number AS version_number, v.published_at IS NOT NULL AS published
       FROM clause c JOIN draft_version v ON v.id = c.version_id WHERE c.id = ANY($1::uuid[])`,
    [missing],
  );
  for (const r of rows) {
    const label = { number: r.number, heading: r.heading, version_id: r.version_id, version_number: r.version_number };
    labels.set(r.id, label);
    if (r.published) keep(publishedClauses, m, r.id, label);
  }
  return labels;
}
