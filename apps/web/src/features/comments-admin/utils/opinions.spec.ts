import { describe, expect, it } from '@jest/globals';
import type { ThreadLike, VersionLike } from './opinions';
import { adoptionReportXlsxUrl, filterCounts, groupByPlace, linkableClauses, matchesFilter } from './opinions';

const thread = (id: string, change: Partial<ThreadLike> = {}): ThreadLike => ({
  id,
  versionId: 'v1',
  versionNumber: 1,
  clauseId: null,
  clauseNumber: null,
  createdAt: `2026-05-0${id.length}T00:00:00.000Z`,
  hidden: false,
  reportCount: 0,
  officialReply: null,
  ...change,
});

const versions: VersionLike[] = [
  { id: 'v1', number: 1, published: true, clauses: [{ id: 'c1', number: 1, heading: '总则' }, { id: 'c3', number: 3, heading: null }] },
  { id: 'v2', number: 2, published: true, clauses: [{ id: 'd1', number: 1, heading: '总则' }] },
  { id: 'v3', number: 3, published: false, clauses: [{ id: 'e1', number: 1, heading: null }] },
];

describe('filters', () => {
  const answered = thread('a', { officialReply: { outcome: 'adopted' } });
  const hidden = thread('b', { hidden: true, reportCount: 2 });
  const open = thread('c', { reportCount: 1 });

  it('tell answered, unanswered, reported and hidden opinions apart', () => {
    expect(matchesFilter(open, 'unanswered')).toBe(true);
    expect(matchesFilter(answered, 'unanswered')).toBe(false);
    // A hidden opinion needs no answer.
    expect(matchesFilter(hidden, 'unanswered')).toBe(false);
    expect(filterCounts([answered, hidden, open])).toEqual({ all: 3, unanswered: 1, answered: 1, reported: 2, hidden: 1 });
  });
});

describe('groupByPlace', () => {
  it('puts the whole draft first, then clauses in order, each oldest first, version by version', () => {
    const threads = [
      thread('xx', { clauseId: 'c3', clauseNumber: 3 }),
      thread('y', { versionId: 'v2', versionNumber: 2 }),
      thread('z', { clauseId: 'c3', clauseNumber: 3 }),
      thread('w'),
      thread('vvv', { clauseId: 'c1', clauseNumber: 1 }),
    ];
    const groups = groupByPlace(threads, versions);
    expect(groups.map((g) => [g.key, g.heading, g.threads.map((t) => t.id)])).toEqual([
      ['v1', null, ['w']],
      ['v1-c1', '总则', ['vvv']],
      ['v1-c3', null, ['z', 'xx']],
      ['v2', null, ['y']],
    ]);
  });
});

describe('linkableClauses', () => {
  it('offers the clauses of later published versions only', () => {
    expect(linkableClauses({ versionNumber: 1 }, versions).map((c) => `${c.versionNumber}-${c.number}`)).toEqual(['2-1']);
    expect(linkableClauses({ versionNumber: 2 }, versions)).toEqual([]);
  });

  it('downloads the report from the API', () => {
    expect(adoptionReportXlsxUrl('abc')).toBe('/api/consultations/abc/adoption-report/xlsx');
  });
});
