import { readTable } from './read-table';
import { writeTable } from './write-table';

describe('writing a roll file', () => {
  const doc = { sheetName: '名册', headers: ['户号', '姓名'], rows: [['007', '=HYPERLINK("http://x")'], ['008', '@陈']] };

  it('writes CSV as Excel on Windows expects it: UTF-8 with BOM, CRLF, formulas neutralised', async () => {
    const text = (await writeTable('csv', doc)).toString('utf8');
    expect(text).toBe('\ufeff户号,姓名\r\n007,"\'=HYPERLINK(""http://x"")"\r\n008,\'@陈\r\n');
  });

  it('writes XLSX cells as text, neutralised too, and reads back what it wrote', async () => {
    const bytes = await writeTable('xlsx', { ...doc, notes: [{ column: '户号', note: '必填' }] });
    const table = await readTable(bytes, 'roll.xlsx');
    expect(table.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['户号', '姓名'],
      ['007', '\'=HYPERLINK("http://x")'],
      ['008', "'@陈"],
    ]);
  });
});
