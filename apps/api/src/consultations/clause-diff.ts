/**
 * What changed between two versions of a draft, clause by clause, and inside a clause character
 * by character (Chinese text has no spaces to split words on, so characters are the unit).
 *
 * Pure: no Nest, no database. The drafts service feeds it the clauses of a version and of the one
 * before; a clause says which earlier clause it continues (`previousClauseId`), so renumbering,
 * insertion and removal are told apart without guessing.
 */
import { diffChars } from 'diff';

export type DiffOp = 'equal' | 'insert' | 'delete';

export interface DiffSegment {
  op: DiffOp;
  text: string;
}

/**
 * Above this many cells (changed characters of the old text × of the new text, after the common
 * start and end are set aside) the comparison is not worth showing character by character: the
 * changed middle is shown as deleted and inserted whole. The diff's own work grows with the length
 * times the number of edits, never beyond this product, so the guard also bounds its time: two
 * rewritten 1,400-character passages (2,000,000 cells) take a few milliseconds here.
 */
export const MAX_DIFF_CELLS = 2_000_000;

/**
 * The cells one version's diff may spend on all its clauses together (a few hundred
 * milliseconds at most); clauses past it are shown as replaced whole.
 */
export const MAX_DIFF_CELLS_PER_VERSION = 8_000_000;

/**
 * A character-level diff of `before` → `after`: a shortest edit script of their characters
 * (whole code points, so a rare character outside the BMP is never split), with
 * small coincidental matches inside a rewritten passage folded into it so the result reads as
 * "this phrase became that phrase". Concatenating the `equal` and `delete` texts gives `before`,
 * the `equal` and `insert` texts `after`.
 */
export function diffText(before: string, after: string, maxCells = MAX_DIFF_CELLS): DiffSegment[] {
  return diffWithin(before, after, maxCells, { cells: Number.POSITIVE_INFINITY });
}

