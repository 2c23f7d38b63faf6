import type { UnitKind } from '@yishi/contracts';
import type { Cell } from './cells';
import { cellText, parsePhone, parseYesNo } from './cells';
import type { ColumnDef } from './columns';
import { columnsFor, findColumn, headerScore } from './columns';
import { checkIdNumber, normaliseIdNumber } from './id-number';
import type { PlanId } from './plan';
import type { RollProblem } from './problems';
import { problem, WARNING_CODES } from './problems';
import type { Table, TableRow } from './read-table';

/** A roll file may have at most this many data rows (a compound of 20,000 units with some co-owners). */
export const MAX_DATA_ROWS = 50_000;

export interface ParseContext {
  /** Today in China Standard Time (ISO date): for ages and birth dates. */
  today: string;
  /** The keyed hash of a normalised identity number (`keyedHash(secret, 'id-number', …)`). */
  hashIdNumber(normalised: string): string;
}

export interface ParseResult<P> {
  plan: P | null;
  /** Non-empty rows below the header. */
  dataRows: number;
  problems: RollProblem[];
  warnings: RollProblem[];
}

/**
 * The data rows of a table under its header row, with their cells looked up by column key.
 * Problems found while reading cells are collected here, each at its row and column.
 */
export class Sheet<K extends string> {
  readonly problems: RollProblem[] = [];
  readonly warnings: RollProblem[] = [];
  private constructor(
    private readonly columns: readonly ColumnDef<K>[],
    private readonly positions: Map<K, { index: number; header: string }>,
    readonly headerRow: number,
    readonly rows: TableRow[],
  ) {}

  /**
   * Finds the header row (the first of the first ten non-empty rows naming at least two known
   * columns: a title row above it is allowed), maps the columns and keeps the non-empty rows
   * below. Returns the problems instead when the file is not a roll of this kind at all.
   */
  static open<K extends string>(table: Table, kind: UnitKind): Sheet<K> | { problems: RollProblem[]; warnings: RollProblem[] } {
    const own = columnsFor(kind) as readonly ColumnDef<K>[];
    const other = columnsFor(kind === 'cooperative' ? 'compound' : 'cooperative');
    const nonEmpty = table.rows.filter((r) => r.cells.some((c) => cellText(c) !== ''));
    const texts = (r: TableRow): string[] => r.cells.map((c) => cellText(c));
    const firstRow = nonEmpty[0]?.row ?? 1;
    const header = nonEmpty.slice(0, 10).find((r) => Math.max(headerScore(own, texts(r)), headerScore(other, texts(r))) >= 2);
    const kindName = (k: UnitKind): [string, string] => (k === 'cooperative' ? ['经济社', 'cooperative'] : ['小区', 'compound']);
    const otherKind: UnitKind = kind === 'cooperative' ? 'compound' : 'cooperative';
    if (!header) {
      if (nonEmpty.length === 0) return { problems: [problem('FILE_EMPTY', 1, null)], warnings: [] };
      return {
        problems: [problem('HEADER_NOT_FOUND', firstRow, null, { columns: own.map((c) => c.header).join('、'), columnsEn: own.map((c) => c.headerEn).join(', ') })],
        warnings: [],
      };
    }
    if (headerScore(other, texts(header)) > headerScore(own, texts(header))) {
      const [fileKind, fileKindEn] = kindName(otherKind);
      const [unitKind, unitKindEn] = kindName(kind);
      return { problems: [problem('WRONG_ROLL_KIND', header.row, null, { fileKind, fileKindEn, unitKind, unitKindEn })], warnings: [] };
    }
    const positions = new Map<K, { index: number; header: string }>();
    const problems: RollProblem[] = [];
    const warnings: RollProblem[] = [];
    texts(header).forEach((text, index) => {
      if (!text) return;
      const def = findColumn(own, text);
      if (!def) {
        warnings.push(problem('COLUMN_UNKNOWN', header.row, text, { column: text }));
        return;
      }
      const key = def.key as K;
      const seen = positions.get(key);
      if (seen) {
        problems.push(problem('COLUMN_DUPLICATE', header.row, text, { column: text, other: seen.header }));
        return;
      }
      positions.set(key, { index, header: text });
    });
    for (const def of own) {
      if (def.required && !positions.has(def.key)) problems.push(problem('COLUMN_MISSING', header.row, def.header, { column: def.header }));
    }
    const rows = nonEmpty.filter((r) => r.row > header.row);
    if (rows.length === 0) problems.push(problem('FILE_EMPTY', header.row + 1, null));
    if (rows.length > MAX_DATA_ROWS) problems.push(problem('TOO_MANY_ROWS', header.row, null, { max: MAX_DATA_ROWS, rows: rows.length }));
    if (problems.length > 0) return { problems, warnings };
    const sheet = new Sheet<K>(own, positions, header.row, rows);
    sheet.warnings.push(...warnings);
    return sheet;
  }

