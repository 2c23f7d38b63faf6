/**
 * The problems of a roll file as staff read them: by row, in the order of the file, each with
 * its column and the reason in the language of the screen (the API writes both).
 */
import type { Language } from '../../../lib/preferences';
import type { RollImportPreview, RollProblem } from '../api/preview-import';

export interface ProblemLine {
  /** The column's header as written in the file; null for the row as a whole. */
  column: string | null;
  code: RollProblem['code'];
  reason: string;
}

export interface ProblemGroup {
  /** The row as Excel numbers it. */
  row: number;
  lines: ProblemLine[];
}

export function problemReason(problem: Pick<RollProblem, 'reason' | 'reasonEn'>, language: Language): string {
  return language === 'en' ? problem.reasonEn : problem.reason;
}

/** One group per row, rows in ascending order, each row's problems in the order the API gave them. */
export function groupProblemsByRow(problems: readonly RollProblem[], language: Language): ProblemGroup[] {
  const byRow = new Map<number, ProblemLine[]>();
  for (const problem of problems) {
    const lines = byRow.get(problem.row) ?? [];
    lines.push({ column: problem.column, code: problem.code, reason: problemReason(problem, language) });
    byRow.set(problem.row, lines);
  }
  return [...byRow.entries()].sort(([a], [b]) => a - b).map(([row, lines]) => ({ row, lines }));
}

/** Problems the API counted but did not list (it lists at most 1000). */
export function unlistedProblems(preview: Pick<RollImportPreview, 'problems' | 'problemCount'>): number {
  return Math.max(0, preview.problemCount - preview.problems.length);
}
