/** Where a vote's console page is. (The residents' pages of a vote are in shared/votes/paths.) */
export const voteConsolePath = (voteId: string): string => `/console/votes/${voteId}`;
