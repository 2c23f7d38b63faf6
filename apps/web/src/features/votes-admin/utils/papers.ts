/**
 * Paper ballots as the desk handles them: serial numbers typed as lists and ranges, the choices a
 * paper may carry, and what a paper's state means for the next step.
 */
import { MOTION_CHOICES } from '@yishi/domain';
import type { TFunction } from 'i18next';
import type { Paper } from '../api/papers';
import type { PaperMatter } from './assembly-papers';
import { assemblyReadingLines } from './assembly-papers';

export const SERIALS_MAX = 5000;
const MAX_SERIAL = 2_147_483_647;

/**
 * Serial numbers typed the way staff write them: 「1-5, 8 12」 → [1,2,3,4,5,8,12] (sorted, each
 * once). What cannot be read is returned apart, as typed.
 */
export function parseSerials(text: string): { serials: number[]; invalid: string[] } {
  const serials = new Set<number>();
  const invalid: string[] = [];
  for (const token of text.split(/[\s,，、;；]+/).filter(Boolean)) {
    const range = /^(\d{1,10})(?:[-–~～至](\d{1,10}))?$/.exec(token);
    if (!range) {
      invalid.push(token);
      continue;
    }
    const from = Number(range[1]);
    const to = range[2] === undefined ? from : Number(range[2]);
    if (from < 1 || to < from || to > MAX_SERIAL || to - from >= SERIALS_MAX) {
      invalid.push(token);
      continue;
    }
    for (let n = from; n <= to && serials.size <= SERIALS_MAX; n += 1) serials.add(n);
  }
  return { serials: [...serials].sort((a, b) => a - b), invalid };
}

export interface ChoiceOption {
  id: string;
  /** An i18n key (同意 / 反对 / 弃权) or null when the label is the poll's own. */
  key: string | null;
  label: string | null;
}

/** What a paper of this vote may say: 同意 / 反对 / 弃权, or a poll's options and 弃权. */
export function paperChoices(vote: { questionKind: 'motion' | 'options' | 'assembly'; options: { id: string; label: string }[] | null }): ChoiceOption[] {
  const abstain: ChoiceOption = { id: 'abstain', key: 'voteAdmin.choice.abstain', label: null };
  if (vote.questionKind === 'options') return [...(vote.options ?? []).map((o) => ({ id: o.id, key: null, label: o.label })), abstain];
  return MOTION_CHOICES.map((id) => ({ id, key: `voteAdmin.choice.${id}`, label: null }));
}

/** A paper's reading in words: 同意 / 反对 / 弃权 / 废票, a poll option's label, or — for none. */
export function paperChoiceLabel(vote: Parameters<typeof paperChoices>[0], choice: string | null, t: TFunction): string {
  if (choice === null) return '—';
  if (choice === 'spoilt') return t('voteAdmin.choice.spoilt');
  const option = paperChoices(vote).find((c) => c.id === choice);
  if (!option) return choice;
  return option.key ? t(option.key as 'voteAdmin.choice.approve') : (option.label ?? choice);
}

/** A reading or counted choice in words, whatever the vote: an assembly's paper matter by matter (a line each), else one choice. */
export function paperReadingLines(vote: Parameters<typeof paperChoices>[0] & { matters: readonly PaperMatter[] | null }, reading: string | null, t: TFunction): string[] {
  if (vote.questionKind === 'assembly' && vote.matters) return assemblyReadingLines(vote.matters, reading, t);
  return [paperChoiceLabel(vote, reading, t)];
}

/** A paper code as printed (six hex digits), typed with or without spaces, in any case. */
export function normaliseCode(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

export const isPaperCode = (text: string): boolean => /^[0-9A-F]{6}$/.test(normaliseCode(text));

/** The next step a paper waits for, for the desk's list. */
export function paperNextStep(status: string): 'hand-out' | 'first-entry' | 'second-entry' | 'settle' | 'done' {
  switch (status) {
    case 'issued':
      return 'hand-out';
    case 'returned':
      return 'first-entry';
    case 'entered':
      return 'second-entry';
    case 'disputed':
      return 'settle';
    default:
      return 'done';
  }
}

/**
 * A paper's story in the reader's language, a line each: what the two readings disagreed on, how
 * the dispute was settled, why the paper is void (voided, reissued, or settled as spoilt).
 */
export function paperNotes(paper: Pick<Paper, 'disputedOn' | 'resolution' | 'voidKind' | 'voidReason'>, t: TFunction): string[] {
  const lines: string[] = [];
  if (paper.disputedOn.length > 0) {
    const what = paper.disputedOn.map((field) => t(`voteAdmin.papers.notes.field.${field}`)).join(t('voteAdmin.papers.notes.fieldSeparator'));
    lines.push(t('voteAdmin.papers.notes.disputedOn', { what }));
  }
  if (paper.voidKind === 'spoilt') lines.push(t('voteAdmin.papers.notes.spoilt'));
  if (paper.resolution !== null) lines.push(t('voteAdmin.papers.notes.resolution', { note: paper.resolution }));
  if (paper.voidKind === 'void' || paper.voidKind === 'reissued') lines.push(t(`voteAdmin.papers.notes.${paper.voidKind}`, { reason: paper.voidReason ?? '' }));
  return lines;
}
