import { CONSULTATION_PHASES } from '@yishi/contracts';
import type { ConsultationPhase } from '@yishi/contracts';
import type { RuleSetId } from '@yishi/domain';
import type { EntityManager } from 'typeorm';
import { readByGuard } from '../database/target-records';
import { visibleCommentCounts } from '../comments/comment-store';
import type { Queryable } from '../database/pooled';
import { queryOn } from '../database/pooled';
import { Consultation } from './entities/consultation.entity';

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

/** The units a consultation concerns, in a stable order. */
export async function unitsOfConsultation(q: Queryable, consultationId: string): Promise<string[]> {
  const rows = await queryOn(q)<{ unit_id: string }>(`SELECT unit_id FROM consultation_unit WHERE consultation_id = $1 ORDER BY unit_id`, [consultationId]);
  return rows.map((r) => r.unit_id);
}

/**
 * A consultation (held FOR UPDATE when `lock`) with the ids of the units it concerns (as
 * unitsOfConsultation): one statement where every request on a consultation sent two. A read's
 * first look at it outside a transaction is the access guard's, when the guard read it
 * (readByGuard).
 */
export async function consultationWithUnits(m: EntityManager, consultationId: string, lock: boolean): Promise<{ consultation: Consultation; unitIds: string[] } | undefined> {
  const seen = lock ? undefined : readByGuard(m, 'consultation', Consultation, consultationId);
  if (seen) return { consultation: seen.entity, unitIds: [...seen.nodes] };
  const read = m
    .getRepository(Consultation)
    .createQueryBuilder('consultation')
    .addSelect('ARRAY(SELECT cu.unit_id FROM consultation_unit cu WHERE cu.consultation_id = consultation.id ORDER BY cu.unit_id)', 'unit_ids')
    .where('consultation.id = :consultationId', { consultationId });
  if (lock) read.setLock('pessimistic_write');
  const { entities, raw } = await read.getRawAndEntities<{ unit_ids: string[] }>();
  const [consultation] = entities;
  return consultation ? { consultation, unitIds: raw[0]!.unit_ids } : undefined;
}

/** The consultations concerning a unit (in one phase, if given), newest first. */
export function consultationsOfUnit(q: Queryable, unitId: string, phase: ConsultationPhase | null): Promise<{ id: string; owner_node_id: string; phase: ConsultationPhase; title: string }[]> {
  return queryOn(q)<{ id: string; owner_node_id: string; phase: ConsultationPhase; title: string }>(
    `SELECT c.id, c.owner_node_id, c.phase, c.title FROM consultation c JOIN consultation_unit cu ON cu.consultation_id = c.id
      WHERE cu.unit_id = $1 AND ($2::text IS NULL OR c.phase = $2) ORDER BY c.created_at DESC`,
    [unitId, phase],
  );
}

/** Consultations whose plan has reached a later phase than the one they are in, with that phase. */
export function consultationsDueToAdvance(q: Queryable, now: Date): Promise<{ id: string; phase: ConsultationPhase }[]> {
  return queryOn(q)<{ id: string; phase: ConsultationPhase }>(
    `SELECT c.id, (array_agg(p.phase ORDER BY array_position($2::text[], p.phase) DESC))[1] AS phase
       FROM consultation c JOIN consultation_phase p ON p.consultation_id = c.id
      WHERE p.starts_at <= $1 AND array_position($2::text[], p.phase) > array_position($2::text[], c.phase)
      GROUP BY c.id`,
    [now, CONSULTATION_PHASES],
  );
}

/**
 * Claims the consultations whose comment period ends between `now` and `until` and that have had
 * no reminder yet (marking them reminded at `now`), with the end of their comment period.
 */
export function claimCommentReminders(q: Queryable, now: Date, until: Date): Promise<{ id: string; title: string; ends_at: Date }[]> {
  return queryOn(q)<{ id: string; title: string; ends_at: Date }>(
    // (A CTE, because TypeORM returns [rows, count] for a bare UPDATE … RETURNING.)
    `WITH claimed AS (
       UPDATE consultation c SET comment_reminder_sent_at = $1
         FROM consultation_phase p
        WHERE p.consultation_id = c.id AND p.phase = 'comment' AND c.phase = 'comment'
          AND c.comment_reminder_sent_at IS NULL AND p.ends_at IS NOT NULL
          AND p.ends_at > $1 AND p.ends_at <= $2
       RETURNING c.id, c.title, p.ends_at)
     SELECT * FROM claimed`,
    [now, until],
  );
}

