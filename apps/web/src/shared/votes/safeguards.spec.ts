import { describe, expect, it } from '@jest/globals';
import { durationWords, noticeDaysOf, safeguardsOfFile, safeguardsOfVote, shortenedWhat } from './safeguards';

describe('a vote’s legal clock as the pages show it', () => {
  it('says a shortest period in days when it is days, else in hours', () => {
    expect(durationWords(168)).toEqual({ key: 'votes.safeguards.durationDays', count: 7 });
    expect(durationWords(2)).toEqual({ key: 'votes.safeguards.durationHours', count: 2 });
  });

  it('counts the notice in days between the announcement and its end', () => {
    expect(noticeDaysOf({ announcedAt: '2026-11-26T02:00:00.000Z', noticeEndsAt: '2026-12-11T02:00:00.000Z' })).toBe(15);
  });

  it('reads an approved shortening from the recount file as the vote page shows it', () => {
    const view = safeguardsOfFile({
      announcedAt: '2026-11-26T02:00:00.000Z',
      noticeEndsAt: '2026-12-11T02:00:00.000Z',
      minVotingHours: 168,
      shortening: {
        shortensNotice: true,
        shortensWindow: false,
        reason: '屋面渗漏须在台风季前抢修',
        requestedBy: '御水岸业委会 邓卓',
        requestedAt: '2026-11-26T03:00:00.000Z',
        approvedBy: '大圩社区 叶嘉欣',
        approverRole: 'staff',
        approverNode: '大圩社区',
        approvedAt: '2026-11-26T04:00:00.000Z',
        note: '已核实',
      },
    });
    expect(view.shortening).toMatchObject({ status: 'approved', decidedBy: '大圩社区 叶嘉欣', deciderNode: '大圩社区', note: '已核实' });
    expect(shortenedWhat(view.shortening!)).toBe('votes.safeguards.what.notice');
  });

  it('reads a vote without a shortening, and words what a shortening cut', () => {
    expect(safeguardsOfVote({ announcedAt: 'a', noticeEndsAt: 'b', minVotingHours: 0, shortening: null }).shortening).toBeNull();
    expect(shortenedWhat({ shortensNotice: true, shortensWindow: true })).toBe('votes.safeguards.what.both');
    expect(shortenedWhat({ shortensNotice: false, shortensWindow: true })).toBe('votes.safeguards.what.window');
  });
});
