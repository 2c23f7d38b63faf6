/** Counts of top-level comments per place of a version: each clause, and the whole draft. */

interface PlaceCountLike {
  versionId: string;
  clauseId: string | null;
  comments: number;
}

export interface VersionCounts {
  /** By clause id. */
  byClause: Map<string, number>;
  wholeDraft: number;
  total: number;
}

export function versionCounts(counts: readonly PlaceCountLike[] | undefined, versionId: string): VersionCounts {
  const byClause = new Map<string, number>();
  let wholeDraft = 0;
  let total = 0;
  for (const count of counts ?? []) {
    if (count.versionId !== versionId) continue;
    total += count.comments;
    if (count.clauseId === null) wholeDraft += count.comments;
    else byClause.set(count.clauseId, (byClause.get(count.clauseId) ?? 0) + count.comments);
  }
  return { byClause, wholeDraft, total };
}