/** diffText, also within what is left of a shared budget (and taking what it spent off it). */
function diffWithin(before: string, after: string, maxCells: number, budget: { cells: number }): DiffSegment[] {
  if (before === after) return before ? [{ op: 'equal', text: before }] : [];
  const a = Array.from(before);
  const b = Array.from(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const ops: [DiffOp, string][] = [];
  for (let i = 0; i < start; i += 1) ops.push(['equal', a[i]!]);
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const cells = midA.length * midB.length;
  if (cells > Math.min(maxCells, budget.cells)) {
    for (const ch of midA) ops.push(['delete', ch]);
    for (const ch of midB) ops.push(['insert', ch]);
  } else {
    budget.cells -= cells;
    ops.push(...charOps(midA, midB));
  }
  for (let i = endA; i < a.length; i += 1) ops.push(['equal', a[i]!]);
  return cleanup(merge(ops));
}

/**
 * Edit script of two character arrays: jsdiff's `diffChars` (Myers' O(ND) difference algorithm,
 * comparing whole code points), its change objects spelled out a character at a time for merge().
 */
function charOps(a: string[], b: string[]): [DiffOp, string][] {
  if (a.length === 0) return b.map((ch) => ['insert', ch]);
  if (b.length === 0) return a.map((ch) => ['delete', ch]);
  const ops: [DiffOp, string][] = [];
  for (const change of diffChars(a.join(''), b.join(''))) {
    const op: DiffOp = change.added ? 'insert' : change.removed ? 'delete' : 'equal';
    for (const ch of Array.from(change.value)) ops.push([op, ch]);
  }
  return ops;
}

/** Joins runs of the same operation; within a change, deletions come before insertions. */
function merge(ops: [DiffOp, string][]): DiffSegment[] {
  const out: DiffSegment[] = [];
  let del = '';
  let ins = '';
  const flush = (): void => {
    if (del) out.push({ op: 'delete', text: del });
    if (ins) out.push({ op: 'insert', text: ins });
    del = '';
    ins = '';
  };
  for (const [op, text] of ops) {
    if (op === 'delete') del += text;
    else if (op === 'insert') ins += text;
    else {
      flush();
      const last = out[out.length - 1];
      if (last?.op === 'equal') last.text += text;
      else out.push({ op: 'equal', text });
    }
  }
  flush();
  return out;
}

/**
 * Folds an unchanged stretch that sits between two changes and is no longer than the changes on
 * either side into them (the idea of diff-match-patch's semantic cleanup): 「由业委会负责」 →
 * 「由物业公司负责」 reads as 「业委会」 → 「物业公司」, not as 「+物」「业」「委会 → 公司」.
 */
function cleanup(segments: DiffSegment[]): DiffSegment[] {
  let current = segments;
  for (;;) {
    /** The larger side (deleted or inserted characters) of the change ending at / starting at k. */
    const changeSize = (k: number, step: -1 | 1): number => {
      let size = 0;
      for (let i = k; i >= 0 && i < current.length && current[i]!.op !== 'equal'; i += step) size = Math.max(size, Array.from(current[i]!.text).length);
      return size;
    };
    let folded = false;
    const out: DiffSegment[] = [];
    for (let k = 0; k < current.length; k += 1) {
      const seg = current[k]!;
      if (seg.op === 'equal') {
        const before = changeSize(k - 1, -1);
        const after = changeSize(k + 1, 1);
        if (before > 0 && after > 0 && Array.from(seg.text).length <= Math.min(before, after)) {
          out.push({ op: 'delete', text: seg.text }, { op: 'insert', text: seg.text });
          folded = true;
          continue;
        }
      }
      out.push(seg);
    }
    current = merge(out.map((s): [DiffOp, string] => [s.op, s.text]));
    if (!folded) return current;
  }
}

// --- Clauses --------------------------------------------------------------------------------

export interface OldClause {
  id: string;
  number: number;
  heading: string | null;
  body: string;
}

export interface NewClause extends OldClause {
  /** The clause of the previous version this one continues, if any. */
  previousClauseId: string | null;
  changeReason: string | null;
}

export type ClauseStatus = 'unchanged' | 'changed' | 'added' | 'removed';

export interface ClauseDiff {
  status: ClauseStatus;
  /** Number in the new version (null when removed). */
  number: number | null;
  /** Number in the previous version (null when added). */
  previousNumber: number | null;
  /** Continued under another number (renumbering alone is not a change). */
  renumbered: boolean;
  clauseId: string | null;
  previousClauseId: string | null;
  /** The text as it now reads (for a removed clause: as it read). */
  heading: string | null;
  body: string;
  /** Why the convenor changed it (any continued or added clause may carry one). */
  changeReason: string | null;
  /** Character diff of the heading; null unless changed. */
  headingDiff: DiffSegment[] | null;
  /** Character diff of the body; null unless changed. */
  bodyDiff: DiffSegment[] | null;
}

export interface ClauseDiffCounts {
  unchanged: number;
  changed: number;
  added: number;
  removed: number;
  renumbered: number;
}

/**
 * Every clause of the new version — unchanged, changed or added — in its order, with each clause
 * of the old version that no new clause continues placed as removed where it stood (after the
 * new clause that continues the old clause before it).
 */
export function diffClauses(
  previous: readonly OldClause[],
  current: readonly NewClause[],
  maxCells = MAX_DIFF_CELLS_PER_VERSION,
): { clauses: ClauseDiff[]; counts: ClauseDiffCounts } {
  const budget = { cells: maxCells };
  const oldById = new Map(previous.map((c) => [c.id, c]));
  const continued = new Set(current.map((c) => c.previousClauseId).filter((id): id is string => id !== null && oldById.has(id)));
  const removed = [...previous].filter((c) => !continued.has(c.id)).sort((x, y) => x.number - y.number);
  const counts: ClauseDiffCounts = { unchanged: 0, changed: 0, added: 0, removed: removed.length, renumbered: 0 };
  const out: ClauseDiff[] = [];
  const emitRemovedBefore = (number: number): void => {
    while (removed.length && removed[0]!.number < number) {
      const r = removed.shift()!;
      out.push({
        status: 'removed',
        number: null,
        previousNumber: r.number,
        renumbered: false,
        clauseId: null,
        previousClauseId: r.id,
        heading: r.heading,
        body: r.body,
        changeReason: null,
        headingDiff: null,
        bodyDiff: null,
      });
    }
  };
  for (const clause of [...current].sort((x, y) => x.number - y.number)) {
    const old = clause.previousClauseId ? oldById.get(clause.previousClauseId) : undefined;
    if (!old) {
      counts.added += 1;
      out.push({
        status: 'added',
        number: clause.number,
        previousNumber: null,
        renumbered: false,
        clauseId: clause.id,
        previousClauseId: null,
        heading: clause.heading,
        body: clause.body,
        changeReason: clause.changeReason,
        headingDiff: null,
        bodyDiff: null,
      });
      continue;
    }
    emitRemovedBefore(old.number);
    const changed = (old.heading ?? '') !== (clause.heading ?? '') || old.body !== clause.body;
    const renumbered = old.number !== clause.number;
    counts[changed ? 'changed' : 'unchanged'] += 1;
    if (renumbered) counts.renumbered += 1;
    out.push({
      status: changed ? 'changed' : 'unchanged',
      number: clause.number,
      previousNumber: old.number,
      renumbered,
      clauseId: clause.id,
      previousClauseId: old.id,
      heading: clause.heading,
      body: clause.body,
      changeReason: clause.changeReason,
      headingDiff: changed ? diffWithin(old.heading ?? '', clause.heading ?? '', MAX_DIFF_CELLS, budget) : null,
      bodyDiff: changed ? diffWithin(old.body, clause.body, MAX_DIFF_CELLS, budget) : null,
    });
  }
  emitRemovedBefore(Number.POSITIVE_INFINITY);
  return { clauses: out, counts };
}
