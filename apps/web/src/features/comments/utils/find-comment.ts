/** Finding a comment, or one of its replies, among threads. */

export interface CommentPlaceOf {
  versionNumber: number;
  /** Null: on the whole draft. */
  clauseNumber: number | null;
  /** The top-level comment it is, or answers. */
  threadId: string;
}

interface ThreadLike {
  id: string;
  versionNumber: number;
  clauseNumber: number | null;
  replies: readonly { id: string }[];
}

export function findComment(threads: readonly ThreadLike[], commentId: string): CommentPlaceOf | null {
  const id = commentId.toLowerCase();
  for (const thread of threads) {
    if (thread.id.toLowerCase() === id || thread.replies.some((reply) => reply.id.toLowerCase() === id)) {
      return { versionNumber: thread.versionNumber, clauseNumber: thread.clauseNumber, threadId: thread.id };
    }
  }
  return null;
}

/** Whether a comment (or a reply) is among the threads loaded so far. */
export function isLoaded(threads: readonly ThreadLike[], commentId: string): boolean {
  return findComment(threads, commentId) !== null;
}
