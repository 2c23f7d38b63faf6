// temporary: to be replaced by the rolls store's read
import type { Choice } from '@yishi/domain';
import type { TxQuery } from '../database/pooled';
import type { Channel } from './ballots/ballot-choices';

/**
 * What votes read of the rolls' tables (owner, member, household, ownership, exclusive_unit,
 * building), gathered in one file so that the integrator can swap each for the rolls store's
 * function in one place. Most statements join the vote's frozen electorate (vote_voter) to the roll
 * entry behind a pseudonym, through the account linked to it.
 */

/**
 * SQL fragment: the voters the account ($2) is in the vote ($1) through its own roll entries,
 * optionally only voter $3, as caster rows (no agent). The roll entries are found by their linked
 * account (owner_user_idx / member_user_idx), then the electorate by its unique (vote, person)
 * index, in a correlated subquery so that it is always that index probe: a join would leave the
 * choice to the planner, and with the statistics of a vote opened a moment ago it may walk the
 * whole electorate of a large compound instead (140 ms a cast at 20,000 flats).
 */
export const OWN_CASTERS_SQL = `SELECT r.voter_id, NULL AS agent_voter_id, NULL::uuid AS agent_user_id
       FROM (SELECT (SELECT v.voter_id FROM vote_voter v WHERE v.vote_id = $1 AND v.person_type = 'owner' AND v.person_id = o.id) AS voter_id
               FROM owner o WHERE o.user_id = $2
             UNION ALL
             SELECT (SELECT v.voter_id FROM vote_voter v WHERE v.vote_id = $1 AND v.person_type = 'member' AND v.person_id = mb.id)
               FROM member mb WHERE mb.user_id = $2) r
      WHERE r.voter_id IS NOT NULL AND ($3::text IS NULL OR r.voter_id = $3)`;

/** A voter of the vote with the account linked to their roll entry, if any. */
export async function electorateVoterWithAccount(q: TxQuery, voteId: string, voterId: string): Promise<{ voter_id: string; name: string; user_id: string | null } | undefined> {
  const [voter] = await q<{ voter_id: string; name: string; user_id: string | null }>(
    `SELECT v.voter_id, v.name, coalesce(o.user_id, mb.user_id) AS user_id
       FROM vote_voter v
       LEFT JOIN owner o ON v.person_type = 'owner' AND o.id = v.person_id
       LEFT JOIN member mb ON v.person_type = 'member' AND mb.id = v.person_id
      WHERE v.vote_id = $1 AND v.voter_id = $2`,
    [voteId, voterId],
  );
  return voter;
}

/** The first voter of the vote (by voter id) whose roll entry is linked to the account, if any. */
export async function electorateVoterOfAccount(q: TxQuery, voteId: string, userId: string): Promise<{ voter_id: string; name: string } | undefined> {
  const [own] = await q<{ voter_id: string; name: string }>(
    `SELECT v.voter_id, v.name FROM vote_voter v
       LEFT JOIN owner o ON v.person_type = 'owner' AND o.id = v.person_id
       LEFT JOIN member mb ON v.person_type = 'member' AND mb.id = v.person_id
      WHERE v.vote_id = $1 AND coalesce(o.user_id, mb.user_id) = $2
      ORDER BY v.voter_id LIMIT 1`,
    [voteId, userId],
  );
  return own;
}

export interface AccountVoterRow {
  voter_id: string;
  name: string;
  unit_labels: string[];
  as: 'self' | 'proxy';
  /** A named vote's counted ballot of the voter (null columns when none, and always in a secret vote). */
  choice: Choice | null;
  ballot_channel: Channel | null;
  receipt: string | null;
  superseded_receipt: string | null;
  /** A secret vote's roll mark of the voter (null when none, and always in a named vote). */
  mark_channel: Channel | null;
}

/**
 * The voters an account may cast for — its own roll entries in the electorate, then the
 * principals of its accepted proxies — each with what they have cast so far, in one statement:
 * the counted ballot of a named vote, or the roll mark of a secret one.
 */
