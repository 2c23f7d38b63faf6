import { describe, expect, it } from '@jest/globals';
import type { RollProblem } from '../api/preview-import';
import { groupProblemsByRow, problemReason, unlistedProblems } from './problems';

const problem = (row: number, column: string | null, code: RollProblem['code'], reason: string): RollProblem => ({ row, column, code, reason, reasonEn: `EN ${reason}` });

describe('groupProblemsByRow', () => {
  it('puts the problems of one row together, rows in ascending order', () => {
    const groups = groupProblemsByRow(
      [
        problem(117, '户主', 'HOUSEHOLD_HEAD_COUNT', '户 NC-801 有 2 位户主'),
        problem(116, '出生日期', 'INVALID_DATE', '“1980-02-30”不是有效的日期'),
        problem(9, '手机', 'INVALID_PHONE', '手机号无效'),
        problem(116, '户代表', 'INVALID_YES_NO', '只能填是或否'),
      ],
      'zh-CN',
    );
    expect(groups.map((group) => group.row)).toEqual([9, 116, 117]);
    expect(groups[1]).toEqual({
      row: 116,
      lines: [
        { column: '出生日期', code: 'INVALID_DATE', reason: '“1980-02-30”不是有效的日期' },
        { column: '户代表', code: 'INVALID_YES_NO', reason: '只能填是或否' },
      ],
    });
  });

  it('gives the reason in the language of the screen', () => {
    const [group] = groupProblemsByRow([problem(2, null, 'FILE_EMPTY', '文件中没有数据行。')], 'en');
    expect(group?.lines[0]?.reason).toBe('EN 文件中没有数据行。');
    expect(problemReason({ reason: '中文', reasonEn: 'English' }, 'zh-CN')).toBe('中文');
  });

  it('keeps a problem of the whole row without a column', () => {
    expect(groupProblemsByRow([problem(1, null, 'HEADER_NOT_FOUND', '找不到表头')], 'zh-CN')[0]?.lines[0]?.column).toBeNull();
  });

  it('gives nothing for no problems', () => {
    expect(groupProblemsByRow([], 'zh-CN')).toEqual([]);
  });
});

describe('unlistedProblems', () => {
  it('counts the problems the API counted but did not list', () => {
    const listed = Array.from({ length: 1000 }, (_, i) => problem(i + 2, '姓名', 'REQUIRED', '不能为空'));
    expect(unlistedProblems({ problems: listed, problemCount: 1234 })).toBe(234);
    expect(unlistedProblems({ problems: listed.slice(0, 2), problemCount: 2 })).toBe(0);
  });
});
