import { describe, expect, it } from '@jest/globals';
import { translator } from '../../../i18n/testing';
import type { PaperMatter } from './assembly-papers';
import { assemblyReadingLines, emptyMarks, overSeats, parseReading, toMarks } from './assembly-papers';
import { paperReadingLines } from './papers';

const MATTERS: PaperMatter[] = [
  { id: 'm1', title: '管理规约', kind: 'motion', seats: null, candidates: null },
  { id: 'm2', title: '续筹维修资金', kind: 'motion', seats: null, candidates: null },
  {
    id: 'm3',
    title: '业委会选举',
    kind: 'election',
    seats: 2,
    candidates: [
      { id: 'c1', name: '陈志强' },
      { id: 'c2', name: '黄美玲' },
      { id: 'c3', name: '李建华' },
    ],
  },
];

describe('an assembly paper entered at the desk', () => {
  it('sends every matter: an untouched motion as blank, ticked names in the paper’s order, an unreadable election as spoilt', () => {
    const marks = { ...emptyMarks(MATTERS), m2: { choice: 'oppose' as const, chosen: [], spoilt: false }, m3: { choice: '' as const, chosen: ['c3', 'c1'], spoilt: false } };
    expect(toMarks(MATTERS, marks)).toEqual([
      { matter: 'm1', choice: 'blank' },
      { matter: 'm2', choice: 'oppose' },
      { matter: 'm3', chosen: ['c1', 'c3'] },
    ]);
    expect(toMarks(MATTERS, { ...marks, m1: { choice: 'spoilt', chosen: [], spoilt: false }, m3: { choice: '', chosen: ['c1'], spoilt: true } })).toEqual([
      { matter: 'm1', choice: 'spoilt' },
      { matter: 'm2', choice: 'oppose' },
      { matter: 'm3', choice: 'spoilt' },
    ]);
  });

  it('warns only when more names are ticked than there are seats', () => {
    const election = MATTERS[2]!;
    expect(overSeats(election, { choice: '', chosen: ['c1', 'c2'], spoilt: false })).toBe(false);
    expect(overSeats(election, { choice: '', chosen: ['c1', 'c2', 'c3'], spoilt: false })).toBe(true);
    expect(overSeats(election, { choice: '', chosen: ['c1', 'c2', 'c3'], spoilt: true })).toBe(false);
  });
});

describe('an assembly paper’s readings in words', () => {
  it('reads the API’s text matter by matter', () => {
    expect(parseReading('m1 approve · m2 blank · m3 c1 c2')).toEqual([
      { matter: 'm1', mark: { kind: 'choice', choice: 'approve' } },
      { matter: 'm2', mark: { kind: 'choice', choice: 'blank' } },
      { matter: 'm3', mark: { kind: 'chosen', chosen: ['c1', 'c2'] } },
    ]);
  });

  it('names each matter and candidate instead of their ids, in both languages', async () => {
    const zh = await translator('zh-CN', { console: true });
    const en = await translator('en', { console: true });
    expect(assemblyReadingLines(MATTERS, 'm1 approve · m2 blank · m3 c1 c2', zh)).toEqual(['1. 管理规约：同意', '2. 续筹维修资金：未填（空白）', '3. 业委会选举：陈志强、黄美玲']);
    expect(assemblyReadingLines(MATTERS, 'm1 oppose · m2 spoilt · m3 spoilt', en)).toEqual(['1. 管理规约: Oppose', '2. 续筹维修资金: Unreadable', '3. 业委会选举: Unreadable']);
    expect(assemblyReadingLines(MATTERS, null, zh)).toEqual(['—']);
  });

  it('keeps a single question’s reading as one choice', async () => {
    const zh = await translator('zh-CN', { console: true });
    expect(paperReadingLines({ questionKind: 'motion', options: null, matters: null }, 'approve', zh)).toEqual(['同意']);
    expect(paperReadingLines({ questionKind: 'assembly', options: null, matters: MATTERS }, 'm1 abstain · m2 approve · m3 c2', zh)).toEqual(['1. 管理规约：弃权', '2. 续筹维修资金：同意', '3. 业委会选举：黄美玲']);
  });
});
