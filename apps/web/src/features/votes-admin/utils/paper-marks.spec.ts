import { describe, expect, it } from '@jest/globals';
import type { TFunction } from 'i18next';
import { marksRequest, overTicked, readingText } from './paper-marks';

const matters = [
  { id: 'm1', title: '管理规约', kind: 'motion' as const, seats: null, candidates: null },
  { id: 'm2', title: '业委会选举', kind: 'election' as const, seats: 2, candidates: [{ id: 'c1', name: '陈志强' }, { id: 'c2', name: '黄美玲' }, { id: 'c3', name: '李建华' }] },
];
const words: Record<string, string> = {
  'voteAdmin.choice.approve': '同意',
  'voteAdmin.choice.spoilt': '废票',
  'voteAdmin.marks.blank': '未填写',
  'voteAdmin.marks.noneChosen': '未选任何人',
  'voteAdmin.listSeparator': '、',
};
const t = ((key: string) => words[key] ?? key) as unknown as TFunction;

describe('an assembly paper as staff enter it', () => {
  it('sends only what the paper shows: a blank matter and an empty election are not sent', () => {
    expect(marksRequest(matters, { m1: 'approve', m2: [] })).toEqual([{ matter: 'm1', choice: 'approve' }]);
    expect(marksRequest(matters, { m2: ['c1', 'c3'] })).toEqual([{ matter: 'm2', chosen: ['c1', 'c3'] }]);
    expect(marksRequest(matters, { m1: 'spoilt' })).toEqual([{ matter: 'm1', choice: 'spoilt' }]);
  });

  it('flags an election with more names ticked than seats', () => {
    expect(overTicked(matters[1]!, ['c1', 'c2', 'c3'])).toBe(true);
    expect(overTicked(matters[1]!, ['c1', 'c2'])).toBe(false);
    expect(overTicked(matters[0]!, 'approve')).toBe(false);
  });

  it('words the server’s reading with titles and names', () => {
    expect(readingText(matters, 'm1 approve · m2 c1 c3', t)).toBe('管理规约：同意；业委会选举：陈志强、李建华');
    expect(readingText(matters, 'm1 blank · m2 spoilt', t)).toBe('管理规约：未填写；业委会选举：废票');
    expect(readingText(matters, null, t)).toBe('—');
  });
});
