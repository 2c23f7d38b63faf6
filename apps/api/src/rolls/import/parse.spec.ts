import { idNumberCheckCharacter } from './id-number';
import { parseCompoundTable } from './parse-compound';
import { parseCooperativeTable } from './parse-cooperative';
import type { Table } from './read-table';
import type { ParseContext } from './sheet';

const context: ParseContext = { today: '2026-11-26', hashIdNumber: (n) => `hash(${n})` };
const table = (rows: string[][]): Table => ({ format: 'csv', encoding: 'utf-8', rows: rows.map((cells, i) => ({ row: i + 1, cells: cells.map((text) => ({ text })) })) });
const id = (birth: string, seq = '123'): string => `440605${birth}${seq}${idNumberCheckCharacter(`440605${birth}${seq}`)}`;
const codes = (r: { problems: { row: number; code: string }[] }): [number, string][] => r.problems.map((p) => [p.row, p.code]);

const COOP = ['户号', '地址', '姓名', '出生日期', '身份证号', '户主', '户代表', '成员代表', '手机'];
const COMPOUND = ['楼栋', '房号', '类型', '面积', '面积来源', '身份', '姓名', '身份证号', '手机', '开发商', '指定投票人'];

describe('parsing a cooperative roll', () => {
  it('turns rows into households and members, keeping only the hash and last four of an identity number', () => {
    const result = parseCooperativeTable(
      table([
        COOP,
        ['NC-1', '一巷', '张三', '1960-01-01', id('19600101'), '是', '是', '', '13800000001'],
        ['NC-1', '', '张小三', '2015-05-05', '', '否', '否', '否', ''],
      ]),
      context,
    );
    expect(result.problems).toEqual([]);
    expect(result.plan).toEqual({
      kind: 'cooperative',
      households: [{ number: 'NC-1', address: '一巷', rows: [2, 3] }],
      members: [
        {
          row: 2,
          householdNumber: 'NC-1',
          name: '张三',
          birthDate: '1960-01-01',
          isHouseholdHead: true,
          isHouseholdRepresentative: true,
          isMemberRepresentative: false,
          phone: '13800000001',
          id: { kind: 'full', hash: `hash(${id('19600101')})`, last4: id('19600101').slice(-4) },
        },
        { row: 3, householdNumber: 'NC-1', name: '张小三', birthDate: '2015-05-05', isHouseholdHead: false, isHouseholdRepresentative: false, isMemberRepresentative: false, phone: null, id: null },
      ],
    });
  });

  it('leaves out what the file has no column for, so the roll keeps it', () => {
    const result = parseCooperativeTable(table([['户号', '姓名', '出生日期', '户主', '户代表'], ['NC-1', '张三', '1960-01-01', '是', '是']]), context);
    expect(result.plan!.members[0]).toEqual({ row: 2, householdNumber: 'NC-1', name: '张三', birthDate: '1960-01-01', isHouseholdHead: true, isHouseholdRepresentative: true });
    expect(result.plan!.households[0]).toEqual({ number: 'NC-1', rows: [2] });
  });

  it('finds people twice over, a birth date that disagrees with the identity number, and households without a head or representative', () => {
    const result = parseCooperativeTable(
      table([
        COOP,
        ['NC-1', '', '张三', '1960-01-02', id('19600101'), '否', '否', '', ''],
        ['NC-1', '', '李四', '1961-01-01', id('19600101'), '否', '否', '', ''],
        ['NC-2', '', '王五', '1970-01-01', '', '是', '是', '', ''],
        ['NC-2', '', '王五', '1970-01-01', '', '否', '否', '', ''],
        ['NC-3', '', '赵六', '2010-01-01', '', '是', '否', '是', ''],
      ]),
      context,
    );
    expect(codes(result)).toEqual([
      [2, 'ID_BIRTH_DATE_MISMATCH'],
      [2, 'HOUSEHOLD_HEAD_COUNT'],
      [2, 'HOUSEHOLD_REPRESENTATIVE_COUNT'],
      [3, 'ID_BIRTH_DATE_MISMATCH'],
      [3, 'DUPLICATE_ID_NUMBER'],
      [5, 'DUPLICATE_PERSON'],
      [6, 'HOUSEHOLD_REPRESENTATIVE_COUNT'],
      [6, 'REPRESENTATIVE_NOT_OF_AGE'],
    ]);
    expect(result.plan).toBeNull();
  });

  it('finds the header below a title, names missing and doubled columns, and warns of unknown ones', () => {
    const result = parseCooperativeTable(table([['南村经济社成员名册'], ['户号', '姓名', '姓名', '备注', '户主'], ['NC-1', '张三', '张三', '', '是']]), context);
    expect(result.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, '姓名', 'COLUMN_DUPLICATE'],
      [2, '出生日期', 'COLUMN_MISSING'],
      [2, '户代表', 'COLUMN_MISSING'],
    ]);
    expect(result.warnings.map((p) => [p.row, p.column, p.code])).toEqual([[2, '备注', 'COLUMN_UNKNOWN']]);
  });

  it('recognises an identity number that Excel turned into a number before saving as CSV', () => {
    const result = parseCooperativeTable(table([COOP, ['NC-1', '', '张三', '1960-01-01', '4.40605E+17', '是', '是', '', '']]), context);
    expect(result.problems.map((p) => [p.row, p.column, p.code])).toEqual([[2, '身份证号', 'ID_NUMBER_AS_NUMBER']]);
  });

  it('says so when the file is a compound’s roll', () => {
    expect(codes(parseCooperativeTable(table([COMPOUND, ['1栋', '1-101', '住宅', '89', '实测', '业主', '张三', '', '', '', '']]), context))).toEqual([[1, 'WRONG_ROLL_KIND']]);
  });
});

