import type { Queryable } from '../../database/pooled';
import { queryOn } from '../../database/pooled';

/** Statements on `vote_reminder`: the reminders a convenor sets, and the job's claim of those due. */

export interface ReminderRow {
  hours_before: number;
  sent_at: Date | null;
  recipients: number | null;
}

export function remindersOf(q: Queryable, voteId: string): Promise<ReminderRow[]> {
  return queryOn(q)<ReminderRow>(`SELECT hours_before, sent_at, recipients FROM vote_reminder WHERE vote_id = $1 ORDER BY hours_before DESC`, [voteId]);
}

/** Replaces the reminders not yet sent with `hours`; those already sent stay as the record of what went out. */
export async function replaceUnsent(q: Queryable, voteId: string, hours: readonly number[]): Promise<void> {
  const run = queryOn(q);
  await run(`DELETE FROM vote_reminder WHERE vote_id = $1 AND sent_at IS NULL AND NOT (hours_before = ANY($2::int[]))`, [voteId, hours]);
  await run(`INSERT INTO vote_reminder (vote_id, hours_before) SELECT $1, h FROM unnest($2::int[]) AS h ON CONFLICT (vote_id, hours_before) DO NOTHING`, [voteId, hours]);
}

export interface DueReminder {
  vote_id: string;
  title: string;
  closes_at: Date;
  secrecy: 'named' | 'secret';
  hours: number[];
}

/**
 * Claims the reminders due now of open votes, by setting their `sent_at` — a conditional UPDATE,
 * so of two instances only one claims each — grouped by vote (reminders that fell due together,
 * after a stop, make one message). Reminders of votes that have closed are not claimed.
 */
export function claimDueReminders(q: Queryable, now: Date): Promise<DueReminder[]> {
  return queryOn(q)<DueReminder>(
    `WITH due AS (
       UPDATE vote_reminder r SET sent_at = $1, recipients = 0
         FROM vote v
        WHERE r.vote_id = v.id AND r.sent_at IS NULL AND v.status = 'open' AND v.closes_at > $1
          AND v.closes_at - make_interval(hours => r.hours_before) <= $1
       RETURNING r.vote_id, r.hours_before, v.title, v.closes_at, v.secrecy)
     SELECT vote_id, title, closes_at, secrecy, array_agg(hours_before ORDER BY hours_before) AS hours FROM due GROUP BY vote_id, title, closes_at, secrecy`,
    [now],
  );
}

export async function setRecipients(q: Queryable, voteId: string, hours: readonly number[], recipients: number): Promise<void> {
  await queryOn(q)(`UPDATE vote_reminder SET recipients = $3 WHERE vote_id = $1 AND hours_before = ANY($2::int[])`, [voteId, hours, recipients]);
}
