import type { ConsultationPhase } from '@yishi/contracts';
import type { Queryable } from '../database/pooled';
import { queryOn } from '../database/pooled';

/**
 * The consultations store: what other features read of a consultation and its draft
 * (`consultation`, `consultation_unit`, `draft_version`, `clause`), on the caller's transaction.
 */

/** A published version of the draft: its id and number. */
export interface PublishedVersion {
  id: string;
  number: number;
}

/**
 * The consultation's phase, read under a share lock: a phase change waits for the writes that
 * read it (comments, for one), and nothing is taken in a phase that has just ended.
 */
export async function phaseForWriting(q: Queryable, consultationId: string): Promise<ConsultationPhase> {
  const [row] = await queryOn(q)<{ phase: ConsultationPhase }>(`SELECT phase FROM consultation WHERE id = $1 FOR SHARE`, [consultationId]);
  return row!.phase;
}

/** Whether the consultation concerns the unit (a vote of the unit may then decide it). */
export async function consultationConcernsUnit(q: Queryable, consultationId: string, unitId: string): Promise<boolean> {
  const [scope] = await queryOn(q)<{ owner_node_id: string }>(
    `SELECT c.owner_node_id FROM consultation c JOIN consultation_unit u ON u.consultation_id = c.id WHERE c.id = $1 AND u.unit_id = $2`,
    [consultationId, unitId],
  );
  return !!scope;
}

/** The latest published version of the draft, if any. */
export async function latestPublishedVersion(q: Queryable, consultationId: string): Promise<PublishedVersion | undefined> {
  const [row] = await queryOn(q)<PublishedVersion>(
    `SELECT id, number FROM draft_version WHERE consultation_id = $1 AND published_at IS NOT NULL ORDER BY number DESC LIMIT 1`,
    [consultationId],
  );
  return row;
}

/** The version, if it is a published version of this consultation's draft. */
export async function publishedVersionOf(q: Queryable, consultationId: string, versionId: string): Promise<PublishedVersion | undefined> {
  const [row] = await queryOn(q)<PublishedVersion>(
    `SELECT id, number FROM draft_version WHERE id = $1 AND consultation_id = $2 AND published_at IS NOT NULL`,
    [versionId, consultationId],
  );
  return row;
}

/** Whether the clause belongs to the version. */
export async function isClauseOfVersion(q: Queryable, versionId: string, clauseId: string): Promise<boolean> {
  const [row] = await queryOn(q)<{ id: string }>(`SELECT id FROM clause WHERE id = $1 AND version_id = $2`, [clauseId, versionId]);
  return !!row;
}

/** Whether the clause belongs to a published version of the draft later than `versionId`. */
export async function isClauseOfLaterVersion(q: Queryable, consultationId: string, versionId: string, clauseId: string): Promise<boolean> {
  const [row] = await queryOn(q)<{ ok: boolean }>(
    `SELECT lv.number > cv.number AS ok
       FROM clause l JOIN draft_version lv ON lv.id = l.version_id, draft_version cv
      WHERE l.id = $1 AND cv.id = $2 AND lv.consultation_id = $3 AND lv.published_at IS NOT NULL`,
    [clauseId, versionId, consultationId],
  );
  return row?.ok === true;
}
