/**
 * Helpers for the roll tests: files in every shape staff produce (CSV in UTF-8 with or without
 * BOM, CSV saved by Excel on Chinese Windows in GBK, XLSX), multipart uploads and downloads
 * through a signed-in HttpSession.
 */
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { CSRF_HEADER, SESSION_COOKIE } from '@yishi/contracts';
import type { DataSource } from 'typeorm';
import type { ApiResponse, HttpSession } from './http-session';

export const COOPERATIVE_HEADER = ['户号', '地址', '姓名', '出生日期', '身份证号', '户主', '户代表', '成员代表', '手机'];
export const COMPOUND_HEADER = ['楼栋', '房号', '类型', '面积', '面积来源', '身份', '姓名', '身份证号', '手机', '开发商', '指定投票人'];

export function csv(rows: string[][], options: { bom?: boolean } = {}): Buffer {
  return Buffer.from(stringify(rows, { bom: options.bom ?? false, record_delimiter: 'windows' }), 'utf8');
}

let gbk: Map<string, number[]> | null = null;

/** Encodes text as GB18030 two-byte (GBK) sequences, as Excel on Chinese Windows saves CSV. */
export function encodeGbk(text: string): Buffer {
  if (!gbk) {
    gbk = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead += 1) {
      for (let trail = 0x40; trail <= 0xfe; trail += 1) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== '\ufffd' && !gbk.has(ch)) gbk.set(ch, [lead, trail]);
      }
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = gbk.get(ch);
      if (!pair) throw new Error(`no GBK code for ${ch}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}

export function gbkCsv(rows: string[][]): Buffer {
  return encodeGbk(stringify(rows, { record_delimiter: 'windows' }));
}

/** A workbook with one sheet of these rows; `numbers` writes numeric-looking cells as numbers. */
export async function xlsx(rows: (string | number | Date)[][], options: { titleRow?: string } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名册');
  if (options.titleRow) sheet.addRow([options.titleRow]);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function readXlsx(bytes: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow((row) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c += 1) {
      const v = row.getCell(c).value;
      cells.push(v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
    }
    rows.push(cells);
  });
  return rows;
}

/** The session's cookie header (HttpSession keeps it to itself: it speaks JSON only). */
export function cookieOf(session: HttpSession): string {
  const cookie = (session as unknown as { cookie: string | null }).cookie;
  return cookie ? `${SESSION_COOKIE}=${cookie}` : '';
}

export async function upload<T = unknown>(
  session: HttpSession,
  path: string,
  file: { name: string; bytes: Buffer; type?: string; fields?: Record<string, string> },
): Promise<ApiResponse<T>> {
  const form = new FormData();
  for (const [name, value] of Object.entries(file.fields ?? {})) form.append(name, value);
  form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/octet-stream' }), file.name);
  const res = await fetch(`${session.baseUrl}${path}`, {
    method: 'POST',
    headers: { cookie: cookieOf(session), [CSRF_HEADER]: session.csrfToken ?? '', accept: 'application/json' },
    body: form,
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
}

export async function download(session: HttpSession, path: string): Promise<{ status: number; bytes: Buffer; headers: Headers }> {
  const res = await fetch(`${session.baseUrl}${path}`, { headers: { cookie: cookieOf(session) } });
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()), headers: res.headers };
}

export async function unitId(dataSource: DataSource, code: string): Promise<string> {
  const [row] = await dataSource.query<{ id: string }[]>(`SELECT id FROM org_node WHERE code = $1`, [code]);
  if (!row) throw new Error(`no node ${code}`);
  return row.id;
}

export async function count(dataSource: DataSource, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${sql}`, params);
  return row!.n;
}
