/** The addresses of a vote's pages. */
export const votePath = (voteId: string): string => `/votes/${voteId}`;

/** The bulletin board, with a receipt to look up when given. */
export const voteBoardPath = (voteId: string, receipt?: string | null): string =>
  receipt ? `/votes/${voteId}/board?receipt=${encodeURIComponent(receipt)}` : `/votes/${voteId}/board`;

export const voteResultPath = (voteId: string): string => `/votes/${voteId}/result`;
