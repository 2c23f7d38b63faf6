import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { DomainError } from '../../common/domain-error';
import type { Cell } from './cells';

/**
 * Reads an uploaded roll file into rows of cells, whatever it came from: an XLSX workbook (its
 * first visible sheet), or a CSV file in UTF-8 (with or without BOM), UTF-16 with BOM, or
 * GB18030/GBK (what Excel on Chinese Windows writes). Rows keep the numbers Excel shows.
 */
export interface TableRow {
  row: number;
  cells: Cell[];
}

export interface Table {
  format: 'csv' | 'xlsx';
  /** The text encoding a CSV file was read in; null for XLSX. */
  encoding: string | null;
  rows: TableRow[];
}

/** An XLSX is a zip: refuse one that would unpack to more than this (a zip bomb). */
const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
const MAX_ZIP_ENTRIES = 5_000;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function unsupported(fileName: string): DomainError {
  return new DomainError(
    'UNSUPPORTED_MEDIA_TYPE',
    'Upload the roll as an Excel workbook (.xlsx) or a CSV file; older .xls files must be saved as .xlsx first.',
    { fileName },
  );
}

function unreadable(reason: string, details: Record<string, unknown> = {}): DomainError {
  return new DomainError('ROLL_FILE_UNREADABLE', `The roll file cannot be read: ${reason}`, details);
}

export async function readTable(bytes: Buffer, fileName: string): Promise<Table> {
  if (bytes.length === 0) throw unreadable('the file is empty.');
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (startsWith(bytes, ZIP_MAGIC)) {
    if (extension && !['xlsx', 'xlsm'].includes(extension)) throw unsupported(fileName);
    return { format: 'xlsx', encoding: null, rows: await readXlsx(bytes) };
  }
  if (startsWith(bytes, OLE_MAGIC) || ['xls', 'et', 'ods', 'numbers', 'xlsx', 'xlsm'].includes(extension)) {
    // An old binary workbook, or a workbook name on something that is not one.
    throw unsupported(fileName);
  }
  if (extension && !['csv', 'txt'].includes(extension)) throw unsupported(fileName);
  const { text, encoding } = decodeText(bytes);
  if (text.includes('\u0000')) throw unsupported(fileName);
  return { format: 'csv', encoding, rows: readCsv(text) };
}

/**
 * UTF-8 when the bytes are valid UTF-8 (Chinese text in GBK almost never is); otherwise
 * GB18030, a superset of GBK and GB2312, when they decode cleanly as that.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding };
    } catch {
      // try the next encoding
    }
  }
  throw unreadable('its text is neither UTF-8 nor GB18030/GBK.');
}

function readCsv(text: string): TableRow[] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [',', '\t', ';'].reduce((best, d) => (firstLine.split(d).length > firstLine.split(best).length ? d : best), ',');
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, trim: false });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw unreadable(`it is not valid CSV${line ? ` (near line ${line})` : ''}.`, { line: line ?? null });
  }
  return records.map((cells, i) => ({ row: i + 1, cells: cells.map((text) => ({ text })) }));
}

async function readXlsx(bytes: Buffer): Promise<TableRow[]> {
  assertZipSafe(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type; a Node Buffer is what it reads.
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw unreadable('the workbook is damaged or encrypted.');
  }
  const sheet = workbook.worksheets.find((s) => s.state === 'visible' && s.actualRowCount > 0) ?? workbook.worksheets[0];
  if (!sheet) throw unreadable('the workbook has no worksheet.');
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    for (let c = 1; c <= row.cellCount; c += 1) cells.push(toCell(row.getCell(c).value));
    rows.push({ row: rowNumber, cells });
  });
  return rows;
}

function toCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'number') {
    // Formatting noise such as 89.56000000000001 goes; integers keep all their digits.
    const text = Number.isInteger(value) ? BigInt(Math.round(value)).toString() : String(Number(value.toPrecision(15)));
    return { text, number: value };
  }
  if (typeof value === 'boolean') return { text: value ? '是' : '否' };
  if (value instanceof Date) {
    const iso = Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
    return { text: iso, date: iso || undefined };
  }
  if ('error' in value) return { text: value.error, error: value.error };
  if ('richText' in value) return { text: value.richText.map((r) => r.text).join('') };
  if ('hyperlink' in value) return { text: typeof value.text === 'string' ? value.text : '' };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result === undefined) return { text: '', error: '=' + (value.formula ?? '') };
    return toCell(result);
  }
  return { text: '' };
}

/**
 * Reads the zip's central directory and refuses archives that would unpack to more than
 * MAX_UNPACKED_BYTES or hold too many entries, before any of it is inflated.
 */
export function assertZipSafe(bytes: Buffer): void {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > bytes.length) throw unreadable('the workbook is damaged.');
  const entries = bytes.readUInt16LE(end + 10);
  const directorySize = bytes.readUInt32LE(end + 12);
  let offset = bytes.readUInt32LE(end + 16);
  if (entries === 0xffff || offset === 0xffffffff || offset + directorySize > bytes.length) {
    throw unreadable('the workbook is damaged or too large.');
  }
  if (entries > MAX_ZIP_ENTRIES) throw unreadable('the workbook has too many parts.');
  let total = 0;
  for (let i = 0; i < entries; i += 1) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== 0x02014b50) throw unreadable('the workbook is damaged.');
    const uncompressed = bytes.readUInt32LE(offset + 24);
    if (uncompressed === 0xffffffff) throw unreadable('the workbook is too large.');
    total += uncompressed;
    if (total > MAX_UNPACKED_BYTES) throw unreadable('the workbook unpacks to too much data.');
    offset += 46 + bytes.readUInt16LE(offset + 28) + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
  }
}