export function votersOfAccount(q: TxQuery, vote: { id: string; secrecy: 'named' | 'secret' }, userId: string): Promise<AccountVoterRow[]> {
  return q<AccountVoterRow>(
    `SELECT a.voter_id, a.name, a.unit_labels, a.as, b.choice, b.channel AS ballot_channel, b.receipt, b.superseded_receipt, k.channel AS mark_channel
       FROM (SELECT v.voter_id, v.name, v.unit_labels, 'self' AS as
               FROM vote_voter v
               LEFT JOIN owner o ON v.person_type = 'owner' AND o.id = v.person_id
               LEFT JOIN member mb ON v.person_type = 'member' AND mb.id = v.person_id
              WHERE v.vote_id = $1 AND coalesce(o.user_id, mb.user_id) = $2
             UNION ALL
             SELECT v.voter_id, v.name, v.unit_labels, 'proxy'
               FROM proxy_authorization p JOIN vote_voter v ON v.vote_id = p.vote_id AND v.voter_id = p.principal_voter_id
              WHERE p.vote_id = $1 AND p.agent_user_id = $2 AND p.status = 'accepted' AND p.revoked_at IS NULL) a
       LEFT JOIN ballot b ON $3 = 'named' AND b.vote_id = $1 AND b.voter_id = a.voter_id
       LEFT JOIN vote_mark k ON $3 = 'secret' AND k.vote_id = $1 AND k.voter_id = a.voter_id
      ORDER BY a.as, a.name`,
    [vote.id, userId, vote.secrecy],
  );
}

export interface CompoundRollRow {
  unit_id: string;
  number: string;
  area: number;
  building: string | null;
  owner_id: string;
  owner_kind: 'person' | 'developer';
  owner_name: string;
  designated: boolean;
}

/** A compound's current roll, one row per exclusive unit and owner, by unit number then owner name. */
export function compoundRoll(q: TxQuery, unitId: string): Promise<CompoundRollRow[]> {
  return q<CompoundRollRow>(
    `SELECT e.id AS unit_id, e.number, e.area_centi_m2 AS area, b.name AS building,
            o.id AS owner_id, o.kind AS owner_kind, o.name AS owner_name, s.is_designated_voter AS designated
       FROM exclusive_unit e
       LEFT JOIN building b ON b.id = e.building_id
       JOIN ownership s ON s.exclusive_unit_id = e.id AND s.removed_revision_id IS NULL
       JOIN owner o ON o.id = s.owner_id AND o.removed_revision_id IS NULL
      WHERE e.unit_id = $1 AND e.removed_revision_id IS NULL
      ORDER BY e.number, o.name`,
    [unitId],
  );
}

export interface CooperativeRollRow {
  id: string;
  name: string;
  birth_date: string;
  household_id: string;
  household_number: string;
  is_household_representative: boolean;
  is_member_representative: boolean;
}

/** A cooperative's current members with their households, by household number then name. */
export function cooperativeRoll(q: TxQuery, unitId: string): Promise<CooperativeRollRow[]> {
  return q<CooperativeRollRow>(
    `SELECT mb.id, mb.name, to_char(mb.birth_date, 'YYYY-MM-DD') AS birth_date, h.id AS household_id, h.number AS household_number,
            mb.is_household_representative, mb.is_member_representative
       FROM member mb JOIN household h ON h.id = mb.household_id
      WHERE mb.unit_id = $1 AND mb.removed_revision_id IS NULL AND h.removed_revision_id IS NULL
      ORDER BY h.number, mb.name`,
    [unitId],
  );
}

/** The building of each of these unit numbers of a compound (a current unit over a removed one; a car park space has none). */
export function buildingsOfUnitNumbers(q: TxQuery, unitId: string, numbers: string[]): Promise<{ number: string; building: string | null }[]> {
  return q<{ number: string; building: string | null }>(
    `SELECT DISTINCT ON (e.number) e.number, b.name AS building
       FROM exclusive_unit e LEFT JOIN building b ON b.id = e.building_id
      WHERE e.unit_id = $1 AND e.number = ANY($2::text[])
      ORDER BY e.number, (e.removed_revision_id IS NULL) DESC`,
    [unitId, numbers],
  );
}
