/**
 * An assembly's paper as staff enter it, matter by matter: what the paper shows — a motion's
 * 同意 / 反对 / 弃权, unreadable, or nothing; an election's ticked names (however many: more than
 * the seats is entered as ticked, and the count takes that matter as spoilt), or unreadable.
 */
import type { TFunction } from 'i18next';

export type MotionReading = 'approve' | 'oppose' | 'abstain' | 'spoilt';
/** Per matter id: a motion's reading, an election's ticked candidate ids, `spoilt`, or absent (left blank). */
export type PaperMarksDraft = Record<string, MotionReading | string[] | undefined>;

export interface MatterOnPaper {
  id: string;
  title: string;
  kind: 'motion' | 'election';
  seats: number | null;
  candidates: { id: string; name: string }[] | null;
}

export interface MarkRequest {
  matter: string;
  choice?: 'approve' | 'oppose' | 'abstain' | 'spoilt';
  chosen?: string[];
}

/** The request's marks: a matter left blank is not sent (the server takes it as blank). */
export function marksRequest(matters: readonly MatterOnPaper[], draft: PaperMarksDraft): MarkRequest[] {
  return matters.flatMap((m): MarkRequest[] => {
    const value = draft[m.id];
    if (value === undefined) return [];
    if (Array.isArray(value)) return value.length ? [{ matter: m.id, chosen: value }] : [];
    return [{ matter: m.id, choice: value }];
  });
}

/** An election whose paper ticks more names than seats: it counts as spoilt on that matter. */
export function overTicked(matter: MatterOnPaper, value: PaperMarksDraft[string]): boolean {
  return matter.kind === 'election' && Array.isArray(value) && value.length > (matter.seats ?? 0);
}

/**
 * A reading as the server words it for staff (`m1 approve · m2 blank · m3 c1 c3`) in the matters'
 * titles and the candidates' names: `管理规约：同意；业委会选举：陈志强、李建华`.
 */
export function readingText(matters: readonly MatterOnPaper[], reading: string | null, t: TFunction): string {
  if (reading === null) return '—';
  if (reading === 'spoilt') return t('voteAdmin.choice.spoilt');
  const byId = new Map(matters.map((m) => [m.id, m]));
  return reading
    .split(' · ')
    .map((part) => {
      const [id, ...rest] = part.split(' ');
      const matter = byId.get(id ?? '');
      if (!matter) return part;
      const said = rest.join(' ');
      let words: string;
      if (said === 'blank') words = t('voteAdmin.marks.blank');
      else if (said === 'spoilt') words = t('voteAdmin.choice.spoilt');
      else if (said === 'approve' || said === 'oppose' || said === 'abstain') words = t(`voteAdmin.choice.${said}`);
      else if (said === '-') words = t('voteAdmin.marks.noneChosen');
      else {
        const names = new Map((matter.candidates ?? []).map((c) => [c.id, c.name]));
        words = rest.map((c) => names.get(c) ?? c).join(t('voteAdmin.listSeparator'));
      }
      return `${matter.title}：${words}`;
    })
    .join('；');
}
