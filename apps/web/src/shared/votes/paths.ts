/** The addresses of a vote's pages on the residents' side (the console links to them too). */
export const votePath = (voteId: string): string => `/votes/${voteId}`;

/** The bulletin board, with a receipt to look up when given. */
export const voteBoardPath = (voteId: string, receipt?: string | null): string =>
  receipt ? `/votes/${voteId}/board?receipt=${encodeURIComponent(receipt)}` : `/votes/${voteId}/board`;

/** The public notice (公示) of a vote's result. */
export const voteResultPath = (voteId: string): string => `/votes/${voteId}/result`;