/** A consultation as its list shows it: its place, units, current version and visible comments. */
export interface ConsultationSummaryRow {
  id: string;
  title: string;
  summary: string;
  rule_set: RuleSetId;
  phase: ConsultationPhase;
  phase_changed_at: Date;
  owner_node_id: string;
  owner_node_name: string;
  created_at: Date;
  units: { id: string; name: string; kind: 'cooperative' | 'compound' }[];
  current_version: number | null;
  comment_count: number;
}

/** The consultations of `ids` as their list shows them, newest first. */
export async function consultationSummaryRows(m: EntityManager, ids: string[]): Promise<ConsultationSummaryRow[]> {
  const rows = await m.query<Omit<ConsultationSummaryRow, 'comment_count'>[]>(
    `SELECT c.id, c.title, c.summary, c.rule_set, c.phase, c.phase_changed_at, c.owner_node_id, o.name AS owner_node_name, c.created_at,
              (SELECT json_agg(json_build_object('id', n.id, 'name', n.name, 'kind', n.kind) ORDER BY n.name)
                 FROM consultation_unit cu JOIN org_node n ON n.id = cu.unit_id WHERE cu.consultation_id = c.id) AS units,
              (SELECT max(number) FROM draft_version v WHERE v.consultation_id = c.id AND v.published_at IS NOT NULL) AS current_version
         FROM consultation c JOIN org_node o ON o.id = c.owner_node_id
        WHERE c.id = ANY($1::uuid[])
        ORDER BY c.created_at DESC`,
    [ids],
  );
  const comments = await visibleCommentCounts(m, ids);
  return rows.map((r) => ({ ...r, comment_count: comments.get(r.id) ?? 0 }));
}

/** Consultations' titles and phases, by id (what names a consultation elsewhere: a topic that went into one). */
export async function consultationHeads(q: Queryable, ids: readonly string[]): Promise<Map<string, { title: string; phase: ConsultationPhase }>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await queryOn(q)<{ id: string; title: string; phase: ConsultationPhase }>(`SELECT id, title, phase FROM consultation WHERE id = ANY($1::uuid[])`, [unique]);
  return new Map(rows.map((r) => [r.id, { title: r.title, phase: r.phase }]));
}

/** A published version of a draft as another feature names it: its consultation, title, number and the units the consultation concerns. */
export async function publishedVersionHead(
  q: Queryable,
  versionId: string,
): Promise<{ consultation_id: string; consultation_title: string; number: number; title: string; units: string[] } | undefined> {
  const [row] = await queryOn(q)<{ consultation_id: string; consultation_title: string; number: number; title: string; units: string[] }>(
    `SELECT v.consultation_id, c.title AS consultation_title, v.number, v.title,
            ARRAY(SELECT cu.unit_id FROM consultation_unit cu WHERE cu.consultation_id = c.id) AS units
       FROM draft_version v JOIN consultation c ON c.id = v.consultation_id
      WHERE v.id = $1 AND v.published_at IS NOT NULL`,
    [versionId],
  );
  return row;
}

/** The latest published version of each consultation concerning these units: the drafts a session may present (宣讲). */
export function latestPublishedVersionsOfUnits(q: Queryable, unitIds: readonly string[], limit: number): Promise<{ version_id: string; consultation_title: string; number: number }[]> {
  return queryOn(q)(
    `SELECT DISTINCT ON (c.id) v.id AS version_id, c.title AS consultation_title, v.number
       FROM consultation c JOIN draft_version v ON v.consultation_id = c.id AND v.published_at IS NOT NULL
      WHERE EXISTS (SELECT 1 FROM consultation_unit cu WHERE cu.consultation_id = c.id AND cu.unit_id = ANY($1::uuid[]))
      ORDER BY c.id, v.number DESC
      LIMIT $2`,
    [unitIds, limit],
  );
}
