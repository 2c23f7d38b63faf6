/**
 * The first draft of a session's minutes (会议纪要), composed from what the platform recorded:
 * who ran the room, attendance against the quorum, each item with the recorder's gist, each vote's
 * result in the words of its tally, a show of hands marked as no decision. The recorder completes
 * it; the chair and a scrutineer confirm it. Plain text, in Chinese, as it is printed and posted.
 */

export interface MinutesFacts {
  title: string;
  unitNames: string[];
  place: string;
  /** Already formatted in the statutory time zone, e.g. 2026年12月8日 19:00–21:00. */
  when: string;
  officers: { chair: string | null; recorder: string | null; tellers: string[]; scrutineers: string[] };
  attendance: {
    present: number;
    notCounted: number;
    proxies: number;
    /** Null where no statute sets a quorum. */
    quorum: { met: boolean; statute: string; measures: { id: 'area' | 'persons'; present: number; total: number; percent: string | null }[] } | null;
    guests: { name: string; affiliation: string }[];
  };
  items: MinutesItem[];
}

export interface MinutesItem {
  title: string;
  kind: 'topic' | 'draft' | 'vote' | 'free';
  gist: string;
  deferredReason: string | null;
  urgentReason: string | null;
  /** A vote item: its counted result's explanation, or null while it is not counted. */
  vote: { explanation: string[] | null; votedInRoom: number; voted: number; electorate: number } | null;
  hands: { for: number; against: number; abstain: number } | null;
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 一, 二, … 十, 十一, … 二十, … 九十九: how Chinese minutes number their items. */
export function chineseOrdinal(n: number): string {
  if (n < 1 || n > 99 || !Number.isInteger(n)) return String(n);
  if (n <= 10) return NUMERALS[n - 1]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : NUMERALS[tens - 1]}十${ones ? NUMERALS[ones - 1] : ''}`;
}

const MEASURE_WORDS: Record<'area' | 'persons', string> = { area: '专有部分面积', persons: '人数' };

export function draftMinutes(f: MinutesFacts): string {
  const lines: string[] = [`${f.title}会议纪要`, '', `单位：${f.unitNames.join('、')}`, `时间：${f.when}`, `地点：${f.place}`];
  const o = f.officers;
  lines.push(`主持人：${o.chair ?? '（未指定）'}　记录人：${o.recorder ?? '（未指定）'}`);
  if (o.tellers.length || o.scrutineers.length) lines.push(`计票人：${o.tellers.join('、') || '（无）'}　监票人：${o.scrutineers.join('、') || '（无）'}`);
  lines.push('', '一、出席情况');
  const a = f.attendance;
  lines.push(`到会 ${a.present} 人${a.notCounted ? `（其中 ${a.notCounted} 人不计入法定人数）` : ''}${a.proxies ? `，书面委托 ${a.proxies} 人` : ''}。`);
  if (a.quorum) {
    const measures = a.quorum.measures.map((m) => `${MEASURE_WORDS[m.id]} ${m.present}/${m.total}${m.percent ? `（${m.percent}%）` : ''}`).join('，');
    lines.push(`按${a.quorum.statute}，计入法定人数的：${measures}；${a.quorum.met ? '达到' : '未达到'}法定人数。`);
  } else {
    lines.push('本次会议为议事协商，不设法定人数，所形成的意见不是法定表决结果。');
  }
  if (a.guests.length) lines.push(`列席：${a.guests.map((g) => (g.affiliation ? `${g.name}（${g.affiliation}）` : g.name)).join('、')}。`);
  lines.push('', '二、议程与讨论');
  f.items.forEach((item, i) => {
    lines.push(`（${chineseOrdinal(i + 1)}）${item.title}`);
    if (item.urgentReason) lines.push(`  临时增加议题，理由：${item.urgentReason}`);
    if (item.deferredReason) {
      lines.push(`  本议题延期，理由：${item.deferredReason}`);
      return;
    }
    lines.push(`  发言要点：${item.gist.trim() || '（待记录人补充）'}`);
    if (item.vote) {
      lines.push(`  表决：本场现场投票 ${item.vote.votedInRoom} 票，连同线上、纸质票共 ${item.vote.voted} 人投票（应投 ${item.vote.electorate} 人）。`);
      if (item.vote.explanation) for (const sentence of item.vote.explanation) lines.push(`  ${sentence}`);
      else lines.push('  表决尚未截止计票，结果以公布的计票结果为准。');
    }
    if (item.hands) {
      lines.push(`  举手表态（仅反映到会人员意见，不是法定表决）：赞成 ${item.hands.for}，反对 ${item.hands.against}，弃权 ${item.hands.abstain}。`);
    }
  });
  lines.push('', '三、议定事项', '  （由记录人按会议决定填写：事项、责任人、完成时限。）', '', '主持人确认：　　　　监票人确认：');
  return lines.join('\n');
}
