import { describe, expect, it } from '@jest/globals';
import { translator } from '../../../i18n/testing';
import { describeNotification } from './describe-notification';

const CONSULTATION = '5b0d6c1e-1c2f-4f7e-9a51-0c8a3c1d2e3f';

describe('notifications in words', () => {
  it('word an official answer with its outcome, in both languages, and lead to the comment', async () => {
    const notification = {
      kind: 'comment_replied' as const,
      params: { consultationId: CONSULTATION, title: '小区停车管理公约', commentId: 'c1', replyId: null, official: true, outcome: 'partly_adopted', updated: false },
      link: `/consultations/${CONSULTATION}?comment=c1`,
    };
    const zh = describeNotification(notification, await translator('zh-CN'), 'zh-CN');
    expect(zh.text).toBe('您对“小区停车管理公约”的意见收到正式答复：部分采纳。');
    expect(zh.link).toBe(`/consultations/${CONSULTATION}?comment=c1`);
    const en = describeNotification(notification, await translator('en'), 'en');
    expect(en.text).toBe('Your opinion on “小区停车管理公约” has an official answer: Partly adopted.');
  });

  it('tell a neighbour’s reply from an official answer, and an updated answer from a new one', async () => {
    const t = await translator('zh-CN');
    const base = { consultationId: CONSULTATION, title: '公约', commentId: 'c1' };
    expect(describeNotification({ kind: 'comment_replied', params: { ...base, official: false, outcome: null }, link: '/x' }, t, 'zh-CN').text).toBe('有人回复了您对“公约”的意见。');
    expect(describeNotification({ kind: 'comment_replied', params: { ...base, official: true, outcome: 'adopted', updated: true }, link: '/x' }, t, 'zh-CN').text).toBe(
      '您对“公约”的意见的正式答复已更新：采纳。',
    );
  });

  it('word each screening outcome of a topic, with the public reason', async () => {
    const t = await translator('zh-CN');
    const topic = { topicId: 't1', title: '东门路灯', reason: null, consultationId: null, mergedIntoId: null, mergedIntoTitle: null };
    expect(describeNotification({ kind: 'topic_screened', params: { ...topic, outcome: 'accepted' }, link: '/topics/t1' }, t, 'zh-CN').text).toContain('已被采纳');
    expect(describeNotification({ kind: 'topic_screened', params: { ...topic, outcome: 'merged', mergedIntoTitle: '路灯' }, link: '/topics/t1' }, t, 'zh-CN').text).toContain('“路灯”');
    expect(describeNotification({ kind: 'topic_screened', params: { ...topic, outcome: 'declined', reason: '不属于小区事务' }, link: '/topics/t1' }, t, 'zh-CN').text).toBe(
      '您提的议题“东门路灯”未被采纳。理由：不属于小区事务',
    );
  });

  it('name the phase a consultation opened in or moved to, and the day comments close', async () => {
    const t = await translator('zh-CN');
    const params = { consultationId: CONSULTATION, title: '公约', from: 'draft', to: 'comment' };
    expect(describeNotification({ kind: 'consultation_opened', params, link: `/consultations/${CONSULTATION}` }, t, 'zh-CN').text).toBe('新的议事“公约”开始了，现在是征求意见阶段。');
    expect(describeNotification({ kind: 'phase_changed', params: { ...params, from: 'comment', to: 'voting' }, link: '/c' }, t, 'zh-CN').text).toBe('“公约”进入表决阶段。');
    expect(
      describeNotification({ kind: 'comment_period_ending', params: { consultationId: CONSULTATION, title: '公约', endsAt: '2026-05-15T10:00:00.000Z' }, link: '/c' }, t, 'zh-CN').text,
    ).toContain('2026年5月15日 18:00');
  });

  it('word a new version and a cancelled briefing', async () => {
    const t = await translator('en');
    expect(describeNotification({ kind: 'draft_published', params: { consultationId: CONSULTATION, title: 'Pact', number: 2, versionTitle: 'x' }, link: '/c' }, t, 'en').text).toBe(
      'Version 2 of the draft of “Pact” is out.',
    );
    const cancelled = describeNotification(
      { kind: 'briefing_cancelled', params: { consultationId: CONSULTATION, title: 'Pact', place: 'Hall', startsAt: '2026-05-15T02:00:00.000Z', reason: 'Rain' }, link: '/c' },
      t,
      'en',
    );
    expect(cancelled.text).toBe('The briefing on “Pact” you signed up for (15 May 2026, Hall) is cancelled. Reason: Rain');
  });

  it('word a meeting notice with its time and place', async () => {
    const t = await translator('zh-CN');
    const notice = describeNotification(
      { kind: 'session_announced', params: { title: '御水岸议事会', startsAt: '2026-12-07T11:00:00.000Z', place: '御水岸党群服务站' }, link: '/sessions/s1' },
      t,
      'zh-CN',
    );
    expect(notice).toEqual({ text: '会议通知：「御水岸议事会」，2026年12月7日 19:00，御水岸党群服务站。', link: '/sessions/s1' });
  });

  it('never lead off the site, and still say something about an unknown or bare message', async () => {
    const t = await translator('zh-CN');
    expect(describeNotification({ kind: 'phase_changed', params: { consultationId: CONSULTATION }, link: '//evil.example/x' }, t, 'zh-CN')).toEqual({
      text: '“（无标题）”有新的消息。',
      link: `/consultations/${CONSULTATION}`,
    });
    expect(describeNotification({ kind: 'comment_hidden', params: {}, link: 'https://evil.example' }, t, 'zh-CN').link).toBe('/inbox');
  });

  it('word a vote opening with its closing time, its count with the verdict, and its final notice, leading to the vote', async () => {
    const t = await translator('zh-CN');
    const vote = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
    const opened = describeNotification({ kind: 'vote_opened', params: { voteId: vote, title: '加装电梯', closesAt: '2026-05-15T10:00:00.000Z' }, link: `/votes/${vote}` }, t, 'zh-CN');
    expect(opened).toEqual({ text: '“加装电梯”开始投票了，2026年5月15日 18:00 截止。', link: `/votes/${vote}` });
    // A reminder leads to the ballot, not the result (the link it carries is not trusted blindly).
    expect(describeNotification({ kind: 'vote_reminder', params: { voteId: vote, title: '加装电梯', closesAt: '2026-05-15T10:00:00.000Z' }, link: '//evil.example' }, t, 'zh-CN')).toEqual({
      text: '提醒：“加装电梯”将于 2026年5月15日 18:00 截止投票，您还没有参加。',
      link: `/votes/${vote}`,
    });
    const counted = describeNotification({ kind: 'vote_result', params: { voteId: vote, title: '加装电梯', passed: false, objectionDays: 7 }, link: `/votes/${vote}/result` }, t, 'zh-CN');
    expect(counted.text).toBe('“加装电梯”的计票结果已公示：未通过。');
    expect(describeNotification({ kind: 'vote_result', params: { voteId: vote, title: '加装电梯', objectionAnswered: true }, link: '' }, t, 'zh-CN')).toEqual({
      text: '您对“加装电梯”表决结果的异议已收到答复。',
      link: `/votes/${vote}/result`,
    });
    const en = await translator('en');
    expect(describeNotification({ kind: 'vote_final', params: { voteId: vote, title: 'Lift' }, link: '//evil.example' }, en, 'en')).toEqual({
      text: 'The result of “Lift” is final.',
      link: `/votes/${vote}/result`,
    });
    expect(describeNotification({ kind: 'vote_result', params: { voteId: vote, title: 'Lift', passed: true }, link: `/votes/${vote}/result` }, en, 'en').text).toBe(
      'The count of “Lift” is published: passed.',
    );
  });

  it('tell the owner who issued a password reset code in person, and where, in both languages', async () => {
    const notice = { kind: 'password_reset_in_person' as const, params: { issuedBy: '1栋 楼长', unitName: '御水岸', expiresAt: '2026-05-15T10:30:00.000Z' }, link: '/me' };
    expect(describeNotification(notice, await translator('zh-CN'), 'zh-CN')).toEqual({ text: '您的密码重置码由1栋 楼长（御水岸）当面发出。如非本人办理，请立即联系社区。', link: '/me' });
    expect(describeNotification(notice, await translator('en'), 'en').text).toBe(
      'A password reset code for your account was issued in person by 1栋 楼长 (御水岸). If this was not you, contact the community office at once.',
    );
  });
});