describe('parsing a compound roll', () => {
  it('groups the rows of one owner: by identity number, by name and last four, by name and phone; the developer as one', () => {
    const result = parseCompoundTable(
      table([
        COMPOUND,
        ['1栋', '1-101', '住宅', '89.56', '不动产登记', '业主', '张三', id('19700101'), '13800000001', '', ''],
        ['1栋', '1-102', '住宅', '89.56', '不动产登记', '业主', '张三', id('19700101'), '', '', ''],
        ['1栋', '1-103', '住宅', '89.56', '不动产登记', '业主', '李四', '0123', '', '', ''],
        ['1栋', '1-104', '住宅', '89.56', '不动产登记', '业主', '李四', '0123', '', '', ''],
        ['1栋', '1-105', '住宅', '89.56', '不动产登记', '业主', '王五', '', '13800000002', '', ''],
        ['', 'P-1', '车位', '12', '合同', '业主', '王五', '', '13800000002', '', ''],
        ['', 'P-2', '车位', '12', '合同', '业主', '开发公司', '', '', '是', ''],
        ['', 'P-3', '车位', '12', '合同', '业主', '开发公司', '', '', '是', ''],
      ]),
      context,
    );
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.plan!.owners.map((o) => [o.name, o.developer, o.units, o.phone ?? null])).toEqual([
      ['张三', false, ['1-101', '1-102'], '13800000001'],
      ['李四', false, ['1-103', '1-104'], null],
      ['王五', false, ['1-105', 'P-1'], '13800000002'],
      ['开发公司', true, ['P-2', 'P-3'], null],
    ]);
    expect(result.plan!.buildings).toEqual(['1栋']);
    expect(result.plan!.units.find((u) => u.number === 'P-1')).toMatchObject({ building: null, kind: 'parking', areaCentiM2: 1200, areaSource: 'contract' });
  });

  it('keeps owners with the same name apart when their phones differ', () => {
    const result = parseCompoundTable(
      table([
        COMPOUND,
        ['1栋', '1-101', '住宅', '89', '实测', '业主', '王伟', '', '13800000001', '', ''],
        ['1栋', '1-102', '住宅', '89', '实测', '业主', '王伟', '', '13800000002', '', ''],
      ]),
      context,
    );
    expect(result.plan!.owners).toHaveLength(2);
  });
});
