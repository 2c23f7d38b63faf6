import { describe, expect, it } from '@jest/globals';
import { chineseOrdinal, draftMinutes } from './minutes';
import type { MinutesFacts } from './minutes';

const facts = (over: Partial<MinutesFacts> = {}): MinutesFacts => ({
  title: '南村地块土地整理方案成员大会',
  unitNames: ['南村经济社'],
  place: '南村经济社党支部组织生活馆',
  when: '2026年12月8日 19:00–21:00',
  officers: { chair: '陈社长', recorder: '李文书', tellers: ['黄计票'], scrutineers: ['梁监票'] },
  attendance: {
    present: 5,
    notCounted: 1,
    proxies: 1,
    quorum: { met: true, statute: '《农村集体经济组织法》第二十七条', measures: [{ id: 'persons', present: 4, total: 5, percent: '80.00' }] },
    guests: [{ name: '王经理', affiliation: '街道农业办' }],
  },
  items: [
    { title: '土地整理方案（第1稿）', kind: 'draft', gist: '成员关心补偿标准。', deferredReason: null, urgentReason: null, vote: null, hands: null },
    {
      title: '表决：土地整理方案',
      kind: 'vote',
      gist: '',
      deferredReason: null,
      urgentReason: null,
      vote: { explanation: ['同意 4 人，占全体成员 5 人的 80.00%，达到三分之二。', '表决通过。'], votedInRoom: 4, voted: 5, electorate: 5 },
      hands: null,
    },
    { title: '路灯维修', kind: 'free', gist: '', deferredReason: '报价未到', urgentReason: null, vote: null, hands: null },
  ],
  ...over,
});

describe('the first draft of the minutes', () => {
  it('reports attendance against the statute, each item with its gist, and each vote in the words of its tally', () => {
    const text = draftMinutes(facts());
    expect(text).toContain('到会 5 人（其中 1 人不计入法定人数），书面委托 1 人。');
    expect(text).toContain('按《农村集体经济组织法》第二十七条，计入法定人数的：人数 4/5（80.00%）；达到法定人数。');
    expect(text).toContain('列席：王经理（街道农业办）。');
    expect(text).toContain('（一）土地整理方案（第1稿）\n  发言要点：成员关心补偿标准。');
    expect(text).toContain('本场现场投票 4 票，连同线上、纸质票共 5 人投票（应投 5 人）');
    expect(text).toContain('  表决通过。');
    expect(text).toContain('（二）表决：土地整理方案\n  发言要点：（待记录人补充）');
    expect(text).toContain('（三）路灯维修\n  本议题延期，理由：报价未到');
  });

  it('never presents a show of hands or a consultative session as a legal decision', () => {
    const text = draftMinutes(
      facts({
        attendance: { present: 12, notCounted: 0, proxies: 0, quorum: null, guests: [] },
        items: [{ title: '加装电梯意见征集', kind: 'topic', gist: '', deferredReason: null, urgentReason: '电梯故障频发', vote: null, hands: { for: 9, against: 2, abstain: 1 } }],
      }),
    );
    expect(text).toContain('不设法定人数，所形成的意见不是法定表决结果');
    expect(text).toContain('举手表态（仅反映到会人员意见，不是法定表决）：赞成 9，反对 2，弃权 1。');
    expect(text).toContain('临时增加议题，理由：电梯故障频发');
    expect(text).not.toContain('表决通过');
  });

  it('says a vote not yet counted is not decided', () => {
    const item = facts().items[1]!;
    const text = draftMinutes(facts({ items: [{ ...item, vote: { ...item.vote!, explanation: null } }] }));
    expect(text).toContain('表决尚未截止计票，结果以公布的计票结果为准。');
  });

  it('numbers items the Chinese way', () => {
    expect([1, 9, 10, 11, 20, 21, 99].map(chineseOrdinal)).toEqual(['一', '九', '十', '十一', '二十', '二十一', '九十九']);
  });
});
