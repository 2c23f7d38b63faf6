import { describe, expect, it } from '@jest/globals';
import { translator } from '../../../i18n/testing';
import { ApiError } from '../../../lib/api-client';
import { castErrorMessage, castRefusal } from './cast-errors';

const conflict = (reason: string) => new ApiError('CONFLICT', 409, 'refused', { reason });

describe('a refused ballot, in words', () => {
  it('names each refusal of the API', () => {
    for (const reason of ['not_open_yet', 'closed', 'paper_supersedes', 'change_not_allowed', 'already_voted']) {
      expect(castRefusal(conflict(reason))).toBe(reason);
    }
    expect(castRefusal(new ApiError('FORBIDDEN', 403, 'no', { reason: 'not_eligible' }))).toBe('not_eligible');
    expect(castRefusal(conflict('something_else'))).toBeNull();
    expect(castRefusal(new Error('x'))).toBeNull();
  });

  it('says what happened and what still counts, else the message for the code', async () => {
    const t = await translator('zh-CN');
    expect(castErrorMessage(conflict('paper_supersedes'), t)).toBe('工作人员已录入您的纸质选票，以纸质选票为准，网上不能再投。');
    expect(castErrorMessage(conflict('closed'), t)).toBe('投票已经截止，不能再投票或更改。');
    expect(castErrorMessage(new ApiError('FORBIDDEN', 403, 'no', { reason: 'not_eligible' }), t)).toBe('您不在本次表决的投票人名单上，不能投票。');
    expect(castErrorMessage(new ApiError('NETWORK_ERROR', 0, 'offline'), t)).toBe('网络连接失败，请检查网络后再试。');
  });
});
