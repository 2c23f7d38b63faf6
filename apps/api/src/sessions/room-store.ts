import type { Queryable } from '../database/pooled';
import { queryOn } from '../database/pooled';
import type { OfficerRole } from './entities/session-officer.entity';
import type { SlipStatus } from './entities/session-slip.entity';

/**
 * The room's store: statements on `session_officer`, `session_guest`, `session_slip`,
 * `session_speech`, and the room's columns of `discussion_session` and `session_agenda_item`
 * (the item and clause on the screen, voting in the room, a show of hands, the recorder's gist).
 */

export interface OfficerRow {
  user_id: string;
  role: OfficerRole;
  display_name: string;
}

export function officersOf(q: Queryable, sessionId: string): Promise<OfficerRow[]> {
  return queryOn(q)<OfficerRow>(
    `SELECT o.user_id, o.role, u.display_name FROM session_officer o JOIN app_user u ON u.id = o.user_id
      WHERE o.session_id = $1 ORDER BY array_position(ARRAY['chair', 'recorder', 'teller', 'scrutineer'], o.role), u.display_name, o.user_id`,
    [sessionId],
  );
}

/** Replaces the officers of a session (the database keeps one chair, one recorder, and nobody both teller and scrutineer). */
export async function replaceOfficers(q: Queryable, sessionId: string, officers: readonly { userId: string; role: OfficerRole }[]): Promise<void> {
  await queryOn(q)(`DELETE FROM session_officer WHERE session_id = $1`, [sessionId]);
  if (!officers.length) return;
  await queryOn(q)(`INSERT INTO session_officer (session_id, user_id, role) SELECT $1, unnest($2::uuid[]), unnest($3::text[])`, [
    sessionId,
    officers.map((o) => o.userId),
    officers.map((o) => o.role),
  ]);
}

/** The roles an account holds at a session. */
export async function rolesOf(q: Queryable, sessionId: string, userId: string): Promise<Set<OfficerRole>> {
  const rows = await queryOn(q)<{ role: OfficerRole }>(`SELECT role FROM session_officer WHERE session_id = $1 AND user_id = $2`, [sessionId, userId]);
  return new Set(rows.map((r) => r.role));
}

