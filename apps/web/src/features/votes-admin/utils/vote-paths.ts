/** Where a vote's console page is. */
export const voteConsolePath = (voteId: string): string => `/console/votes/${voteId}`;

/** The public notice (公示) of a vote's result, on the residents' side of the app. */
export const voteResultPath = (voteId: string): string => `/votes/${voteId}/result`;

/** The residents' page of a vote. */
export const voteResidentPath = (voteId: string): string => `/votes/${voteId}`;
