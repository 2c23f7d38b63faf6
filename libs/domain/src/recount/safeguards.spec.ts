import { describe, expect, it } from '@jest/globals';
import { FormatError, readVoteFile } from './format';

const vote = {
  format: 'yishi-recount',
  formatVersion: 1,
  voteId: 'v-1',
  title: { 'zh-CN': '御水岸 · 更换门禁', en: 'Yushuian · access control' },
  ruleSet: 'cc278-ordinary',
  question: { kind: 'motion', text: { 'zh-CN': '是否同意？', en: 'Agree?' } },
  matterKinds: ['owners-other'],
  lml63: null,
  secrecy: 'named',
  opensAt: '2026-12-01T02:00:00.000Z',
  closesAt: '2026-12-08T02:00:00.000Z',
  electorateSha256: 'a'.repeat(64),
};

const shortening = {
  shortensNotice: true,
  shortensWindow: false,
  reason: '台风季前须抢修屋面防水，业委会决议提前表决',
  requestedBy: '业委会主任',
  requestedAt: '2026-11-27T02:00:00.000Z',
  approvedBy: '大圩社区工作人员',
  approverRole: 'staff',
  approverNode: '大圩社区',
  approvedAt: '2026-11-28T02:00:00.000Z',
  note: '已核实屋面漏水',
};

describe('vote.json’s safeguards', () => {
  it('are optional: a kit written before they were recorded still reads', () => {
    expect(readVoteFile(vote)).not.toHaveProperty('safeguards');
  });

  it('carry the notice, the shortest window and the approved shortening', () => {
    const read = readVoteFile({ ...vote, safeguards: { announcedAt: '2026-11-26T02:00:00.000Z', noticeEndsAt: '2026-12-11T02:00:00.000Z', minVotingHours: 168, shortening } });
    expect(read.safeguards).toEqual({ announcedAt: '2026-11-26T02:00:00.000Z', noticeEndsAt: '2026-12-11T02:00:00.000Z', minVotingHours: 168, shortening });
  });

  it('are read strictly: a shortening without an approver, or shortening nothing, is refused with its path', () => {
    const base = { announcedAt: '2026-11-26T02:00:00.000Z', noticeEndsAt: '2026-12-11T02:00:00.000Z', minVotingHours: 168 };
    const { approvedBy: _, ...withoutApprover } = shortening;
    expect(() => readVoteFile({ ...vote, safeguards: { ...base, shortening: withoutApprover } })).toThrow(FormatError);
    expect(() => readVoteFile({ ...vote, safeguards: { ...base, shortening: withoutApprover } })).toThrow(/missing/);
    expect(() => readVoteFile({ ...vote, safeguards: { ...base, shortening: { ...shortening, shortensNotice: false } } })).toThrow(/shortens neither/);
    expect(() => readVoteFile({ ...vote, safeguards: { ...base, shortening: null, extra: 1 } })).toThrow(/not a field/);
  });
});
