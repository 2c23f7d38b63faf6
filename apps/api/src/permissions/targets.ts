import type { RecordTable } from '../common/request-context';

/**
 * The one resolver from a route parameter to the node(s) a request is about, used by the access
 * guard for every `@Permission` route: entity kind → the SQL that finds it and its unit. Like
 * immich's access repository, it is the one place that reads every feature's tables for access
 * (a feature's own store still owns every other statement about them).
 *
 * Each statement takes the id as $1 and returns at most one row of the same shape.
 */

/** What a `@Permission` route's parameter may refer to. */
export const TARGET_KINDS = ['node', 'unit', 'vote', 'objection', 'shortening', 'consultation', 'comment', 'briefing', 'topic', 'grant', 'session'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/**
 * Who may act on a target besides the roles that allow the route's action, by how they stand to it:
 * - `voter`: on the vote's frozen electorate, through the account linked to their roll entry;
 * - `proxyAgent`: holds an accepted, unrevoked proxy of a voter of the vote;
 * - `author`: raised the topic online;
 * - `sessionOfficer`: named to run the session's room (chair, recorder, teller, scrutineer); the
 *   service then checks which of those the action needs.
 */
export const ACCESS_EXCEPTIONS = ['voter', 'proxyAgent', 'author', 'sessionOfficer'] as const;
export type AccessException = (typeof ACCESS_EXCEPTIONS)[number];

/** The exceptions each kind of target can answer (a declaration naming another one is a mistake the route-table test reports). */
export const EXCEPTIONS_OF: Readonly<Record<TargetKind, readonly AccessException[]>> = {
  node: [],
  unit: [],
  vote: ['voter', 'proxyAgent'],
  objection: ['voter', 'proxyAgent'],
  shortening: [],
  consultation: [],
  comment: [],
  briefing: [],
  topic: ['author'],
  grant: [],
  session: ['sessionOfficer'],
};

/** A resolved target, as the guard leaves it on the request. */
export interface AccessTarget {
  kind: TargetKind;
  id: string;
  /**
   * The nodes the target belongs to: its unit (or the node itself); for a consultation and what
   * hangs off it, every unit it concerns. A role reaching one of them (or the owner node) makes the
   * target the caller's business; the action is checked on them, except where `owner` says.
   */
  nodes: string[];
  /** A consultation's node it is run from: managing and moderating it are checked there. */
  owner: string | null;
  /** A consultation still in its draft phase: seen by those who run it only. */
  draft: boolean;
  /** The vote the target is part of (for the voter and proxy-agent exceptions). */
  voteId: string | null;
  /** The account that raised a topic online. */
  authorId: string | null;
  /** The building named by the request, for building-scoped actions. */
  buildingId?: string | null;
}

/** Columns every statement returns: nodes uuid[], owner uuid, draft boolean, vote_id uuid, author_id uuid. */
const CONSULTATION_COLUMNS = `(SELECT array_agg(cu.unit_id ORDER BY cu.unit_id) FROM consultation_unit cu WHERE cu.consultation_id = c.id) AS nodes,
       c.owner_node_id AS owner, c.phase = 'draft' AS draft, NULL::uuid AS vote_id, NULL::uuid AS author_id`;

export const TARGET_SQL: Readonly<Record<TargetKind, string>> = {
  node: `SELECT ARRAY[n.id] AS nodes, NULL::uuid AS owner, false AS draft, NULL::uuid AS vote_id, NULL::uuid AS author_id FROM org_node n WHERE n.id = $1`,
  unit: `SELECT ARRAY[n.id] AS nodes, NULL::uuid AS owner, false AS draft, NULL::uuid AS vote_id, NULL::uuid AS author_id FROM org_node n WHERE n.id = $1`,
  vote: `SELECT ARRAY[v.unit_id] AS nodes, NULL::uuid AS owner, false AS draft, v.id AS vote_id, NULL::uuid AS author_id FROM vote v WHERE v.id = $1`,
  objection: `SELECT ARRAY[v.unit_id] AS nodes, NULL::uuid AS owner, false AS draft, v.id AS vote_id, NULL::uuid AS author_id
                FROM vote_objection o JOIN vote v ON v.id = o.vote_id WHERE o.id = $1`,
  shortening: `SELECT ARRAY[v.unit_id] AS nodes, NULL::uuid AS owner, false AS draft, v.id AS vote_id, NULL::uuid AS author_id
                 FROM vote_shortening s JOIN vote v ON v.id = s.vote_id WHERE s.id = $1`,
  consultation: `SELECT ${CONSULTATION_COLUMNS} FROM consultation c WHERE c.id = $1`,
  comment: `SELECT ${CONSULTATION_COLUMNS} FROM comment x JOIN consultation c ON c.id = x.consultation_id WHERE x.id = $1`,
  briefing: `SELECT ${CONSULTATION_COLUMNS} FROM briefing x JOIN consultation c ON c.id = x.consultation_id WHERE x.id = $1`,
  topic: `SELECT ARRAY[t.unit_id] AS nodes, NULL::uuid AS owner, false AS draft, NULL::uuid AS vote_id, t.author_id FROM topic t WHERE t.id = $1`,
  grant: `SELECT ARRAY[g.node_id] AS nodes, NULL::uuid AS owner, false AS draft, NULL::uuid AS vote_id, NULL::uuid AS author_id FROM role_grant g WHERE g.id = $1`,
  // A session concerns the units it invites (a joint meeting appears in each); it is run from its node.
  session: `SELECT (SELECT array_agg(su.unit_id ORDER BY su.unit_id) FROM session_unit su WHERE su.session_id = s.id) AS nodes,
                   s.node_id AS owner, s.status = 'draft' AS draft, NULL::uuid AS vote_id, NULL::uuid AS author_id
              FROM discussion_session s WHERE s.id = $1`,
};

/**
 * The columns of a vote the Vote entity selects: all but its electorate and its sealed box, large
 * text it reads only on purpose. They are named one by one: `to_jsonb(v) - 'electorate_json' - …`
 * would read and convert the frozen electorate (110 KB of text for a compound of 500 flats) on
 * every read of a vote only to drop it, 0.15-0.25 ms of the database's time per request.
 */
const VOTE_RECORD_COLUMNS = [
  'id', 'unit_id', 'consultation_id', 'title', 'title_en', 'question', 'question_en', 'question_kind', 'options', 'rule_set',
  'matter_kinds', 'lml63', 'secrecy', 'allow_change', 'opens_at', 'closes_at', 'status', 'turnout_public', 'proxy_cap',
  'objection_days', 'created_by', 'created_at', 'opened_at', 'early_reason', 'vote_json', 'chain_head', 'chain_length',
  'closed_at', 'result_json', 'final_at', 'cancelled_reason', 'public_token', 'board_published_at', 'board_published_by',
  'notice_ends_at', 'min_voting_hours', 'shortening_id', 'matters',
] as const;
/** A vote's row as jsonb: the columns the entity selects (VOTE_RECORD_COLUMNS). */
const VOTE_RECORD = { table: 'vote', sql: `(SELECT to_jsonb(r) FROM (SELECT ${VOTE_RECORD_COLUMNS.map((c) => `v.${c}`).join(', ')}) r)` } as const;
const CONSULTATION_RECORD = { table: 'consultation', sql: 'to_jsonb(c)' } as const;

/**
 * For a read, the row the target hangs from (its consultation, or its vote) as jsonb, read in the
 * guard's statement so that the service's own first read of it outside a transaction is answered
 * from there (takeTargetRecord): an expression on the alias TARGET_SQL gives that row.
 */
export const TARGET_RECORD: Readonly<Partial<Record<TargetKind, { table: RecordTable; sql: string }>>> = {
  vote: VOTE_RECORD,
  objection: VOTE_RECORD,
  shortening: VOTE_RECORD,
  consultation: CONSULTATION_RECORD,
  comment: CONSULTATION_RECORD,
  briefing: CONSULTATION_RECORD,
};

/** TARGET_SQL of the kind, with the `record` column first when asked and the kind has one (TARGET_RECORD). */
export function targetSql(on: TargetKind, withRecord: boolean): string {
  const record = withRecord ? TARGET_RECORD[on] : undefined;
  const sql = TARGET_SQL[on];
  if (!record) return sql;
  if (!sql.startsWith('SELECT ')) throw new Error(`TARGET_SQL.${on} does not start with SELECT`);
  return `SELECT ${record.sql} AS record, ${sql.slice('SELECT '.length)}`;
}

/** Whether the account ($2) stands to the vote — or, for `sessionOfficer`, the session — ($1) as the exception says. */
export const EXCEPTION_SQL: Readonly<Record<Exclude<AccessException, 'author'>, string>> = {
  // Through the account linked to the roll entry, into the frozen electorate by its (vote, person) index.
  voter: `SELECT EXISTS (
            SELECT 1 FROM owner o JOIN vote_voter v ON v.vote_id = $1 AND v.person_type = 'owner' AND v.person_id = o.id WHERE o.user_id = $2
            UNION ALL
            SELECT 1 FROM member mb JOIN vote_voter v ON v.vote_id = $1 AND v.person_type = 'member' AND v.person_id = mb.id WHERE mb.user_id = $2
          ) AS holds`,
  proxyAgent: `SELECT EXISTS (
                 SELECT 1 FROM proxy_authorization p WHERE p.vote_id = $1 AND p.agent_user_id = $2 AND p.status = 'accepted' AND p.revoked_at IS NULL
               ) AS holds`,
  sessionOfficer: `SELECT EXISTS (SELECT 1 FROM session_officer o WHERE o.session_id = $1 AND o.user_id = $2) AS holds`,
};

/** How a 404 names what was not found. */
export const TARGET_NOUNS: Readonly<Record<TargetKind, { noun: string; key: string }>> = {
  node: { noun: 'organization', key: 'nodeId' },
  unit: { noun: 'unit', key: 'unitId' },
  vote: { noun: 'vote', key: 'voteId' },
  objection: { noun: 'objection', key: 'objectionId' },
  shortening: { noun: 'request to shorten a vote', key: 'shorteningId' },
  consultation: { noun: 'consultation', key: 'consultationId' },
  comment: { noun: 'comment', key: 'commentId' },
  briefing: { noun: 'briefing', key: 'briefingId' },
  topic: { noun: 'topic', key: 'topicId' },
  grant: { noun: 'role grant', key: 'grantId' },
  session: { noun: 'session', key: 'sessionId' },
};
