import { describe, expect, it } from '@jest/globals';
import { formatPublicToken, normalisePublicToken, publicResultPath, publicResultUrl } from '@yishi/contracts';
import { translator } from '../../../i18n/testing';
import { ApiError } from '../../../lib/api-client';
import { optionLabelOf, pageProblem, recountCommand, stageNote } from './public-page';

const TOKEN = 'k7qm3xfa9pztw2hd0c4vbn6ejr8s';

describe('the key of a public page, as printed and as typed', () => {
  it('is printed in groups of four joined by dashes, on the origin the notice came from', () => {
    expect(formatPublicToken(TOKEN)).toBe('k7qm-3xfa-9pzt-w2hd-0c4v-bn6e-jr8s');
    expect(publicResultPath(TOKEN)).toBe('/r/k7qm-3xfa-9pzt-w2hd-0c4v-bn6e-jr8s');
    expect(publicResultUrl('http://192.168.1.20:3000', TOKEN)).toBe('http://192.168.1.20:3000/r/k7qm-3xfa-9pzt-w2hd-0c4v-bn6e-jr8s');
  });

  it('forgives what a person typing it from paper gets wrong, and nothing else', () => {
    for (const typed of [TOKEN, formatPublicToken(TOKEN), formatPublicToken(TOKEN).toUpperCase(), 'k7qm 3xfa 9pzt w2hd 0c4v bn6e jr8s', 'ｋ７ｑｍ-3xfa-9pzt-w2hd-0c4v-bn6e-jr8s']) {
      expect(normalisePublicToken(typed)).toBe(TOKEN);
    }
    // o for 0, i and l for 1, as the alphabet intends.
    expect(normalisePublicToken('k7qm-3xfa-9pzt-w2hd-Oc4v-bn6e-jr8s')).toBe(TOKEN);
    expect(normalisePublicToken('k7qm3xfa9pztw2hd0c4vbn6ejr8s'.replace('0', 'o'))).toBe(TOKEN);
    expect(normalisePublicToken('iiii-llll-0000-0000-0000-0000-0000')).toBe('1111111100000000000000000000');
    // Too short, too long, a letter the alphabet lacks (u), the vote's id: no key.
    for (const wrong of [TOKEN.slice(1), `${TOKEN}a`, `u${TOKEN.slice(1)}`, '0b7e4c52-1f0a-4c1e-9d6e-3f2b1a0c9d8e', '', '/r/']) {
      expect(normalisePublicToken(wrong)).toBeNull();
    }
  });
});

describe('the public page in words', () => {
  const result = {
    kitFileName: 'yishi-vote-0b7e4c52-1f0a-4c1e-9d6e-3f2b1a0c9d8e.zip',
    stage: 'provisional' as const,
    publishedAt: '2026-12-04T02:00:00.000Z',
    objectionUntil: '2026-12-11T02:00:00.000Z',
    finalAt: null,
    options: [{ id: 'sat', label: { 'zh-CN': '周六上午', en: 'Saturday morning' } }],
  };

  it('gives the recount command for the folder the kit unzips to', () => {
    expect(recountCommand(result)).toBe('npm run recount -- yishi-vote-0b7e4c52-1f0a-4c1e-9d6e-3f2b1a0c9d8e');
  });

  it('says when the result was published and until when objections are taken, then that it is final (China time)', async () => {
    const zh = await translator('zh-CN');
    const en = await translator('en');
    expect(stageNote(result, zh, 'zh-CN')).toBe(
      '2026年12月4日 10:00 公布计票结果，公示中：2026年12月11日 10:00 前本单位的居民可以提出异议；异议期满、所有异议答复后公布最终结果。',
    );
    expect(stageNote(result, en, 'en')).toContain('on notice: the unit’s residents may object until 11 December 2026, 10:00');
    const final = { ...result, stage: 'final' as const, finalAt: '2026-12-11T02:01:00.000Z' };
    expect(stageNote(final, zh, 'zh-CN')).toBe('2026年12月4日 10:00 公布计票结果，2026年12月11日 10:01 异议期满、所有异议均已答复，这是最终结果。');
  });

  it('names a poll’s options in the reader’s language', () => {
    expect(optionLabelOf(result, 'zh-CN')('sat')).toBe('周六上午');
    expect(optionLabelOf(result, 'en')('sat')).toBe('Saturday morning');
    expect(optionLabelOf(result, 'en')('sun')).toBe('sun');
  });

  it('tells a missing notice from a busy address and from a broken connection', () => {
    expect(pageProblem(new ApiError('NOT_FOUND', 404, 'There is no published result at this address.'))).toBe('notFound');
    expect(pageProblem(new ApiError('TOO_MANY_REQUESTS', 429, 'Too many', null, 120))).toBe('tooMany');
    expect(pageProblem(new ApiError('NETWORK_ERROR', 0, 'offline'))).toBe('other');
    expect(pageProblem(new Error('boom'))).toBe('other');
  });
});
