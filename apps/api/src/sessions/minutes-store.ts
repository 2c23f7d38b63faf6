import type { Queryable } from '../database/pooled';
import { queryOn } from '../database/pooled';
import type { FollowUpState } from './entities/follow-up.entity';

/** The minutes' and follow-up's store: statements on `session_minutes`, `session_follow_up` and `session_follow_up_update`. */

export interface MinutesRow {
  id: string;
  version: number;
  body: string;
  correction_reason: string | null;
  edited_by: string;
  editor_name: string;
  edited_at: Date;
  chair_confirmed_by: string | null;
  chair_name: string | null;
  chair_confirmed_at: Date | null;
  scrutineer_confirmed_by: string | null;
  scrutineer_name: string | null;
  scrutineer_confirmed_at: Date | null;
  published_at: Date | null;
}

/** Every version of a session's minutes, the newest first. */
export function minutesOf(q: Queryable, sessionId: string): Promise<MinutesRow[]> {
  return queryOn(q)<MinutesRow>(
    `SELECT m.id, m.version, m.body, m.correction_reason, m.edited_by, e.display_name AS editor_name, m.edited_at,
            m.chair_confirmed_by, c.display_name AS chair_name, m.chair_confirmed_at,
            m.scrutineer_confirmed_by, s.display_name AS scrutineer_name, m.scrutineer_confirmed_at, m.published_at
       FROM session_minutes m JOIN app_user e ON e.id = m.edited_by
       LEFT JOIN app_user c ON c.id = m.chair_confirmed_by LEFT JOIN app_user s ON s.id = m.scrutineer_confirmed_by
      WHERE m.session_id = $1 ORDER BY m.version DESC`,
    [sessionId],
  );
}

export async function insertMinutes(q: Queryable, sessionId: string, version: number, body: string, correctionReason: string | null, by: string): Promise<void> {
  await queryOn(q)(`INSERT INTO session_minutes (session_id, version, body, correction_reason, edited_by) VALUES ($1, $2, $3, $4, $5)`, [sessionId, version, body, correctionReason, by]);
}

/** Replaces the open version's text; the confirmations given to the text before go. */
export async function editMinutes(q: Queryable, minutesId: string, body: string, by: string): Promise<void> {
  await queryOn(q)(
    `UPDATE session_minutes SET body = $2, edited_by = $3, edited_at = now(),
            chair_confirmed_by = NULL, chair_confirmed_at = NULL, scrutineer_confirmed_by = NULL, scrutineer_confirmed_at = NULL
      WHERE id = $1 AND published_at IS NULL`,
    [minutesId, body, by],
  );
}

export async function confirmMinutes(q: Queryable, minutesId: string, as: 'chair' | 'scrutineer', by: string): Promise<void> {
  const column = as === 'chair' ? 'chair' : 'scrutineer';
  await queryOn(q)(`UPDATE session_minutes SET ${column}_confirmed_by = $2, ${column}_confirmed_at = now() WHERE id = $1 AND published_at IS NULL`, [minutesId, by]);
}

export async function publishMinutes(q: Queryable, minutesId: string): Promise<void> {
  await queryOn(q)(`UPDATE session_minutes SET published_at = now() WHERE id = $1 AND published_at IS NULL`, [minutesId]);
}

/** Serialises the writes to one session's minutes. */
export async function lockMinutes(q: Queryable, sessionId: string): Promise<void> {
  await queryOn(q)(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`session-minutes:${sessionId}`]);
}

export interface FollowUpRow {
  id: string;
  item_id: string;
  title: string;
  responsible: string;
  due_on: string;
  state: FollowUpState;
  created_at: Date;
  updates: { id: string; state: FollowUpState; note: string; photo_ids: string[]; by_name: string; at: string }[];
}

export function followUpsOf(q: Queryable, sessionId: string): Promise<FollowUpRow[]> {
  return queryOn(q)<FollowUpRow>(
    `SELECT f.id, f.item_id, f.title, f.responsible, to_char(f.due_on, 'YYYY-MM-DD') AS due_on, f.state, f.created_at,
            (SELECT coalesce(json_agg(json_build_object('id', u.id, 'state', u.state, 'note', u.note, 'photo_ids', u.photo_ids, 'by_name', a.display_name, 'at', u.at) ORDER BY u.at, u.id), '[]'::json)
               FROM session_follow_up_update u JOIN app_user a ON a.id = u.by WHERE u.follow_up_id = f.id) AS updates
       FROM session_follow_up f WHERE f.session_id = $1 ORDER BY f.due_on, f.created_at, f.id`,
    [sessionId],
  );
}

export async function insertFollowUp(q: Queryable, f: { sessionId: string; itemId: string; title: string; responsible: string; dueOn: string; by: string }): Promise<string> {
  const [row] = await queryOn(q)<{ id: string }>(
    `INSERT INTO session_follow_up (session_id, item_id, title, responsible, due_on, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [f.sessionId, f.itemId, f.title, f.responsible, f.dueOn, f.by],
  );
  return row!.id;
}

export async function lockFollowUp(q: Queryable, sessionId: string, followUpId: string): Promise<{ id: string; state: FollowUpState } | undefined> {
  const [row] = await queryOn(q)<{ id: string; state: FollowUpState }>(`SELECT id, state FROM session_follow_up WHERE id = $2 AND session_id = $1 FOR UPDATE`, [sessionId, followUpId]);
  return row;
}

export async function addFollowUpUpdate(q: Queryable, followUpId: string, update: { state: FollowUpState; note: string; photoIds: string[]; by: string }): Promise<void> {
  await queryOn(q)(`INSERT INTO session_follow_up_update (follow_up_id, state, note, photo_ids, by) VALUES ($1, $2, $3, $4, $5)`, [followUpId, update.state, update.note, update.photoIds, update.by]);
  await queryOn(q)(`UPDATE session_follow_up SET state = $2 WHERE id = $1`, [followUpId, update.state]);
}

/** Whether the file is a photo of one of the follow-up's updates. */
export async function followUpHasPhoto(q: Queryable, sessionId: string, followUpId: string, fileId: string): Promise<boolean> {
  const rows = await queryOn(q)(
    `SELECT 1 FROM session_follow_up_update u JOIN session_follow_up f ON f.id = u.follow_up_id WHERE f.id = $2 AND f.session_id = $1 AND $3::uuid = ANY(u.photo_ids)`,
    [sessionId, followUpId, fileId],
  );
  return rows.length > 0;
}

/**
 * Claims the follow-up items past their date (in the statutory day) and not done, not flagged
 * before: each is flagged once, whichever instance runs the job.
 */
export function claimOverdue(q: Queryable, today: string, limit: number): Promise<{ id: string; session_id: string; title: string; due_on: string; created_by: string; session_title: string }[]> {
  return queryOn(q)(
    `WITH due AS (SELECT id FROM session_follow_up WHERE state <> 'done' AND due_on < $1::date AND overdue_flagged_at IS NULL ORDER BY due_on, id LIMIT $2 FOR UPDATE SKIP LOCKED),
          done AS (UPDATE session_follow_up f SET overdue_flagged_at = now() FROM due WHERE f.id = due.id RETURNING f.id, f.session_id, f.title, to_char(f.due_on, 'YYYY-MM-DD') AS due_on)
     SELECT done.*, s.created_by, s.title AS session_title FROM done JOIN discussion_session s ON s.id = done.session_id`,
    [today, limit],
  );
}
