import { parseArea, parseIsoDate } from '@yishi/domain';

/**
 * One cell of a roll file. `text` is what a person sees; XLSX cells also say when they held a
 * number, a date or an error, which some columns care about (an identity number typed into a
 * number cell has already lost its last digits).
 */
export interface Cell {
  text: string;
  number?: number;
  /** ISO date of a date-typed XLSX cell. */
  date?: string;
  /** `#N/A`, `#REF!`, or a formula with no computed value. */
  error?: string;
}

/** Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Export: `=1+1` → `'=1+1`, so a spreadsheet shows the text instead of running it. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Import: undoes `neutraliseFormula`, so an exported file imports back unchanged. */
export function unneutraliseFormula(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/** Trimmed text (also of full-width spaces), with an export's formula guard removed. */
export function cellText(cell: Cell | undefined): string {
  return unneutraliseFormula((cell?.text ?? '').trim()).trim();
}

const YES = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓', '✔', '对', '是的']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '×', '✗', '✘', '不是', '非']);

/** `是` / `否` and friends; null for an empty cell; undefined when it is neither. */
export function parseYesNo(value: string): boolean | null | undefined {
  const v = value.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  if (v === '') return null;
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  return undefined;
}

/** A mainland mobile number, tolerating spaces, dashes and a +86 prefix; undefined when invalid. */
export function parsePhone(value: string): string | undefined {
  const digits = value.normalize('NFKC').replace(/[\s\-()]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
  return /^1[3-9]\d{9}$/.test(digits) ? digits : undefined;
}

/**
 * A calendar date as staff write it: 1980-01-31, 1980/1/31, 1980.1.31, 19800131, 1980年1月31日;
 * or a date-typed XLSX cell. Undefined when it is not a real date.
 */
export function parseDateCell(cell: Cell | undefined): string | undefined {
  if (cell?.date) return cell.date;
  const v = cellText(cell).normalize('NFKC').replace(/\s+/g, '');
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(v) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (!match) return undefined;
  const iso = `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
  try {
    parseIsoDate(iso);
    return iso;
  } catch {
    return undefined;
  }
}

/** At most 1,000,000 m²: no exclusive unit is larger, and the figure stays a safe 32-bit integer. */
const MAX_AREA_CENTI_M2 = 100_000_000;

/** Square metres (`89.56`, `89.56㎡`, `1,089.5`) to 1/100 m² via libs/domain; undefined when invalid. */
export function parseAreaCell(value: string): number | undefined {
  const v = value.normalize('NFKC').replace(/\s+/g, '').replace(/(m²|m2|平方米|平米)$/i, '');
  try {
    const area = parseArea(v);
    return area > 0 && area <= MAX_AREA_CENTI_M2 ? area : undefined;
  } catch {
    return undefined;
  }
}

/** 1/100 m² as the plain decimal the import reads back: 8956 → `89.56` (no thousands separator). */
export function formatAreaPlain(centiSquareMetres: number): string {
  return `${Math.floor(centiSquareMetres / 100)}.${String(centiSquareMetres % 100).padStart(2, '0')}`;
}
