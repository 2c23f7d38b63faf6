import { describe, expect, it } from '@jest/globals';
import { RULE_SET_IDS, RULE_SETS } from './rule-sets';
import { checkSchedule, noticeEndsAt, reasonProblem } from './schedule';

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
// 2026-11-26 10:00 in Beijing.
const ANNOUNCED = new Date('2026-11-26T02:00:00Z');
const at = (ms: number): Date => new Date(ANNOUNCED.getTime() + ms);

describe('the notice and the shortest window of each rule set', () => {
  it('runs 15 days for owners, 10 for a member assembly and a villagers’ assembly, none for a poll', () => {
    expect(noticeEndsAt('cc278-major', ANNOUNCED).toISOString()).toBe('2026-12-11T02:00:00.000Z');
    expect(noticeEndsAt('rceo-27', ANNOUNCED).toISOString()).toBe('2026-12-06T02:00:00.000Z');
    expect(noticeEndsAt('vcl-22', ANNOUNCED).toISOString()).toBe('2026-12-06T02:00:00.000Z');
    expect(noticeEndsAt('simple-majority', ANNOUNCED)).toEqual(ANNOUNCED);
  });

  it('cites the statute of every notice, and says plainly where the shortest window is the platform’s own rule', () => {
    expect(RULE_SETS['cc278-ordinary'].noticeSource['zh-CN']).toContain('《物业管理条例》第十四条');
    expect(RULE_SETS['rceo-27'].noticeSource['zh-CN']).toContain('《农村集体经济组织法》第二十七条');
    expect(RULE_SETS['vcl-22'].noticeSource['zh-CN']).toContain('《村民委员会组织法》第二十一条');
    for (const id of RULE_SET_IDS) {
      const info = RULE_SETS[id];
      if (id === 'simple-majority') {
        expect(info.minVotingHours).toBe(0);
        continue;
      }
      expect(info.minVotingHours).toBeGreaterThanOrEqual(2);
      expect(info.minVotingSource['zh-CN']).toMatch(/^平台规则：法律未规定最短表决期/);
      expect(info.minVotingSource.en).toMatch(/^Platform rule: no statute sets a shortest voting period/);
    }
  });

  it('gives owners a week, for paper ballots to go out and come back, and a meeting of all members a day', () => {
    expect(RULE_SETS['cc278-major'].minVotingHours).toBe(7 * 24);
    expect(RULE_SETS['rceo-27'].minVotingHours).toBe(24);
    expect(RULE_SETS['rceo-28'].minVotingHours).toBe(2);
  });
});

describe('checkSchedule', () => {
  it('finds nothing to approve in a vote that opens when its notice has run and stays open a week', () => {
    expect(checkSchedule('cc278-major', { announcedAt: ANNOUNCED, opensAt: at(15 * DAY), closesAt: at(22 * DAY) })).toMatchObject({ shortensNotice: false, shortensWindow: false });
  });

  it('finds the issue’s attack: opened at once and closed four seconds later', () => {
    expect(checkSchedule('cc278-major', { announcedAt: ANNOUNCED, opensAt: ANNOUNCED, closesAt: at(4000) })).toMatchObject({ shortensNotice: true, shortensWindow: true });
  });

  it('finds an early opening with a full window, and a full notice with a short window', () => {
    expect(checkSchedule('cc278-ordinary', { announcedAt: ANNOUNCED, opensAt: at(DAY), closesAt: at(8 * DAY) })).toMatchObject({ shortensNotice: true, shortensWindow: false });
    expect(checkSchedule('cc278-ordinary', { announcedAt: ANNOUNCED, opensAt: at(15 * DAY), closesAt: at(16 * DAY) })).toMatchObject({ shortensNotice: false, shortensWindow: true });
    // One millisecond short of the notice is short; the notice's last instant is not.
    expect(checkSchedule('rceo-27', { announcedAt: ANNOUNCED, opensAt: at(10 * DAY - 1), closesAt: at(12 * DAY) }).shortensNotice).toBe(true);
    expect(checkSchedule('rceo-27', { announcedAt: ANNOUNCED, opensAt: at(10 * DAY), closesAt: at(11 * DAY) })).toMatchObject({ shortensNotice: false, shortensWindow: false });
  });

  it('exempts an informal poll', () => {
    expect(checkSchedule('simple-majority', { announcedAt: ANNOUNCED, opensAt: ANNOUNCED, closesAt: at(4000) })).toMatchObject({ shortensNotice: false, shortensWindow: false });
  });
});

describe('a reason of substance', () => {
  it.each(['ok', 'OK!!!', '同意', '提前开启的理由', '测试测试测试测试测试测试测试测试', '。。。。。。。。。。。。。。。。', 'ok ok ok ok ok ok ok ok ok', '1111111111111111111'])('is not %j', (text) => {
    expect(reasonProblem(text)).not.toBeNull();
  });

  it('says whether it is too short or filler', () => {
    expect(reasonProblem('ok')).toBe('tooShort');
    expect(reasonProblem('测试测试测试测试测试测试测试测试')).toBe('filler');
  });

  it.each(['台风季前须抢修屋面防水，业委会决议提前表决', '消防检查限期整改，业主大会决定提前开始投票。', 'The roof leaks and must be repaired before the typhoon season'])('is %j', (text) => {
    expect(reasonProblem(text)).toBeNull();
  });
});
