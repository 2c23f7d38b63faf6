import { describe, expect, it } from '@jest/globals';
import { translator } from '../../../i18n/testing';
import { isPaperCode, normaliseCode, paperChoices, paperNextStep, paperNotes, parseSerials } from './papers';

describe('parseSerials', () => {
  it('reads lists and ranges as staff write them, each serial once', () => {
    expect(parseSerials('1-3, 8 5，3')).toEqual({ serials: [1, 2, 3, 5, 8], invalid: [] });
    expect(parseSerials('10至12、20')).toEqual({ serials: [10, 11, 12, 20], invalid: [] });
  });

  it('sets apart what cannot be read', () => {
    expect(parseSerials('0, 7-5, abc, 4')).toEqual({ serials: [4], invalid: ['0', '7-5', 'abc'] });
    expect(parseSerials('1-999999').invalid).toEqual(['1-999999']);
    expect(parseSerials('   ')).toEqual({ serials: [], invalid: [] });
  });
});

describe('paper choices and codes', () => {
  it('offers 同意 / 反对 / 弃权 on a motion, and a poll’s options with 弃权', () => {
    expect(paperChoices({ questionKind: 'motion', options: null }).map((c) => c.id)).toEqual(['approve', 'oppose', 'abstain']);
    expect(paperChoices({ questionKind: 'options', options: [{ id: 'a', label: '周六' }] })).toEqual([
      { id: 'a', key: null, label: '周六' },
      { id: 'abstain', key: 'voteAdmin.choice.abstain', label: null },
    ]);
  });

  it('reads the printed code with spaces and in any case', () => {
    expect(normaliseCode(' 3fa 9c2 ')).toBe('3FA9C2');
    expect(isPaperCode('3fa9c2')).toBe(true);
    expect(isPaperCode('3FA9C')).toBe(false);
    expect(isPaperCode('3FA9CG')).toBe(false);
  });

  it('says what a paper waits for', () => {
    expect(paperNextStep('entered')).toBe('second-entry');
    expect(paperNextStep('disputed')).toBe('settle');
    expect(paperNextStep('confirmed')).toBe('done');
  });
});

describe('paperNotes', () => {
  const blank = { disputedOn: [] as ('choice' | 'proxy')[], resolution: null, voidKind: null, voidReason: null };

  it('tells a paper’s story in Chinese, and the same in English', async () => {
    const zh = await translator('zh-CN', { console: true });
    const en = await translator('en', { console: true });
    const settled = { ...blank, disputedOn: ['choice', 'proxy'] as ('choice' | 'proxy')[], resolution: '“弃权”栏的勾已划去' };
    expect(paperNotes(settled, zh)).toEqual(['两次录入不一致：所选意见、委托', '裁定：“弃权”栏的勾已划去']);
    expect(paperNotes(settled, en)).toEqual(['The two entries differ in the choice and the proxy', 'Settled: “弃权”栏的勾已划去']);
    expect(paperNotes({ ...blank, disputedOn: ['choice'], voidKind: 'spoilt', resolution: '两栏都打勾' }, zh)).toEqual(['两次录入不一致：所选意见', '裁定为废票', '裁定：两栏都打勾']);
    expect(paperNotes({ ...blank, voidKind: 'reissued', voidReason: '业主填错' }, zh)).toEqual(['作废并补发：业主填错']);
    expect(paperNotes({ ...blank, voidKind: 'void', voidReason: 'torn' }, en)).toEqual(['Voided: torn']);
    expect(paperNotes(blank, en)).toEqual([]);
  });
});
