import { describe, expect, it } from '@jest/globals';
import { checkFile, fileExtension, formData, megabytes, multipartBody } from './upload';

const RULES = { maxBytes: 10 * 1024 * 1024, extensions: ['.xlsx', '.csv'] };

describe('checkFile', () => {
  it('accepts a spreadsheet of the allowed kinds and size, whatever the case of its extension', () => {
    expect(checkFile({ name: '南村名册.xlsx', size: 2048 }, RULES)).toBeNull();
    expect(checkFile({ name: 'ROLL.CSV', size: 1 }, RULES)).toBeNull();
    expect(checkFile({ name: 'roll.csv', size: RULES.maxBytes }, RULES)).toBeNull();
  });

  it('refuses other kinds, naming the extension (an old .xls gets its own advice)', () => {
    expect(checkFile({ name: '名册.xls', size: 10 }, RULES)).toEqual({ kind: 'wrongType', extension: '.xls' });
    expect(checkFile({ name: '名册', size: 10 }, RULES)).toEqual({ kind: 'wrongType', extension: '' });
    expect(checkFile({ name: 'photo.jpg', size: 10 }, RULES)).toEqual({ kind: 'wrongType', extension: '.jpg' });
  });

  it('refuses an empty file and one over the limit', () => {
    expect(checkFile({ name: 'roll.csv', size: 0 }, RULES)).toEqual({ kind: 'empty' });
    expect(checkFile({ name: 'roll.xlsx', size: RULES.maxBytes + 1 }, RULES)).toEqual({ kind: 'tooLarge', maxBytes: RULES.maxBytes });
    expect(megabytes(RULES.maxBytes)).toBe(10);
  });
});

describe('fileExtension', () => {
  it('is the last extension, lower case, or nothing', () => {
    expect(fileExtension('a.b.XLSX')).toBe('.xlsx');
    expect(fileExtension('.csv')).toBe('');
    expect(fileExtension('roll.')).toBe('');
  });
});

describe('multipart bodies', () => {
  it('send a file under its field with its name, and text fields as they are', async () => {
    const file = new File(['户号,姓名\r\n'], '南村名册.csv', { type: 'text/csv' });
    const data = formData({ file, note: 'x' });
    const sent = data.get('file');
    expect(sent).toBeInstanceOf(File);
    expect((sent as File).name).toBe('南村名册.csv');
    expect(await (sent as File).text()).toBe('户号,姓名\r\n');
    expect(data.get('note')).toBe('x');
  });

  it('give openapi-fetch a placeholder body for the types and the real form data to send', () => {
    const file = new File(['x'], 'roll.xlsx');
    const { body, bodySerializer } = multipartBody({ file });
    expect(body).toEqual({ file: '' });
    expect(bodySerializer().get('file')).toBeInstanceOf(File);
  });
});
