import type { ConsultationPhase, IntakeChannel, TopicStatus } from '@yishi/contracts';
import type { EntityManager } from 'typeorm';
import { consultationHeads } from '../consultations/consultation-store';
import { fileTypes } from '../storage/storage-store';

/**
 * The topics store: the statements on `topic` and `topic_second` that are not plain repository
 * calls, on the caller's transaction (or the data source's manager for a read). A topic as read
 * names its unit, the people involved, its consultation and its photos' types.
 */

export interface TopicRow {
  id: string;
  unit_id: string;
  unit_name: string;
  title: string;
  body: string;
  channel: IntakeChannel;
  status: TopicStatus;
  is_anonymous: boolean;
  author_id: string | null;
  submitter_name: string | null;
  collector_name: string | null;
  collected_on: string | null;
  recorder_name: string | null;
  consultation_id: string | null;
  consultation_title: string | null;
  consultation_phase: ConsultationPhase | null;
  merged_into_id: string | null;
  merged_into_title: string | null;
  decision_reason: string | null;
  screened_at: Date | null;
  screener_name: string | null;
  created_at: Date;
  second_count: number;
  seconded_by_me: boolean;
  merged_count: number;
  photos: { fileId: string; position: number; mime: string }[];
}

/** Topics matching `where` (placeholders $1…$n of `params`), as `readerId` reads them. */
async function topicRows(m: EntityManager, readerId: string, where: string, params: unknown[]): Promise<TopicRow[]> {
  const me = `$${params.length + 1}::uuid`;
  const rows = await m.query<OwnTopicRow[]>(
    `SELECT t.id, t.unit_id, u.name AS unit_name, t.title, t.body, t.channel, t.status, t.is_anonymous, t.author_id,
              CASE WHEN t.is_anonymous THEN NULL WHEN t.channel = 'online' THEN a.display_name ELSE t.resident_name END AS submitter_name,
              t.collector_name, to_char(t.collected_on, 'YYYY-MM-DD') AS collected_on, r.display_name AS recorder_name,
              t.consultation_id,
              t.merged_into_id, mt.title AS merged_into_title,
              t.decision_reason, t.screened_at, s.display_name AS screener_name, t.created_at,
              (SELECT count(*)::int FROM topic_second ts WHERE ts.topic_id = t.id) AS second_count,
              EXISTS (SELECT 1 FROM topic_second ts WHERE ts.topic_id = t.id AND ts.user_id = ${me}) AS seconded_by_me,
              (SELECT count(*)::int FROM topic x WHERE x.merged_into_id = t.id) AS merged_count,
              (SELECT coalesce(json_agg(json_build_object('fileId', p.file_id, 'position', p.position) ORDER BY p.position), '[]'::json)
                 FROM topic_photo p WHERE p.topic_id = t.id) AS photos
         FROM topic t
         JOIN org_node u ON u.id = t.unit_id
         LEFT JOIN app_user a ON a.id = t.author_id
         LEFT JOIN app_user r ON r.id = t.recorded_by
         LEFT JOIN app_user s ON s.id = t.screened_by
         LEFT JOIN topic mt ON mt.id = t.merged_into_id
        WHERE ${where}`,
    [...params, readerId],
  );
  // The consultation a topic went into, and its photos' types, are named by their owners.
  const consultations = await consultationHeads(m, rows.flatMap((r) => (r.consultation_id ? [r.consultation_id] : [])));
  const mimes = await fileTypes(m, rows.flatMap((r) => r.photos.map((p) => p.fileId)));
  return rows.map((r) => {
    const consultation = r.consultation_id ? consultations.get(r.consultation_id) : undefined;
    return {
      ...r,
      consultation_title: consultation?.title ?? null,
      consultation_phase: consultation?.phase ?? null,
      photos: r.photos.map((p) => ({ ...p, mime: mimes.get(p.fileId) ?? 'application/octet-stream' })),
    };
  });
}

type OwnTopicRow = Omit<TopicRow, 'consultation_title' | 'consultation_phase' | 'photos'> & { photos: { fileId: string; position: number }[] };

