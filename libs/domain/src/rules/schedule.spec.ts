import { describe, expect, it } from '@jest/globals';
import { RULE_SET_IDS, RULE_SETS } from './rule-sets';
import { checkSchedule, noticeEndsAt, objectionEndsAt, objectionWindowOpen, objectionWindowRun, reasonProblem, windowShorterThan } from './schedule';
import { DAY_MS, HOUR_MS, noticeDaysBetween } from '../time';

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

// 2026-12-11 20:00 in Beijing: the vote was counted.
const CLOSED = new Date('2026-12-11T12:00:00Z');

describe('the objection window after the provisional result', () => {
  it('ends the given number of 24-hour days after the count, to the minute', () => {
    expect(objectionEndsAt(CLOSED, 7).toISOString()).toBe('2026-12-18T12:00:00.000Z');
  });

  it('ends at the count itself when it is zero days long', () => {
    expect(objectionEndsAt(CLOSED, 0)).toEqual(CLOSED);
  });

  it('runs the longest allowed window of 60 days across the turn of the year', () => {
    expect(objectionEndsAt(CLOSED, 60).toISOString()).toBe('2027-02-09T12:00:00.000Z');
  });

  it('still takes an objection a millisecond before the window ends', () => {
    expect(objectionWindowOpen(CLOSED, 7, new Date('2026-12-18T11:59:59.999Z'))).toBe(true);
  });

  it('takes no objection from the instant the window ends: that instant belongs to the final notice', () => {
    expect(objectionWindowOpen(CLOSED, 7, new Date('2026-12-18T12:00:00.000Z'))).toBe(false);
    expect(objectionWindowOpen(CLOSED, 7, new Date('2026-12-18T12:00:00.001Z'))).toBe(false);
  });

  it('is open or has run, never both and never neither', () => {
    for (const ms of [-1, 0, 1]) {
      const at = new Date(Date.parse('2026-12-18T12:00:00.000Z') + ms);
      expect(objectionWindowOpen(CLOSED, 7, at)).not.toBe(objectionWindowRun(CLOSED, 7, at));
    }
  });

  it('has not run a millisecond before it ends, so the final notice waits', () => {
    expect(objectionWindowRun(CLOSED, 7, new Date('2026-12-18T11:59:59.999Z'))).toBe(false);
  });

  it('has run from the instant it ends, as the sealer selects votes to make final', () => {
    expect(objectionWindowRun(CLOSED, 7, new Date('2026-12-18T12:00:00.000Z'))).toBe(true);
  });
});

describe('the length of a notice in days', () => {
  it('counts the 15 days of an owners’ notice', () => {
    expect(noticeDaysBetween(ANNOUNCED, noticeEndsAt('cc278-major', ANNOUNCED))).toBe(15);
  });

  it('counts a poll’s notice as none', () => {
    expect(noticeDaysBetween(ANNOUNCED, ANNOUNCED)).toBe(0);
  });

  it('rounds to the nearest day', () => {
    expect(noticeDaysBetween(ANNOUNCED, at(10 * DAY + 11 * HOUR))).toBe(10);
    expect(noticeDaysBetween(ANNOUNCED, at(10 * DAY + 12 * HOUR))).toBe(11);
  });
});

describe('a voting window shorter than the shortest', () => {
  it('is shorter by a millisecond', () => {
    expect(windowShorterThan(ANNOUNCED, at(48 * HOUR - 1), 48)).toBe(true);
  });

  it('is not shorter when exactly as long', () => {
    expect(windowShorterThan(ANNOUNCED, at(48 * HOUR), 48)).toBe(false);
  });

  it('is never shorter than a poll’s zero hours', () => {
    expect(windowShorterThan(ANNOUNCED, ANNOUNCED, 0)).toBe(false);
  });
});

describe('the units of time', () => {
  it('are milliseconds: an hour of 3,600 seconds, a day of 24 hours', () => {
    expect(HOUR_MS).toBe(3_600_000);
    expect(DAY_MS).toBe(86_400_000);
  });
});
