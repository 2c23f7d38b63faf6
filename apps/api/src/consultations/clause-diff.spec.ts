import type { DiffSegment, NewClause, OldClause } from './clause-diff';
import { diffClauses, diffText } from './clause-diff';

const side = (segments: DiffSegment[], keep: 'delete' | 'insert'): string =>
  segments
    .filter((s) => s.op === 'equal' || s.op === keep)
    .map((s) => s.text)
    .join('');

describe('diffText', () => {
  it('says nothing changed for equal texts', () => {
    expect(diffText('第一条 本公约适用于御水岸小区。', '第一条 本公约适用于御水岸小区。')).toEqual([{ op: 'equal', text: '第一条 本公约适用于御水岸小区。' }]);
    expect(diffText('', '')).toEqual([]);
  });

  it('marks the changed characters of a Chinese sentence', () => {
    expect(diffText('垃圾每月清运两次。', '垃圾每周清运一次。')).toEqual([
      { op: 'equal', text: '垃圾每' },
      { op: 'delete', text: '月' },
      { op: 'insert', text: '周' },
      { op: 'equal', text: '清运' },
      { op: 'delete', text: '两' },
      { op: 'insert', text: '一' },
      { op: 'equal', text: '次。' },
    ]);
  });

  it('shows an insertion and a deletion on their own', () => {
    expect(diffText('车辆停放在指定区域。', '车辆应当停放在指定区域。')).toEqual([
      { op: 'equal', text: '车辆' },
      { op: 'insert', text: '应当' },
      { op: 'equal', text: '停放在指定区域。' },
    ]);
    expect(diffText('车辆应当停放在指定区域。', '车辆停放在区域。')).toEqual([
      { op: 'equal', text: '车辆' },
      { op: 'delete', text: '应当' },
      { op: 'equal', text: '停放在' },
      { op: 'delete', text: '指定' },
      { op: 'equal', text: '区域。' },
    ]);
  });

  it('reads a rewritten phrase as one change, not a scatter of single characters', () => {
    expect(diffText('由业委会负责', '由物业公司负责')).toEqual([
      { op: 'equal', text: '由' },
      { op: 'delete', text: '业委会' },
      { op: 'insert', text: '物业公司' },
      { op: 'equal', text: '负责' },
    ]);
  });

  it('handles texts that appear or disappear whole', () => {
    expect(diffText('', '新增条款')).toEqual([{ op: 'insert', text: '新增条款' }]);
    expect(diffText('删除条款', '')).toEqual([{ op: 'delete', text: '删除条款' }]);
  });

  it('never splits a character outside the basic plane', () => {
    const segments = diffText('𠮷野家', '𠮶野家');
    expect(segments).toEqual([
      { op: 'delete', text: '𠮷' },
      { op: 'insert', text: '𠮶' },
      { op: 'equal', text: '野家' },
    ]);
  });

  it('keeps both texts recoverable, line breaks included', () => {
    const before = '一、公共区域保持整洁。\n二、禁止高空抛物。\n三、车辆有序停放。';
    const after = '一、公共区域应当保持整洁。\n二、严禁高空抛物，违者追责。\n三、车辆有序停放，消防通道不得占用。';
    const segments = diffText(before, after);
    expect(side(segments, 'delete')).toBe(before);
    expect(side(segments, 'insert')).toBe(after);
    expect(segments.find((s) => s.op === 'equal' && s.text.includes('禁止'))).toBeUndefined();
  });

  it('past the size guard shows the changed middle as replaced whole, keeping the common start and end', () => {
    const before = `开头${'甲'.repeat(30)}结尾`;
    const after = `开头${'乙'.repeat(20)}甲结尾`;
    expect(diffText(before, after, 100)).toEqual([
      { op: 'equal', text: '开头' },
      { op: 'delete', text: '甲'.repeat(29) },
      { op: 'insert', text: '乙'.repeat(20) },
      { op: 'equal', text: '甲结尾' },
    ]);
  });

  it('diffs character by character up to the size guard, quickly', () => {
    const base = Array.from({ length: 1500 }, (_, i) => '业主大会决定共有部分的用途'[i % 13]).join('');
    // Changes 1,400 characters apart: the middle compared is about 1,400 × 1,400 cells.
    const edited = `${base.slice(0, 50)}经业主同意${base.slice(52, 1450)}以上${base.slice(1450)}`;
    const started = Date.now();
    const segments = diffText(base, edited);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(side(segments, 'delete')).toBe(base);
    expect(side(segments, 'insert')).toBe(edited);
    // Not replaced whole: the long unchanged stretch in between is kept as it is.
    expect(segments.some((s) => s.op === 'equal' && s.text.length > 1000)).toBe(true);
  });

  it('compares two full-length clauses quickly, past the guard', () => {
    const base = Array.from({ length: 5000 }, (_, i) => '业主大会决定共有部分的用途'[i % 13]).join('');
    const edited = `${base.slice(0, 1200)}经专有部分面积占比三分之二以上的业主同意${base.slice(1300, 4000)}${base.slice(4100)}`;
    const started = Date.now();
    const segments = diffText(base, edited);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(side(segments, 'delete')).toBe(base);
    expect(side(segments, 'insert')).toBe(edited);
  });
});

