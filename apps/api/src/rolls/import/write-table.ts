import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { neutraliseFormula } from './cells';

export type TableFormat = 'csv' | 'xlsx';

export const CONTENT_TYPES: Record<TableFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface TableDocument {
  sheetName: string;
  headers: string[];
  rows: string[][];
  /** A second sheet explaining each column (templates). */
  notes?: { column: string; note: string }[];
}

/**
 * Writes a roll as CSV (UTF-8 with BOM and CRLF, as Excel on Windows expects) or XLSX (every
 * cell text, so 户号 `007` and 18-digit numbers survive). Cells that a spreadsheet would run as
 * a formula are prefixed with `'`, in both formats; the importer strips that prefix again.
 */
export async function writeTable(format: TableFormat, doc: TableDocument): Promise<Buffer> {
  const rows = [doc.headers, ...doc.rows].map((r) => r.map(neutraliseFormula));
  if (format === 'csv') {
    return Buffer.from(stringify(rows, { bom: true, record_delimiter: 'windows' }), 'utf8');
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Yishi 议事';
  const sheet = workbook.addWorksheet(doc.sheetName.slice(0, 31) || '名册', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = doc.headers.map((_header, i) => ({
    key: String(i),
    width: Math.min(40, Math.max(10, ...rows.map((r) => displayWidth(r[i] ?? '')))),
    style: { numFmt: '@' },
  }));
  for (const row of rows) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  if (doc.notes) {
    const notes = workbook.addWorksheet('填写说明');
    notes.columns = [
      { header: '列', key: 'column', width: 16 },
      { header: '说明', key: 'note', width: 90 },
    ];
    notes.getRow(1).font = { bold: true };
    for (const n of doc.notes) notes.addRow({ column: neutraliseFormula(n.column), note: neutraliseFormula(n.note) });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Roughly how wide a cell looks: CJK characters count double. */
function displayWidth(text: string): number {
  let width = 2;
  for (const ch of text) width += /[\u2e80-\uffff]/.test(ch) ? 2 : 1;
  return width;
}
