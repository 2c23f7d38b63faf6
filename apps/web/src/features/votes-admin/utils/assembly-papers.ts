/**
 * An assembly's paper at the desk: what staff enter matter by matter (a motion's 同意 / 反对 /
 * 弃权, 无法辨认, or blank; an election's ticked names, as many as the paper shows, or 无法辨认),
 * the `marks` the API takes, and a reading the API gives back ("m1 approve · m2 blank · m3 c1 c2")
 * in words, with the matters' titles and the candidates' names.
 */
import type { TFunction } from 'i18next';

export interface PaperMatter {
  id: string;
  title: string;
  kind: 'motion' | 'election';
  seats: number | null;
  candidates: { id: string; name: string }[] | null;
}

export type MotionMark = '' | 'approve' | 'oppose' | 'abstain' | 'spoilt';

/** What one matter of the paper shows, as entered ('' choice: left blank). */
export interface MarkDraft {
  choice: MotionMark;
  /** An election: the names ticked (any number: more than the seats makes the matter spoilt). */
  chosen: string[];
  /** An election: the marks cannot be read. */
  spoilt: boolean;
}

export const emptyMark = (): MarkDraft => ({ choice: '', chosen: [], spoilt: false });

export const emptyMarks = (matters: readonly PaperMatter[]): Record<string, MarkDraft> => Object.fromEntries(matters.map((m) => [m.id, emptyMark()]));

export interface MarkInput {
  matter: string;
  choice?: 'approve' | 'oppose' | 'abstain' | 'blank' | 'spoilt';
  chosen?: string[];
}

/** The `marks` of the paper, every matter in order (a matter not entered is sent as blank). */
export function toMarks(matters: readonly PaperMatter[], drafts: Readonly<Record<string, MarkDraft>>): MarkInput[] {
  return matters.map((m) => {
    const d = drafts[m.id] ?? emptyMark();
    if (m.kind === 'motion') return { matter: m.id, choice: d.choice || 'blank' };
    if (d.spoilt) return { matter: m.id, choice: 'spoilt' };
    // In the paper's order, whatever order they were ticked in.
    const order = (m.candidates ?? []).map((c) => c.id);
    return { matter: m.id, chosen: [...d.chosen].sort((a, b) => order.indexOf(a) - order.indexOf(b)) };
  });
}

/** An election entered with more names ticked than seats: the server counts it as spoilt on that matter. */
export const overSeats = (matter: PaperMatter, draft: MarkDraft | undefined): boolean =>
  matter.kind === 'election' && matter.seats !== null && !!draft && !draft.spoilt && draft.chosen.length > matter.seats;

export type ReadingMark = { kind: 'choice'; choice: 'approve' | 'oppose' | 'abstain' | 'blank' | 'spoilt' } | { kind: 'chosen'; chosen: string[] };

const CHOICES = ['approve', 'oppose', 'abstain', 'blank', 'spoilt'] as const;

/** "m1 approve · m2 blank · m3 c1 c2" → each matter's mark by id (a matter named with nothing after it: blank). */
export function parseReading(reading: string): { matter: string; mark: ReadingMark }[] {
  return reading
    .split('·')
    .map((part) => part.trim().split(/\s+/).filter(Boolean))
    .filter((words) => words.length > 0)
    .map(([matter, ...rest]) => {
      const only = rest.length === 1 ? rest[0]! : null;
      const choice = CHOICES.find((c) => c === only);
      if (choice) return { matter: matter!, mark: { kind: 'choice', choice } };
      if (rest.length === 0) return { matter: matter!, mark: { kind: 'choice', choice: 'blank' } };
      return { matter: matter!, mark: { kind: 'chosen', chosen: rest } };
    });
}

/**
 * A reading in words, a line per matter: 「1. 管理规约：同意」「3. 业委会选举：陈志强、黄美玲」. A
 * reading that is not of matters (a whole paper settled as spoilt) is said as such; null: —.
 */
export function assemblyReadingLines(matters: readonly PaperMatter[], reading: string | null, t: TFunction): string[] {
  if (reading === null) return ['—'];
  if (reading.trim() === 'spoilt') return [t('voteAdmin.choice.spoilt')];
  return parseReading(reading).map(({ matter, mark }) => {
    const index = matters.findIndex((m) => m.id === matter);
    const m = matters[index];
    const title = m ? t('voteAdmin.assembly.readingMatter', { number: index + 1, title: m.title }) : matter;
    let what: string;
    if (mark.kind === 'chosen') {
      const names = new Map((m?.candidates ?? []).map((c) => [c.id, c.name]));
      what = mark.chosen.map((id) => names.get(id) ?? id).join(t('voteAdmin.listSeparator'));
    } else if (mark.choice === 'blank') what = t('voteAdmin.assembly.blank');
    else if (mark.choice === 'spoilt') what = t('voteAdmin.assembly.unreadable');
    else what = t(`voteAdmin.choice.${mark.choice}`);
    return `${title}${t('voteAdmin.assembly.readingSeparator')}${what}`;
  });
}