/** Which of these accounts exist (officers are accounts). */
export async function existingAccounts(q: Queryable, userIds: readonly string[]): Promise<Map<string, string>> {
  if (!userIds.length) return new Map();
  const rows = await queryOn(q)<{ id: string; display_name: string }>(`SELECT id, display_name FROM app_user WHERE id = ANY($1::uuid[])`, [userIds]);
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

export interface GuestRow {
  id: string;
  name: string;
  affiliation: string;
  checked_in_at: Date | null;
  left_at: Date | null;
}

export function guestsOf(q: Queryable, sessionId: string): Promise<GuestRow[]> {
  return queryOn(q)<GuestRow>(`SELECT id, name, affiliation, checked_in_at, left_at FROM session_guest WHERE session_id = $1 ORDER BY created_at, id`, [sessionId]);
}

export async function insertGuest(q: Queryable, sessionId: string, guest: { name: string; affiliation: string }, by: string): Promise<string> {
  const [row] = await queryOn(q)<{ id: string }>(`INSERT INTO session_guest (session_id, name, affiliation, created_by) VALUES ($1, $2, $3, $4) RETURNING id`, [
    sessionId,
    guest.name,
    guest.affiliation,
    by,
  ]);
  return row!.id;
}

/** Checks a guest in, or records that they left; the row after, or undefined when no such guest. */
export async function guestArrivesOrLeaves(q: Queryable, sessionId: string, guestId: string, what: 'arrive' | 'leave'): Promise<{ changed: boolean; row: GuestRow } | undefined> {
  const set = what === 'arrive' ? `checked_in_at = now() WHERE checked_in_at IS NULL` : `left_at = now() WHERE checked_in_at IS NOT NULL AND left_at IS NULL`;
  const [changed] = await queryOn(q)<GuestRow>(
    `WITH done AS (UPDATE session_guest SET ${set} AND id = $2 AND session_id = $1 RETURNING id, name, affiliation, checked_in_at, left_at) SELECT * FROM done`,
    [sessionId, guestId],
  );
  if (changed) return { changed: true, row: changed };
  const [row] = await queryOn(q)<GuestRow>(`SELECT id, name, affiliation, checked_in_at, left_at FROM session_guest WHERE id = $2 AND session_id = $1`, [sessionId, guestId]);
  return row ? { changed: false, row } : undefined;
}

/** The item (and clause) on the screen. */
export async function setCurrent(q: Queryable, sessionId: string, itemId: string | null, clauseId: string | null): Promise<void> {
  await queryOn(q)(`UPDATE discussion_session SET current_item_id = $2, current_clause_id = $3 WHERE id = $1`, [sessionId, itemId, clauseId]);
}

export async function currentOf(q: Queryable, sessionId: string): Promise<{ item_id: string | null; clause_id: string | null }> {
  const [row] = await queryOn(q)<{ item_id: string | null; clause_id: string | null }>(
    `SELECT current_item_id AS item_id, current_clause_id AS clause_id FROM discussion_session WHERE id = $1`,
    [sessionId],
  );
  return row ?? { item_id: null, clause_id: null };
}

export interface RoomItemRow {
  gist: string;
  room_opened_at: Date | null;
  room_closed_at: Date | null;
  hands_for: number | null;
  hands_against: number | null;
  hands_abstain: number | null;
  hands_at: Date | null;
}

/** The room's record of each item of a session, by item id. */
export async function roomItemsOf(q: Queryable, sessionId: string): Promise<Map<string, RoomItemRow>> {
  const rows = await queryOn(q)<RoomItemRow & { id: string }>(
    `SELECT id, gist, room_opened_at, room_closed_at, hands_for, hands_against, hands_abstain, hands_at FROM session_agenda_item WHERE session_id = $1`,
    [sessionId],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** Opens or closes voting in the room on an item; false when it was not in the state to. */
export async function setRoomVoting(q: Queryable, sessionId: string, itemId: string, what: 'open' | 'close'): Promise<boolean> {
  const set = what === 'open' ? `room_opened_at = now() WHERE room_opened_at IS NULL` : `room_closed_at = now() WHERE room_opened_at IS NOT NULL AND room_closed_at IS NULL`;
  const rows = await queryOn(q)<{ id: string }>(`WITH done AS (UPDATE session_agenda_item SET ${set} AND id = $2 AND session_id = $1 RETURNING id) SELECT id FROM done`, [sessionId, itemId]);
  return rows.length === 1;
}

/** Records a show of hands on an item; false when one was already recorded. */
export async function recordHands(q: Queryable, sessionId: string, itemId: string, hands: { for: number; against: number; abstain: number }, by: string): Promise<boolean> {
  const rows = await queryOn(q)<{ id: string }>(
    `WITH done AS (UPDATE session_agenda_item SET hands_for = $3, hands_against = $4, hands_abstain = $5, hands_by = $6, hands_at = now()
                    WHERE id = $2 AND session_id = $1 AND hands_at IS NULL RETURNING id) SELECT id FROM done`,
    [sessionId, itemId, hands.for, hands.against, hands.abstain, by],
  );
  return rows.length === 1;
}

export async function setGist(q: Queryable, sessionId: string, itemId: string, gist: string): Promise<void> {
  await queryOn(q)(`UPDATE session_agenda_item SET gist = $3 WHERE id = $2 AND session_id = $1`, [sessionId, itemId, gist]);
}

export interface SlipRow {
  id: string;
  item_id: string;
  vote_id: string;
  voter_id: string;
  choice: unknown;
  status: SlipStatus;
  entered_by: string;
  entered_at: Date;
  confirmed_by: string | null;
  confirmed_at: Date | null;
  refusal: string | null;
  receipt: string | null;
  superseded_receipt: string | null;
}

const SLIP_COLUMNS = `id, item_id, vote_id, voter_id, choice, status, entered_by, entered_at, confirmed_by, confirmed_at, refusal, receipt, superseded_receipt`;

/** Enters a slip; undefined when a live slip of this voter is already on the item. */
export async function insertSlip(q: Queryable, slip: { itemId: string; voteId: string; voterId: string; choice: string; by: string }): Promise<SlipRow | undefined> {
  const [row] = await queryOn(q)<SlipRow>(
    `INSERT INTO session_slip (item_id, vote_id, voter_id, choice, entered_by) VALUES ($1, $2, $3, to_jsonb($4::text), $5)
     ON CONFLICT (item_id, voter_id) WHERE status <> 'refused' DO NOTHING RETURNING ${SLIP_COLUMNS}`,
    [slip.itemId, slip.voteId, slip.voterId, slip.choice, slip.by],
  );
  return row;
}

export async function lockSlip(q: Queryable, itemId: string, slipId: string): Promise<SlipRow | undefined> {
  const [row] = await queryOn(q)<SlipRow>(`SELECT ${SLIP_COLUMNS} FROM session_slip WHERE id = $2 AND item_id = $1 FOR UPDATE`, [itemId, slipId]);
  return row;
}

/** The live slip of a voter on an item. */
export async function liveSlipOf(q: Queryable, itemId: string, voterId: string): Promise<SlipRow | undefined> {
  const [row] = await queryOn(q)<SlipRow>(`SELECT ${SLIP_COLUMNS} FROM session_slip WHERE item_id = $1 AND voter_id = $2 AND status <> 'refused'`, [itemId, voterId]);
  return row;
}

/** Settles a slip: counted (with its receipts) or refused with the reason; a secret vote's slip forgets its choice either way. */
export async function settleSlip(
  q: Queryable,
  slipId: string,
  outcome: { status: 'counted'; receipt: string | null; supersededReceipt: string | null; forget: boolean } | { status: 'refused'; refusal: string; forget: boolean },
  by: string,
): Promise<void> {
  if (outcome.status === 'counted') {
    await queryOn(q)(
      `UPDATE session_slip SET status = 'counted', confirmed_by = $2, confirmed_at = now(), receipt = $3, superseded_receipt = $4, choice = CASE WHEN $5 THEN NULL ELSE choice END WHERE id = $1`,
      [slipId, by, outcome.receipt, outcome.supersededReceipt, outcome.forget],
    );
  } else {
    await queryOn(q)(`UPDATE session_slip SET status = 'refused', confirmed_by = $2, confirmed_at = now(), refusal = $3, choice = CASE WHEN $4 THEN NULL ELSE choice END WHERE id = $1`, [
      slipId,
      by,
      outcome.refusal,
      outcome.forget,
    ]);
  }
}

export function slipsOf(q: Queryable, itemId: string): Promise<SlipRow[]> {
  return queryOn(q)<SlipRow>(`SELECT ${SLIP_COLUMNS} FROM session_slip WHERE item_id = $1 ORDER BY entered_at, id`, [itemId]);
}

export interface SpeechRow {
  id: string;
  item_id: string | null;
  person_type: 'owner' | 'member' | null;
  person_id: string | null;
  guest_id: string | null;
  via: 'phone' | 'desk';
  requested_at: Date;
  called_at: Date | null;
  ended_at: Date | null;
}

const SPEECH_COLUMNS = `id, item_id, person_type, person_id, guest_id, via, requested_at, called_at, ended_at`;

/** Those speaking and waiting, in the order they asked. */
export function speechesWaiting(q: Queryable, sessionId: string): Promise<SpeechRow[]> {
  return queryOn(q)<SpeechRow>(
    `SELECT ${SPEECH_COLUMNS} FROM session_speech WHERE session_id = $1 AND ended_at IS NULL AND withdrawn_at IS NULL ORDER BY called_at NULLS LAST, requested_at, id`,
    [sessionId],
  );
}

/** Asks to speak; undefined when this speaker is already waiting or speaking. */
export async function requestSpeech(
  q: Queryable,
  speech: { sessionId: string; itemId: string | null; personType: 'owner' | 'member' | null; personId: string | null; guestId: string | null; via: 'phone' | 'desk' },
): Promise<SpeechRow | undefined> {
  const key = speech.guestId ? `guest:${speech.guestId}` : `${speech.personType}:${speech.personId}`;
  const [row] = await queryOn(q)<SpeechRow>(
    `INSERT INTO session_speech (session_id, item_id, person_type, person_id, guest_id, speaker_key, via) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (session_id, speaker_key) WHERE ended_at IS NULL AND withdrawn_at IS NULL DO NOTHING RETURNING ${SPEECH_COLUMNS}`,
    [speech.sessionId, speech.itemId, speech.personType, speech.personId, speech.guestId, key, speech.via],
  );
  return row;
}

/** Ends whoever is speaking and calls the next in the queue; the one now speaking, if any. */
export async function callNextSpeaker(q: Queryable, sessionId: string): Promise<SpeechRow | undefined> {
  await queryOn(q)(`UPDATE session_speech SET ended_at = now() WHERE session_id = $1 AND called_at IS NOT NULL AND ended_at IS NULL AND withdrawn_at IS NULL`, [sessionId]);
  const [next] = await queryOn(q)<SpeechRow>(
    `WITH next AS (SELECT id FROM session_speech WHERE session_id = $1 AND called_at IS NULL AND withdrawn_at IS NULL ORDER BY requested_at, id LIMIT 1 FOR UPDATE),
          done AS (UPDATE session_speech s SET called_at = now() FROM next WHERE s.id = next.id RETURNING s.${SPEECH_COLUMNS.split(', ').join(', s.')})
     SELECT * FROM done`,
    [sessionId],
  );
  return next;
}

/** Withdraws a speaker's waiting request; false when they had none waiting. */
export async function withdrawSpeech(q: Queryable, sessionId: string, key: string): Promise<boolean> {
  const rows = await queryOn(q)<{ id: string }>(
    `WITH done AS (UPDATE session_speech SET withdrawn_at = now() WHERE session_id = $1 AND speaker_key = $2 AND called_at IS NULL AND withdrawn_at IS NULL RETURNING id) SELECT id FROM done`,
    [sessionId, key],
  );
  return rows.length === 1;
}

/** Lock that serialises the chair's calls on one session's queue. */
export async function lockSpeakers(q: Queryable, sessionId: string): Promise<void> {
  await queryOn(q)(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`session-speakers:${sessionId}`]);
}
