/**
 * Query keys of votes, shared by the resident pages and the console (a feature never imports
 * another; they meet on these keys). Whatever one vote shows — its detail, turnout, board, result,
 * papers, proxies, objections — starts with `voteKey(id)`, so a cast, an objection or a change in
 * the console invalidates all of it in one call.
 */
export const voteKey = (voteId: string) => ['vote', voteId] as const;

/** The votes of a unit. */
export const unitVotesKey = (unitId: string) => ['unit-votes', unitId] as const;

/** Every unit's list of votes (a new or changed vote may show on several). */
export const ALL_UNIT_VOTES_KEY = ['unit-votes'] as const;
