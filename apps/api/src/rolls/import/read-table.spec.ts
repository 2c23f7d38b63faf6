import ExcelJS from 'exceljs';
import { DomainError } from '../../common/domain-error';
import { assertZipSafe, decodeText, readTable } from './read-table';

const texts = (rows: { cells: { text: string }[] }[]): string[][] => rows.map((r) => r.cells.map((c) => c.text));

describe('reading an uploaded table', () => {
  it('reads UTF-8 with or without BOM, UTF-16 with BOM, and GB18030 (Excel on Chinese Windows)', () => {
    expect(decodeText(Buffer.from('\ufeff户号', 'utf8'))).toEqual({ text: '户号', encoding: 'utf-8' });
    expect(decodeText(Buffer.from('户号', 'utf8'))).toEqual({ text: '户号', encoding: 'utf-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('户号', 'utf16le')]))).toEqual({ text: '户号', encoding: 'utf-16le' });
    // 户号 in GBK: BB A7 BA C5
    expect(decodeText(Buffer.from([0xbb, 0xa7, 0xba, 0xc5]))).toEqual({ text: '户号', encoding: 'gb18030' });
    expect(() => decodeText(Buffer.from([0xff, 0x81, 0x30]))).toThrow(DomainError);
  });

  it('numbers CSV rows as Excel does (a quoted line break stays in its row), and guesses the delimiter', async () => {
    const table = await readTable(Buffer.from('姓名,地址\r\n张三,"一巷\r\n二号"\r\n\r\n李四,三巷\r\n', 'utf8'), 'roll.csv');
    expect(table).toMatchObject({ format: 'csv', encoding: 'utf-8' });
    expect(table.rows.map((r) => r.row)).toEqual([1, 2, 3, 4]);
    expect(texts(table.rows)[1]).toEqual(['张三', '一巷\r\n二号']);
    expect(texts(table.rows)[3]).toEqual(['李四', '三巷']);
    const tabs = await readTable(Buffer.from('姓名\t地址\n张三\t一巷,二号\n', 'utf8'), 'roll.txt');
    expect(texts(tabs.rows)[1]).toEqual(['张三', '一巷,二号']);
  });

  it('reads the first visible sheet of a workbook with its row numbers, numbers, dates, formulas and rich text', async () => {
    const workbook = new ExcelJS.Workbook();
    const hidden = workbook.addWorksheet('hidden');
    hidden.state = 'hidden';
    hidden.addRow(['x']);
    const sheet = workbook.addWorksheet('名册');
    sheet.addRow(['标题']);
    sheet.addRow([]);
    sheet.addRow(['户号', 89.56000000000001, new Date(Date.UTC(1980, 0, 31)), { formula: 'A1', result: '标题' }, { richText: [{ text: '陈' }, { text: '大文' }] }, 440605198001011231, true]);
    sheet.addRow([{ formula: '1/0', result: { error: '#DIV/0!' } }]);
    const table = await readTable(Buffer.from(await workbook.xlsx.writeBuffer()), 'roll.xlsx');
    expect(table.format).toBe('xlsx');
    expect(table.rows.map((r) => r.row)).toEqual([1, 3, 4]);
    const [, row, errors] = table.rows;
    expect(row!.cells.map((c) => c.text)).toEqual(['户号', '89.56', '1980-01-31', '标题', '陈大文', '440605198001011200', '是']);
    expect(row!.cells[2]).toMatchObject({ date: '1980-01-31' });
    expect(row!.cells[5]!.number).toBeGreaterThan(1e17);
    expect(errors!.cells[0]).toMatchObject({ error: '#DIV/0!' });
  });

  it('refuses other files: old .xls, PDFs, binary junk, damaged workbooks, zip bombs', async () => {
    const code = async (bytes: Buffer, name: string): Promise<string> => {
      try {
        await readTable(bytes, name);
        return 'read';
      } catch (error) {
        return (error as DomainError).code;
      }
    };
    expect(await code(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'roll.xls')).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(await code(Buffer.from('a,b'), 'roll.xls')).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(await code(Buffer.from('%PDF-1.4'), 'roll.pdf')).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(await code(Buffer.from('a\u0000b'), 'roll.csv')).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(await code(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'roll.xlsx')).toBe('ROLL_FILE_UNREADABLE');
    expect(await code(Buffer.alloc(0), 'roll.csv')).toBe('ROLL_FILE_UNREADABLE');
    expect(await code(Buffer.from('姓名\n"unclosed', 'utf8'), 'roll.csv')).toBe('ROLL_FILE_UNREADABLE');
    // A central directory claiming 300 MB unpacked.
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt32LE(300 * 1024 * 1024, 24);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(46, 12);
    end.writeUInt32LE(0, 16);
    expect(() => assertZipSafe(Buffer.concat([entry, end]))).toThrow(/unpacks to too much/);
  });
});
