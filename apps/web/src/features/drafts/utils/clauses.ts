/** Reading a draft clause by clause: short excerpts for the index, and what changed in a clause. */

/** The first `max` characters of a text on one line, with 「…」 when cut. */
export function excerpt(text: string, max = 40): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const characters = [...line];
  return characters.length <= max ? line : `${characters.slice(0, max).join('')}…`;
}

export interface ClauseDiffLike {
  status: 'unchanged' | 'changed' | 'added' | 'removed';
  clauseId: string | null;
  renumbered: boolean;
}

/** The diff entry of a clause of this version, when it changed, was added or was renumbered. */
export function clauseChange<D extends ClauseDiffLike>(clauses: readonly D[], clauseId: string): D | null {
  const entry = clauses.find((clause) => clause.clauseId === clauseId);
  return entry && (entry.status !== 'unchanged' || entry.renumbered) ? entry : null;
}

/** The entries worth showing in 「修改之处」: every clause changed, added, removed or renumbered. */
export function changedClauses<D extends ClauseDiffLike>(clauses: readonly D[]): D[] {
  return clauses.filter((clause) => clause.status !== 'unchanged' || clause.renumbered);
}
