/** Requests to shorten a vote waiting for the signed-in supervisor, by node. (A vote's own keys are in shared/votes/query-keys.) */
export const PENDING_SHORTENINGS_KEY = ['vote-admin', 'pending-shortenings'] as const;