/** One topic as `readerId` reads it. */
export async function topicRow(m: EntityManager, topicId: string, readerId: string): Promise<TopicRow | undefined> {
  const [row] = await topicRows(m, readerId, `t.id = $1`, [topicId]);
  return row;
}

export interface TopicFilter {
  unitId: string;
  status: string | null;
  channel: string | null;
  /** Only the reader's own topics. */
  mine: boolean;
}

/** A page of a unit's topics, newest first, and how many match in all. */
export async function topicPage(m: EntityManager, readerId: string, filter: TopicFilter, page: number, pageSize: number): Promise<{ total: number; rows: TopicRow[] }> {
  const where = `t.unit_id = $1 AND ($2::text IS NULL OR t.status = $2) AND ($3::text IS NULL OR t.channel = $3) AND (NOT $4::boolean OR t.author_id = $5::uuid)`;
  const params = [filter.unitId, filter.status, filter.channel, filter.mine, readerId];
  const [counted] = await m.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM topic t WHERE ${where}`, params);
  const rows = await topicRows(m, readerId, `${where} ORDER BY t.created_at DESC, t.id DESC LIMIT $6 OFFSET $7`, [...params, pageSize, (page - 1) * pageSize]);
  return { total: counted!.n, rows };
}

/** Seconds a topic (once per person) or takes the second back. */
export async function setSecond(m: EntityManager, topicId: string, userId: string, on: boolean): Promise<void> {
  if (on) await m.query(`INSERT INTO topic_second (topic_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [topicId, userId]);
  else await m.query(`DELETE FROM topic_second WHERE topic_id = $1 AND user_id = $2`, [topicId, userId]);
}

/** How many second a topic, and whether `userId` is one of them. */
export async function secondState(m: EntityManager, topicId: string, userId: string): Promise<{ n: number; mine: boolean }> {
  const [state] = await m.query<{ n: number; mine: boolean }[]>(
    `SELECT count(*)::int AS n, coalesce(bool_or(user_id = $2), false) AS mine FROM topic_second WHERE topic_id = $1`,
    [topicId, userId],
  );
  return state!;
}

/** Locks topics FOR UPDATE in a fixed order, so two merges cannot cross. */
export async function lockTopics(m: EntityManager, topicIds: string[]): Promise<void> {
  await m.query(`SELECT id FROM topic WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [topicIds]);
}

/**
 * Carries a merged topic's seconds over to the topic it merges into (once per person, never its
 * author's); returns who was carried over.
 */
export async function carrySeconds(m: EntityManager, fromTopicId: string, intoTopicId: string, intoAuthorId: string | null): Promise<string[]> {
  const rows = await m.query<{ user_id: string }[]>(
    `WITH carried AS (
       INSERT INTO topic_second (topic_id, user_id, created_at)
       SELECT $2, s.user_id, s.created_at FROM topic_second s
        WHERE s.topic_id = $1 AND s.user_id IS DISTINCT FROM $3::uuid
       ON CONFLICT DO NOTHING
       RETURNING user_id)
     SELECT user_id FROM carried`,
    [fromTopicId, intoTopicId, intoAuthorId],
  );
  return rows.map((r) => r.user_id);
}

/** A topic as another feature names it: its unit, title and status. */
export async function topicHead(m: EntityManager, topicId: string): Promise<{ unit_id: string; title: string; status: TopicStatus } | undefined> {
  const [row] = await m.query<{ unit_id: string; title: string; status: TopicStatus }[]>(`SELECT unit_id, title, status FROM topic WHERE id = $1`, [topicId]);
  return row;
}

/** The topics of these units still to discuss (open or accepted), newest first: what a session may put on its agenda. */
export function discussableTopics(m: EntityManager, unitIds: readonly string[], limit: number): Promise<{ id: string; title: string; status: TopicStatus; unit_id: string }[]> {
  return m.query(
    `SELECT id, title, status, unit_id FROM topic WHERE unit_id = ANY($1::uuid[]) AND status IN ('open', 'accepted') ORDER BY created_at DESC, id LIMIT $2`,
    [unitIds, limit],
  );
}
