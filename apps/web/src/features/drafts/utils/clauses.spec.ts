import { describe, expect, it } from '@jest/globals';
import { changedClauses, clauseChange, excerpt } from './clauses';

describe('excerpts', () => {
  it('keep a short clause whole, on one line', () => {
    expect(excerpt('生活垃圾\n每周清运一次。')).toBe('生活垃圾 每周清运一次。');
  });

  it('cut a long one by characters, with an ellipsis', () => {
    expect(excerpt('字'.repeat(50), 10)).toBe(`${'字'.repeat(10)}…`);
  });
});

describe('changes of a clause', () => {
  const diff = [
    { status: 'unchanged' as const, clauseId: 'a', renumbered: false },
    { status: 'changed' as const, clauseId: 'b', renumbered: false },
    { status: 'unchanged' as const, clauseId: 'c', renumbered: true },
    { status: 'removed' as const, clauseId: null, renumbered: false },
    { status: 'added' as const, clauseId: 'd', renumbered: false },
  ];

  it('are found for a changed, added or renumbered clause, not an unchanged one', () => {
    expect(clauseChange(diff, 'a')).toBeNull();
    expect(clauseChange(diff, 'b')?.status).toBe('changed');
    expect(clauseChange(diff, 'c')?.renumbered).toBe(true);
    expect(clauseChange(diff, 'd')?.status).toBe('added');
    expect(clauseChange(diff, 'zzz')).toBeNull();
  });

  it('list everything but the unchanged clauses, removed ones included', () => {
    expect(changedClauses(diff).map((d) => d.status)).toEqual(['changed', 'unchanged', 'removed', 'added']);
  });
});
