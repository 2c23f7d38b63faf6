import { beforeAll, describe, expect, it } from '@jest/globals';
import type { TFunction } from 'i18next';
import { translator } from '../../../i18n/testing';
import type { RollKindCounts } from '../api/list-revisions';
import type { RollChange } from '../api/preview-import';
import { commitOutcome, describeChanges, describeCounts, fieldName, hasChanges, orderedSummary, previewOutcome, removalsToWatch } from './summary';

let zh: TFunction;
let en: TFunction;

beforeAll(async () => {
  zh = await translator('zh-CN', { console: true });
  en = await translator('en', { console: true });
});

const counts = (kind: RollKindCounts['kind'], added: number, changed: number, removed: number, unchanged: number): RollKindCounts => ({ kind, added, changed, removed, unchanged });

describe('describeChanges', () => {
  it('says what an import adds, changes and removes, kind by kind', () => {
    const summary = [counts('member', 1, 2, 3, 100), counts('household', 1, 0, 0, 40)];
    expect(describeChanges(summary, zh)).toBe('新增 1 户、1 名成员；变更 2 名成员；移除 3 名成员');
    expect(describeChanges(summary, en)).toBe('1 household, 1 member added; 2 members changed; 3 members removed');
  });

  it('names a compound’s kinds', () => {
    const summary = [counts('tenant', 0, 0, 1, 7), counts('exclusive_unit', 2, 0, 0, 302), counts('ownership', 2, 1, 0, 300), counts('building', 0, 0, 0, 3)];
    expect(describeChanges(summary, zh)).toBe('新增 2 个专有部分、2 条产权登记；变更 1 条产权登记；移除 1 位租户');
  });

  it('is empty when nothing changes (the screen says 没有变化)', () => {
    const summary = [counts('household', 0, 0, 0, 40), counts('member', 0, 0, 0, 114)];
    expect(describeChanges(summary, zh)).toBe('');
    expect(hasChanges(summary)).toBe(false);
    expect(hasChanges([counts('member', 0, 0, 1, 0)])).toBe(true);
  });
});

describe('orderedSummary', () => {
  it('lists kinds in a fixed order, households before members', () => {
    expect(orderedSummary([counts('member', 0, 0, 0, 1), counts('household', 0, 0, 0, 1)]).map((row) => row.kind)).toEqual(['household', 'member']);
  });
});

describe('describeCounts', () => {
  it('says what a version left on the roll, skipping keys it does not know', () => {
    expect(describeCounts({ members: 115, households: 41 }, zh)).toBe('41 户 · 115 名成员');
    expect(describeCounts({ owners: 1, exclusiveUnits: 304, buildings: 3, somethingNew: 9 }, en)).toBe('3 buildings · 304 exclusive units · 1 owner');
  });
});

describe('previewOutcome', () => {
  it('tells problems, no change and changes apart', () => {
    expect(previewOutcome({ valid: false, importId: null, hasChanges: false })).toBe('problems');
    expect(previewOutcome({ valid: true, importId: 'i1', hasChanges: false })).toBe('unchanged');
    expect(previewOutcome({ valid: true, importId: 'i1', hasChanges: true })).toBe('changes');
  });
});

describe('commitOutcome', () => {
  it('gives the new revision number, or no change', () => {
    const revision = { id: 'r', number: 7, source: 'import' as const, fileName: 'a.csv', fileSha256: null, summary: { counts: {} }, createdById: null, createdByName: null, createdAt: '2026-03-08T01:00:00Z' };
    expect(commitOutcome({ revision, summary: [] })).toEqual({ kind: 'revision', number: 7 });
    expect(commitOutcome({ revision: null, summary: [] })).toEqual({ kind: 'unchanged' });
  });
});

describe('removalsToWatch', () => {
  it('picks the removed people who signed up or hold a live letter', () => {
    const change = (op: RollChange['op'], label: string, linked: boolean, liveInvitation: boolean): RollChange => ({ kind: 'member', op, label, fields: [], linked, liveInvitation });
    const changes = [change('remove', 'NC-001 甲', true, false), change('remove', 'NC-001 乙', false, false), change('remove', 'NC-002 丙', false, true), change('change', 'NC-003 丁', true, false)];
    expect(removalsToWatch(changes).map((c) => c.label)).toEqual(['NC-001 甲', 'NC-002 丙']);
  });
});

describe('fieldName', () => {
  it('names changed fields in words, unknown ones as they are', () => {
    expect(fieldName('phone', zh)).toBe('手机');
    expect(fieldName('isHouseholdHead', en)).toBe('household head');
    expect(fieldName('areaCentiM2', zh)).toBe('面积');
    expect(fieldName('somethingNew', zh)).toBe('somethingNew');
  });
});