describe('diffClauses', () => {
  const v1: OldClause[] = [
    { id: 'a1', number: 1, heading: '总则', body: '为改善人居环境，制定本公约。' },
    { id: 'a2', number: 2, heading: null, body: '本公约适用于御水岸小区全体业主和住户。' },
    { id: 'a3', number: 3, heading: '垃圾分类', body: '垃圾每月清运两次。' },
    { id: 'a4', number: 4, heading: null, body: '车辆停放在指定区域。' },
    { id: 'a5', number: 5, heading: '附则', body: '本公约自通过之日起施行。' },
  ];
  const clause = (id: string, number: number, previousClauseId: string | null, body: string, extra: Partial<NewClause> = {}): NewClause => ({
    id,
    number,
    heading: null,
    body,
    previousClauseId,
    changeReason: null,
    ...extra,
  });

  it('tells unchanged, changed, added and removed clauses apart, with renumbering reported but not counted as a change', () => {
    const v2: NewClause[] = [
      clause('b1', 1, 'a1', '为改善人居环境，制定本公约。', { heading: '总则' }),
      clause('b2', 2, 'a2', '本公约适用于御水岸小区全体业主和住户。'),
      clause('bn', 3, null, '小区设立环境监督小组。', { heading: '监督', changeReason: '宣讲会上居民提议' }),
      clause('b3', 4, 'a3', '垃圾每周清运一次。', { heading: '垃圾分类', changeReason: '采纳业主意见，提高清运频次' }),
      clause('b4', 5, 'a4', '车辆停放在指定区域。'),
    ];
    const { clauses, counts } = diffClauses(v1, v2);
    expect(counts).toEqual({ unchanged: 3, changed: 1, added: 1, removed: 1, renumbered: 2 });
    expect(clauses.map((c) => [c.status, c.previousNumber, c.number, c.renumbered])).toEqual([
      ['unchanged', 1, 1, false],
      ['unchanged', 2, 2, false],
      ['added', null, 3, false],
      ['changed', 3, 4, true],
      ['unchanged', 4, 5, true],
      ['removed', 5, null, false],
    ]);
    const changed = clauses[3]!;
    expect(changed).toMatchObject({ changeReason: '采纳业主意见，提高清运频次', clauseId: 'b3', previousClauseId: 'a3', headingDiff: [{ op: 'equal', text: '垃圾分类' }] });
    expect(changed.bodyDiff).toEqual(diffText('垃圾每月清运两次。', '垃圾每周清运一次。'));
    expect(clauses[0]!.bodyDiff).toBeNull();
    expect(clauses[2]).toMatchObject({ changeReason: '宣讲会上居民提议', heading: '监督', bodyDiff: null });
    expect(clauses[5]).toMatchObject({ previousClauseId: 'a5', heading: '附则', body: '本公约自通过之日起施行。', clauseId: null });
  });

  it('places a removed clause where it stood', () => {
    const v2: NewClause[] = [clause('b1', 1, 'a1', v1[0]!.body, { heading: '总则' }), clause('b3', 2, 'a3', v1[2]!.body, { heading: '垃圾分类' })];
    const { clauses } = diffClauses(v1, v2);
    expect(clauses.map((c) => `${c.status}:${c.previousNumber ?? '-'}→${c.number ?? '-'}`)).toEqual([
      'unchanged:1→1',
      'removed:2→-',
      'unchanged:3→2',
      'removed:4→-',
      'removed:5→-',
    ]);
  });

  it('counts a heading change as a change, and an added or removed heading too', () => {
    const { clauses } = diffClauses(v1.slice(0, 2), [clause('b1', 1, 'a1', v1[0]!.body), clause('b2', 2, 'a2', v1[1]!.body, { heading: '适用范围' })]);
    expect(clauses.map((c) => c.status)).toEqual(['changed', 'changed']);
    expect(clauses[0]!.headingDiff).toEqual([{ op: 'delete', text: '总则' }]);
    expect(clauses[0]!.bodyDiff).toEqual([{ op: 'equal', text: v1[0]!.body }]);
    expect(clauses[1]!.headingDiff).toEqual([{ op: 'insert', text: '适用范围' }]);
  });

  it('shows every clause of a first version as added', () => {
    const { clauses, counts } = diffClauses([], [clause('b1', 1, null, '第一条'), clause('b2', 2, null, '第二条')]);
    expect(clauses.map((c) => c.status)).toEqual(['added', 'added']);
    expect(counts).toEqual({ unchanged: 0, changed: 0, added: 2, removed: 0, renumbered: 0 });
  });

  it('shares one budget among the clauses of a version: past it, a changed clause is shown as replaced whole', () => {
    const old = [1, 2].map((n) => ({ id: `a${n}`, number: n, heading: null, body: `甲乙丙丁${n}戊己庚辛` }));
    const next = old.map((c) => clause(`b${c.number}`, c.number, c.id, `甲乙改丁${c.number}戊己改辛`));
    // Each clause's changed middle is 6 × 6 = 36 cells: the first fits in 40, the second no longer does.
    const { clauses } = diffClauses(old, next, 40);
    expect(clauses[0]!.bodyDiff).toContainEqual({ op: 'equal', text: '丁1戊己' });
    expect(clauses[1]!.bodyDiff).toEqual([
      { op: 'equal', text: '甲乙' },
      { op: 'delete', text: '丙丁2戊己庚' },
      { op: 'insert', text: '改丁2戊己改' },
      { op: 'equal', text: '辛' },
    ]);
  });

  it('treats a continuation of a clause it does not know as an addition', () => {
    const { clauses, counts } = diffClauses(v1.slice(0, 1), [clause('b1', 1, 'elsewhere', '第一条')]);
    expect(clauses.map((c) => c.status)).toEqual(['added', 'removed']);
    expect(counts.removed).toBe(1);
  });
});
