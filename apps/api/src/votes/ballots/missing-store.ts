import type { TxQuery } from '../../database/pooled';
import { rollPhoneSql } from '../../rolls/roll-reads';
import type { ContactOutcome } from '../entities/vote-contact.entity';

/**
 * Who has not taken part in a vote yet, by the group the electorate files them under (the building
 * of a compound, the household of a cooperative): a named vote's counted ballots, a secret vote's
 * marked roll — never a choice. Statements on `vote_voter`, `ballot`, `vote_mark` and `vote_contact`,
 * and the phone numbers the roll holds now (the rolls' rollPhoneSql).
 *
 * Who has taken part is asked of the vote given (`$1`), not of each voter's row's vote: PostgreSQL
 * then hashes this vote's ballots or marks when it finds that cheaper than a lookup per voter,
 * instead of every ballot of the street (a Seq Scan of `ballot` on the area).
 */

/**
 * Whether voter `v` (a `vote_voter` row of vote `$1`) has taken part: a counted ballot of a named
 * vote, a mark on the roll of a secret one (`$2` is the vote's secrecy). Every statement here asks it.
 */
const TOOK_PART = `CASE WHEN $2 = 'secret' THEN EXISTS (SELECT 1 FROM vote_mark k WHERE k.vote_id = $1 AND k.voter_id = v.voter_id)
                      ELSE EXISTS (SELECT 1 FROM ballot b WHERE b.vote_id = $1 AND b.voter_id = v.voter_id) END`;

/** Per group: voters on the frozen electorate, and how many have taken part. */
export function turnoutByGroup(q: TxQuery, voteId: string, secrecy: 'named' | 'secret', group: string | null): Promise<{ group_label: string; voters: number; voted: number }[]> {
  return q(
    `SELECT v.group_label, count(*)::int AS voters,
            count(*) FILTER (WHERE ${TOOK_PART})::int AS voted
       FROM vote_voter v WHERE v.vote_id = $1 AND ($3::text IS NULL OR v.group_label = $3)
      GROUP BY v.group_label ORDER BY v.group_label`,
    [voteId, secrecy, group],
  );
}

export interface MissingVoterRow {
  voter_id: string;
  person_type: 'owner' | 'member';
  person_id: string;
  name: string;
  group_label: string;
  unit_labels: string[];
  contact: { outcome: ContactOutcome; note: string; by: string; at: string } | null;
  /** The phone number the roll holds for the voter now, if any. */
  phone: string | null;
}

/**
 * One group of the electorate: how many voters it has, and those who have not taken part, by
 * name, each with the latest door-to-door visit and the phone number the roll holds now. One
 * statement (a group with no voters gives none and nobody missing).
 */
export async function missingOfGroup(q: TxQuery, voteId: string, secrecy: 'named' | 'secret', group: string): Promise<{ voters: number; missing: MissingVoterRow[] }> {
  const rows = await q<{ voters: number } & (MissingVoterRow | { [K in keyof MissingVoterRow]: null })>(
    `WITH grp AS (SELECT count(*)::int AS voters FROM vote_voter WHERE vote_id = $1 AND group_label = $3)
     SELECT grp.voters, m.* FROM grp LEFT JOIN LATERAL (
       SELECT v.voter_id, v.person_type, v.person_id, v.name, v.group_label, v.unit_labels, ${rollPhoneSql('v.person_type', 'v.person_id')} AS phone,
              (SELECT json_build_object('outcome', c.outcome, 'note', c.note, 'by', u.display_name, 'at', c.at)
                 FROM vote_contact c JOIN app_user u ON u.id = c.by WHERE c.vote_id = v.vote_id AND c.voter_id = v.voter_id ORDER BY c.at DESC, c.id DESC LIMIT 1) AS contact
         FROM vote_voter v
        WHERE v.vote_id = $1 AND v.group_label = $3
          AND NOT ${TOOK_PART}) m ON true
      ORDER BY m.unit_labels, m.name, m.voter_id`,
    [voteId, secrecy, group],
  );
  return { voters: rows[0]?.voters ?? 0, missing: rows.filter((r): r is { voters: number } & MissingVoterRow => r.voter_id !== null) };
}

/** Every voter of the vote who has not taken part yet, as roll entries (for reminders; names and choices stay out). */
export function absentPersons(q: TxQuery, voteId: string, secrecy: 'named' | 'secret'): Promise<{ person_type: 'owner' | 'member'; person_id: string }[]> {
  return q(
    `SELECT v.person_type, v.person_id FROM vote_voter v
      WHERE v.vote_id = $1
        AND NOT ${TOOK_PART}`,
    [voteId, secrecy],
  );
}

/** The group a voter is filed under, if the voter is on the electorate. */
export async function voterGroup(q: TxQuery, voteId: string, voterId: string): Promise<string | undefined> {
  const [row] = await q<{ group_label: string }>(`SELECT group_label FROM vote_voter WHERE vote_id = $1 AND voter_id = $2`, [voteId, voterId]);
  return row?.group_label;
}

export async function insertContact(q: TxQuery, contact: { voteId: string; voterId: string; outcome: ContactOutcome; note: string; by: string }): Promise<void> {
  await q(`INSERT INTO vote_contact (vote_id, voter_id, outcome, note, by) VALUES ($1, $2, $3, $4, $5)`, [contact.voteId, contact.voterId, contact.outcome, contact.note, contact.by]);
}