  /** By row, then by the column's place in the file (whole-row problems first). */
  sorted(problems: RollProblem[]): RollProblem[] {
    const index = new Map([...this.positions.values()].map((p) => [p.header, p.index]));
    const at = (p: RollProblem): number => (p.column === null ? -1 : (index.get(p.column) ?? 1000));
    return [...problems].sort((a, b) => a.row - b.row || at(a) - at(b));
  }

  has(key: K): boolean {
    return this.positions.has(key);
  }

  /** The column's header as the file writes it (or its standard name when absent). */
  header(key: K): string {
    return this.positions.get(key)?.header ?? this.columns.find((c) => c.key === key)!.header;
  }

  cell(row: TableRow, key: K): Cell | undefined {
    const at = this.positions.get(key);
    return at ? row.cells[at.index] : undefined;
  }

  report(row: TableRow | number, key: K | null, code: Parameters<typeof problem>[0], params: Record<string, string | number> = {}): void {
    const column = key ? this.header(key) : null;
    const entry = problem(code, typeof row === 'number' ? row : row.row, column, { column: column ?? '', ...params });
    (WARNING_CODES.has(code) ? this.warnings : this.problems).push(entry);
  }

  /** The cell's text; reports an error cell, an empty required cell and an over-long one. */
  text(row: TableRow, key: K, options: { required?: boolean; max?: number; identifier?: boolean } = {}): string {
    const cell = this.cell(row, key);
    if (cell?.error) {
      this.report(row, key, 'CELL_ERROR', { value: cell.error });
      return '';
    }
    let value = cellText(cell);
    if (options.identifier) value = value.normalize('NFKC').trim();
    if (options.required && value === '') this.report(row, key, 'REQUIRED');
    if (options.max && [...value].length > options.max) {
      this.report(row, key, 'TEXT_TOO_LONG', { max: options.max });
      return '';
    }
    return value;
  }

  /**
   * The identity-number cell: undefined without the column, null when empty, the last four
   * when the cell holds only those (an exported file), else the checked full number's hash
   * with the birth date inside it. Returns false after reporting a problem.
   */
  idNumber(row: TableRow, key: K, context: ParseContext): { id: PlanId; birthDate: string | null } | null | undefined | false {
    if (!this.has(key)) return undefined;
    const cell = this.cell(row, key);
    if (cell?.number !== undefined && Math.abs(cell.number) >= 1e15) {
      this.report(row, key, 'ID_NUMBER_AS_NUMBER');
      return false;
    }
    const raw = this.text(row, key);
    if (raw === '') return null;
    if (/^\d(\.\d+)?E\+\d+$/i.test(raw.trim())) {
      // What Excel writes to CSV for an identity number typed into a number cell: 4.40605E+17.
      this.report(row, key, 'ID_NUMBER_AS_NUMBER');
      return false;
    }
    const value = normaliseIdNumber(raw);
    if (value.length <= 4) {
      if (/^\d{3}[\dX]$/.test(value)) return { id: { kind: 'last4', last4: value }, birthDate: null };
      this.report(row, key, 'INVALID_ID_NUMBER', { reason: 'last4' });
      return false;
    }
    const checked = checkIdNumber(value, context.today);
    if (!checked.ok) {
      this.report(row, key, 'INVALID_ID_NUMBER', { reason: checked.reason });
      return false;
    }
    return { id: { kind: 'full', hash: context.hashIdNumber(checked.normalised), last4: checked.last4 }, birthDate: checked.birthDate };
  }

  /** A 是/否 cell: `blank` when empty, undefined without the column; reports anything else. */
  yesNo<B extends boolean | null>(row: TableRow, key: K, blank: B): boolean | B | undefined {
    if (!this.has(key)) return undefined;
    const text = this.text(row, key);
    const value = parseYesNo(text);
    if (value === undefined) {
      this.report(row, key, 'INVALID_YES_NO', { value: text });
      return blank;
    }
    return value ?? blank;
  }

  /** A phone cell: null when empty, undefined without the column; reports an invalid number. */
  phone(row: TableRow, key: K): string | null | undefined | false {
    if (!this.has(key)) return undefined;
    const text = this.text(row, key);
    if (text === '') return null;
    const phone = parsePhone(text);
    if (!phone) {
      this.report(row, key, 'INVALID_PHONE', { value: text });
      return false;
    }
    return phone;
  }
}
