import type { DeliveryState, MessageChannel, OutboundKind } from '@yishi/contracts';
import type { Queryable } from '../database/pooled';
import { queryOn } from '../database/pooled';

/**
 * The messages store: statements on `message_preference` and `message_delivery`. An UPDATE whose
 * rows are wanted is wrapped in a WITH … SELECT: TypeORM answers a bare UPDATE with [rows, count].
 */

export interface Recipient {
  user_id: string;
  phone: string;
  channel: MessageChannel;
  muted_kinds: OutboundKind[];
  wechat_openid: string | null;
  /** Texts created for the person in the last 24 hours that are sent or on their way. */
  recent: number;
}

/**
 * Holds each account's texting lock until the transaction ends, taken in the order of their ids
 * so that two instances never wait on each other in a circle. Two instances hand out the notices
 * of the same person at once; without it, each counted only the texts the other had not yet
 * committed and both stayed under the daily limit (5 texts where 4 are allowed). Taken before
 * `recipients`, whose count then sees what the other instance committed.
 */
export async function lockRecipients(q: Queryable, userIds: readonly string[]): Promise<void> {
  await queryOn(q)(
    `SELECT pg_advisory_xact_lock(hashtext('message-recipient:' || s.id::text)) FROM (SELECT id FROM unnest($1::uuid[]) AS u(id) ORDER BY id OFFSET 0) s`,
    [[...new Set(userIds)]],
  );
}

/** Each account's phone, preference (the default when none is kept) and recent texts; disabled accounts are left out. */
export function recipients(q: Queryable, userIds: readonly string[], since: Date): Promise<Recipient[]> {
  return queryOn(q)<Recipient>(
    `SELECT u.id AS user_id, u.phone, coalesce(p.channel, 'sms') AS channel, coalesce(p.muted_kinds, '{}') AS muted_kinds, p.wechat_openid,
            (SELECT count(*)::int FROM message_delivery d WHERE d.user_id = u.id AND d.created_at > $2 AND d.state IN ('pending', 'sending', 'sent')) AS recent
       FROM app_user u LEFT JOIN message_preference p ON p.user_id = u.id
      WHERE u.id = ANY($1::uuid[]) AND u.disabled_at IS NULL`,
    [userIds, since],
  );
}

export interface NewDelivery {
  notification_id: string;
  user_id: string;
  channel: 'sms' | 'wechat';
  address: string;
  body: string;
  state: 'pending' | 'skipped';
  next_attempt_at: string;
  expires_at: string | null;
  last_error: string | null;
}

/** Logs the texts of a batch of notices; a notice that already has one keeps it. */
export async function insertDeliveries(q: Queryable, rows: readonly NewDelivery[]): Promise<void> {
  if (rows.length === 0) return;
  await queryOn(q)(
    `INSERT INTO message_delivery (notification_id, user_id, channel, address, body, state, next_attempt_at, expires_at, last_error)
     SELECT x.notification_id, x.user_id, x.channel, x.address, x.body, x.state, x.next_attempt_at, x.expires_at, x.last_error
       FROM jsonb_to_recordset($1::jsonb) AS x(notification_id uuid, user_id uuid, channel text, address text, body text, state text, next_attempt_at timestamptz, expires_at timestamptz, last_error text)
     ON CONFLICT (notification_id) DO NOTHING`,
    [JSON.stringify(rows)],
  );
}

export interface ClaimedDelivery {
  id: string;
  channel: 'sms' | 'wechat';
  address: string;
  body: string;
  attempts: number;
}

/**
 * Claims up to `batch` texts due now for sending, in a statement of their own (committed before
 * anything is handed to a provider): rows another instance is claiming are skipped, and a claimed
 * row is `sending` until its outcome is recorded. Texts past their use are skipped as expired first.
 */
export async function claimDue(q: Queryable, now: Date, batch: number): Promise<ClaimedDelivery[]> {
  const run = queryOn(q);
  await run(`UPDATE message_delivery SET state = 'skipped', last_error = 'expired: what it told of had already passed' WHERE state = 'pending' AND expires_at <= $1`, [now]);
  return run<ClaimedDelivery>(
    `WITH claimed AS (
       UPDATE message_delivery d SET state = 'sending', claimed_at = $1, attempts = d.attempts + 1
        WHERE d.id IN (SELECT id FROM message_delivery WHERE state = 'pending' AND next_attempt_at <= $1 ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING d.id, d.channel, d.address, d.body, d.attempts)
     SELECT * FROM claimed`,
    [now, batch],
  );
}

