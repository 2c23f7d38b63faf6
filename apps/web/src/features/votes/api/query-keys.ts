/**
 * Query keys of votes. Whatever one vote shows — its detail, turnout, board, result, objections —
 * starts with `voteKey(id)`, so a cast or an objection invalidates all of it in one call.
 */
export const voteKey = (voteId: string) => ['vote', voteId] as const;

/** The votes of a unit. */
export const unitVotesKey = (unitId: string) => ['unit-votes', unitId] as const;
