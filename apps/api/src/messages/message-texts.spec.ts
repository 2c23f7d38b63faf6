import { describe, expect, it } from '@jest/globals';
import { chinaTime, outboundText } from './message-texts';

describe('the words of a text message', () => {
  it('gives times on the China clock', () => {
    expect(chinaTime('2026-12-08T12:00:00.000Z')).toBe('12月8日 20:00');
    expect(chinaTime('2026-12-31T16:05:00.000Z')).toBe('1月1日 00:05');
    expect(chinaTime('not a date')).toBe('');
    expect(chinaTime(null)).toBe('');
  });

  it('words a vote’s opening with its closing time, the link when the address is known, and how to opt out', () => {
    const text = outboundText('vote_opened', { voteId: 'v1', title: '更换电梯', closesAt: '2026-12-08T12:00:00.000Z' }, '/votes/v1', 'https://yishi.example.cn');
    expect(text.sms).toBe('【议事】“更换电梯”开始投票，12月8日 20:00截止。请在议事里投票，也可到社区服务站投纸质票。 https://yishi.example.cn/votes/v1 不想收短信：议事→我的→消息设置。');
    expect(text.expiresAt).toEqual(new Date('2026-12-08T12:00:00.000Z'));
    expect(text.wechat).toEqual({ what: '投票开始，请参加', title: '更换电梯', time: '12月8日 20:00' });
    expect(outboundText('vote_opened', { title: '更换电梯', closesAt: '2026-12-08T12:00:00.000Z' }, '/votes/v1', undefined).sms).not.toContain('http');
  });

  it('says whether a result passed, and keeps WeChat’s fields to 20 characters', () => {
    expect(outboundText('vote_result', { title: '甲', passed: true }, '/votes/v1/result', undefined).sms).toContain('通过。');
    expect(outboundText('vote_result', { title: '甲', passed: false }, '/votes/v1/result', undefined).sms).toContain('未通过');
    expect(outboundText('vote_result', { title: '甲', passed: false }, '/votes/v1/result', undefined).expiresAt).toBeNull();
    const long = outboundText('consultation_opened', { title: '关于御水岸小区地下车库电动汽车充电设施建设与管理的议事' }, '/consultations/c', undefined);
    expect([...long.wechat.title]).toHaveLength(20);
    expect(long.wechat.title.endsWith('…')).toBe(true);
  });
});
