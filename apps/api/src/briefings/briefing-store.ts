import type { EntityManager } from 'typeorm';

/**
 * The briefings store: every statement on `briefing` and `briefing_signup` that is not a plain
 * repository call, on the caller's transaction (or the data source's manager for a read).
 */

/** A briefing as a resident or its organiser reads it, with its counts and the reader's own sign-up. */
export interface BriefingRow {
  id: string;
  consultation_id: string;
  starts_at: Date;
  ends_at: Date;
  place: string;
  capacity: number;
  notes: string;
  walk_ins: number;
  cancelled_at: Date | null;
  created_at: Date;
  taken: number;
  attended: number;
  signed_up: boolean;
  attended_me: boolean;
}

const BRIEFING_COLUMNS = `b.id, b.consultation_id, b.starts_at, b.ends_at, b.place, b.capacity, b.notes, b.walk_ins, b.cancelled_at, b.created_at,
              (SELECT count(*)::int FROM briefing_signup s WHERE s.briefing_id = b.id) AS taken,
              (SELECT count(*)::int FROM briefing_signup s WHERE s.briefing_id = b.id AND s.attended_at IS NOT NULL) AS attended,
              EXISTS (SELECT 1 FROM briefing_signup s WHERE s.briefing_id = b.id AND s.user_id = $2::uuid) AS signed_up,
              EXISTS (SELECT 1 FROM briefing_signup s WHERE s.briefing_id = b.id AND s.user_id = $2::uuid AND s.attended_at IS NOT NULL) AS attended_me`;

/** One briefing as `readerId` sees it. */
export async function briefingRow(m: EntityManager, briefingId: string, readerId: string): Promise<BriefingRow | undefined> {
  const [row] = await m.query<BriefingRow[]>(`SELECT ${BRIEFING_COLUMNS} FROM briefing b WHERE b.id = $1`, [briefingId, readerId]);
  return row;
}

/** The briefings of a consultation in the order they take place, as `readerId` sees them. */
export function briefingRowsOf(m: EntityManager, consultationId: string, readerId: string): Promise<BriefingRow[]> {
  return m.query<BriefingRow[]>(`SELECT ${BRIEFING_COLUMNS} FROM briefing b WHERE b.consultation_id = $1 ORDER BY b.starts_at, b.id`, [consultationId, readerId]);
}

/** Who signed up for a briefing. */
export async function signedUpUserIds(m: EntityManager, briefingId: string): Promise<string[]> {
  const rows = await m.query<{ user_id: string }[]>(`SELECT user_id FROM briefing_signup WHERE briefing_id = $1`, [briefingId]);
  return rows.map((r) => r.user_id);
}

/** Those of `userIds` who signed up for a briefing. */
export async function signedUpAmong(m: EntityManager, briefingId: string, userIds: string[]): Promise<string[]> {
  const rows = await m.query<{ user_id: string }[]>(`SELECT user_id FROM briefing_signup WHERE briefing_id = $1 AND user_id = ANY($2::uuid[])`, [briefingId, userIds]);
  return rows.map((r) => r.user_id);
}

/** Whether a person signed up for a briefing. */
export async function isSignedUp(m: EntityManager, briefingId: string, userId: string): Promise<boolean> {
  const [row] = await m.query<unknown[]>(`SELECT 1 FROM briefing_signup WHERE briefing_id = $1 AND user_id = $2`, [briefingId, userId]);
  return row !== undefined;
}

/** Signs a person up (the capacity trigger refuses one past capacity: `briefing_signup_capacity`). */
export async function insertSignup(m: EntityManager, briefingId: string, userId: string): Promise<void> {
  await m.query(`INSERT INTO briefing_signup (briefing_id, user_id) VALUES ($1, $2)`, [briefingId, userId]);
}

/** Withdraws a person's sign-up. */
export async function deleteSignup(m: EntityManager, briefingId: string, userId: string): Promise<void> {
  await m.query(`DELETE FROM briefing_signup WHERE briefing_id = $1 AND user_id = $2`, [briefingId, userId]);
}

/** The sign-ups with the names of those who signed up, in the order they signed up. */
export function signupsWithNames(m: EntityManager, briefingId: string): Promise<{ user_id: string; display_name: string; created_at: Date; attended_at: Date | null }[]> {
  return m.query(
    `SELECT s.user_id, u.display_name, s.created_at, s.attended_at
       FROM briefing_signup s JOIN app_user u ON u.id = s.user_id
      WHERE s.briefing_id = $1 ORDER BY s.created_at, s.user_id`,
    [briefingId],
  );
}

/** Marks signed-up people present (keeping the time of an earlier mark) or not present. */
export async function markAttendance(m: EntityManager, briefingId: string, userIds: string[], present: boolean): Promise<void> {
  if (present) await m.query(`UPDATE briefing_signup SET attended_at = now() WHERE briefing_id = $1 AND user_id = ANY($2::uuid[]) AND attended_at IS NULL`, [briefingId, userIds]);
  else await m.query(`UPDATE briefing_signup SET attended_at = NULL WHERE briefing_id = $1 AND user_id = ANY($2::uuid[])`, [briefingId, userIds]);
}

/** How many signed up for a briefing, and how many of them were marked present. */
export async function signupCounts(m: EntityManager, briefingId: string): Promise<{ taken: number; attended: number }> {
  const [row] = await m.query<{ taken: number; attended: number }[]>(
    `SELECT count(*)::int AS taken, (count(*) FILTER (WHERE attended_at IS NOT NULL))::int AS attended FROM briefing_signup WHERE briefing_id = $1`,
    [briefingId],
  );
  return row!;
}