/** Records a text's outcome: sent, to be tried again at `retryAt`, or given up. */
export async function recordOutcome(
  q: Queryable,
  id: string,
  outcome: { state: 'sent'; ref: string | null; at: Date } | { state: 'pending'; error: string; retryAt: Date } | { state: 'failed'; error: string },
): Promise<void> {
  const run = queryOn(q);
  if (outcome.state === 'sent') {
    await run(`UPDATE message_delivery SET state = 'sent', sent_at = $2, provider_ref = $3, last_error = NULL WHERE id = $1 AND state = 'sending'`, [id, outcome.at, outcome.ref]);
  } else if (outcome.state === 'pending') {
    await run(`UPDATE message_delivery SET state = 'pending', next_attempt_at = $2, last_error = $3 WHERE id = $1 AND state = 'sending'`, [id, outcome.retryAt, outcome.error]);
  } else {
    await run(`UPDATE message_delivery SET state = 'failed', last_error = $2 WHERE id = $1 AND state = 'sending'`, [id, outcome.error]);
  }
}

/**
 * Texts left `sending` by an instance that stopped mid-way: the provider may or may not have taken
 * them, so they are marked failed rather than sent again (a text is never sent twice).
 */
export async function abandonStale(q: Queryable, before: Date): Promise<number> {
  const rows = await queryOn(q)(
    `WITH stale AS (UPDATE message_delivery SET state = 'failed', last_error = 'interrupted while sending: outcome unknown, not sent again' WHERE state = 'sending' AND claimed_at < $1 RETURNING id)
     SELECT id FROM stale`,
    [before],
  );
  return rows.length;
}

export interface PreferenceRow {
  channel: MessageChannel;
  muted_kinds: OutboundKind[];
  wechat_openid: string | null;
}

export async function preferenceOf(q: Queryable, userId: string): Promise<PreferenceRow> {
  const [row] = await queryOn(q)<PreferenceRow>(`SELECT channel, muted_kinds, wechat_openid FROM message_preference WHERE user_id = $1`, [userId]);
  return row ?? { channel: 'sms', muted_kinds: [], wechat_openid: null };
}

export async function savePreference(q: Queryable, userId: string, pref: { channel: MessageChannel; mutedKinds: readonly OutboundKind[] }): Promise<void> {
  await queryOn(q)(
    `INSERT INTO message_preference (user_id, channel, muted_kinds) VALUES ($1, $2, $3::text[])
     ON CONFLICT (user_id) DO UPDATE SET channel = EXCLUDED.channel, muted_kinds = EXCLUDED.muted_kinds, updated_at = now()`,
    [userId, pref.channel, pref.mutedKinds],
  );
}

/** Binds a WeChat openid to the account (taking it from any other account it was bound to) and makes WeChat its channel. */
export async function bindWechat(q: Queryable, userId: string, openid: string): Promise<void> {
  const run = queryOn(q);
  await run(`UPDATE message_preference SET wechat_openid = NULL, channel = CASE WHEN channel = 'wechat' THEN 'sms' ELSE channel END, updated_at = now() WHERE wechat_openid = $1 AND user_id <> $2`, [openid, userId]);
  await run(
    `INSERT INTO message_preference (user_id, channel, wechat_openid) VALUES ($1, 'wechat', $2)
     ON CONFLICT (user_id) DO UPDATE SET channel = 'wechat', wechat_openid = EXCLUDED.wechat_openid, updated_at = now()`,
    [userId, openid],
  );
}

export async function unbindWechat(q: Queryable, userId: string): Promise<void> {
  await queryOn(q)(`UPDATE message_preference SET wechat_openid = NULL, channel = CASE WHEN channel = 'wechat' THEN 'sms' ELSE channel END, updated_at = now() WHERE user_id = $1`, [userId]);
}

/** A person's latest texts, for their settings page: what went out and what became of it. */
export function recentOf(q: Queryable, userId: string, limit: number): Promise<{ id: string; channel: 'sms' | 'wechat'; state: DeliveryState; created_at: Date; sent_at: Date | null; body: string }[]> {
  return queryOn(q)(`SELECT id, channel, state, created_at, sent_at, body FROM message_delivery WHERE user_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`, [userId, limit]);
}
