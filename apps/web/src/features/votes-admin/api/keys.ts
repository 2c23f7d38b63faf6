/**
 * Query keys of the console's vote pages. Whatever one vote shows — its detail, turnout, papers,
 * proxies, objections — starts with `voteKey(id)`, so a change invalidates all of it in one call.
 */
export const voteKey = (voteId: string) => ['vote', voteId] as const;

/** The votes of a unit. */
export const unitVotesKey = (unitId: string) => ['unit-votes', unitId] as const;

export const ALL_UNIT_VOTES_KEY = ['unit-votes'] as const;

/** Requests to shorten a vote waiting for the signed-in supervisor, by node. */
export const PENDING_SHORTENINGS_KEY = ['vote-admin', 'pending-shortenings'] as const;
