import { describe, expect, it } from '@jest/globals';
import type { DraftForm } from './draft-form';
import { addClause, checkDraft, checkPublish, continuable, draftFieldOfPath, fromVersion, moveClause, removeClause, sameContent, toUpdateInput, updateClause } from './draft-form';

const version = {
  title: '人居环境整治长效管理机制自治公约（草案）',
  preamble: '为了……',
  changeNote: null,
  clauses: [
    { id: 'c1', heading: '垃圾分类', body: '生活垃圾每周清运一次。', previousClauseId: 'p1', changeReason: null },
    { id: 'c2', heading: null, body: '楼道不得堆放杂物。', previousClauseId: null, changeReason: null },
  ],
};

describe('the draft form', () => {
  it('comes from a version and goes back unchanged', () => {
    const form = fromVersion(version);
    expect(form.clauses.map((c) => c.key)).toEqual(['c1', 'c2']);
    expect(toUpdateInput(form)).toEqual({
      title: version.title,
      preamble: '为了……',
      changeNote: null,
      clauses: [
        { id: 'c1', heading: '垃圾分类', body: '生活垃圾每周清运一次。', previousClauseId: 'p1', changeReason: null },
        { id: 'c2', heading: null, body: '楼道不得堆放杂物。', previousClauseId: null, changeReason: null },
      ],
    });
    expect(sameContent(form, fromVersion(version))).toBe(true);
  });

  it('adds, removes and reorders clauses; new ones are sent without an id', () => {
    let form = addClause(fromVersion(version), 'new-1');
    form = updateClause(form, 2, { body: ' 第三条 ' });
    form = moveClause(form, 2, -1);
    expect(form.clauses.map((c) => c.key)).toEqual(['c1', 'new-1', 'c2']);
    expect(toUpdateInput(form).clauses[1]).toEqual({ heading: null, body: '第三条', previousClauseId: null, changeReason: null });
    form = removeClause(form, 0);
    expect(form.clauses.map((c) => c.key)).toEqual(['new-1', 'c2']);
    expect(moveClause(form, 0, -1)).toBe(form);
    expect(moveClause(form, 1, 1)).toBe(form);
    expect(addClause(form, 'new-2', 0).clauses[0]!.key).toBe('new-2');
    expect(sameContent(form, fromVersion(version))).toBe(false);
  });

  it('sends a change reason only with a clause that continues one', () => {
    let form = updateClause(fromVersion(version), 1, { changeReason: '理由' });
    expect(toUpdateInput(form).clauses[1]!.changeReason).toBeNull();
    form = updateClause(form, 0, { changeReason: ' 采纳居民意见 ' });
    expect(toUpdateInput(form).clauses[0]!.changeReason).toBe('采纳居民意见');
  });

  it('offers each clause of the previous version to one clause only', () => {
    const previous = [{ id: 'p1' }, { id: 'p2' }];
    const form = fromVersion(version);
    expect(continuable(form, 0, previous).map((c) => c.id)).toEqual(['p1', 'p2']);
    expect(continuable(form, 1, previous).map((c) => c.id)).toEqual(['p2']);
  });
});

describe('checks', () => {
  const form: DraftForm = fromVersion(version);

  it('need a title and the text of every clause, within the limits', () => {
    expect(checkDraft(form)).toEqual({});
    const broken = updateClause(updateClause({ ...form, title: ' ' }, 1, { body: '' }), 0, { heading: '字'.repeat(101) });
    expect(checkDraft(broken)).toEqual({ title: 'titleRequired', 'clauses.0.heading': 'tooLong', 'clauses.1.body': 'bodyRequired' });
  });

  it('need a clause to publish, and a change note from version 2 on', () => {
    expect(checkPublish(form, 1)).toEqual({});
    expect(checkPublish(form, 2)).toEqual({ changeNote: 'changeNoteRequired' });
    expect(checkPublish({ ...form, clauses: [] }, 1)).toEqual({ clauses: 'noClauses' });
  });

  it('place the API’s field errors', () => {
    expect(draftFieldOfPath('clauses.3.body')).toBe('clauses.3.body');
    expect(draftFieldOfPath('clauses.3.previousClauseId')).toBe('clauses');
    expect(draftFieldOfPath('changeNote')).toBe('changeNote');
    expect(draftFieldOfPath('file')).toBeNull();
  });
});
