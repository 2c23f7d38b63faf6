/**
 * The version being edited, as a form: title, preamble, change note and the clause list, which
 * the convenor adds to, removes from and reorders before saving the whole of it (PUT). Pure: the
 * editor keeps this state; saving sends `toUpdateInput`, and the saved version comes back through
 * `fromVersion` (new clauses then have their ids, which later saves must send back).
 */
import { LIMITS } from '@yishi/contracts';
import type { FieldErrors } from '../../../lib/forms';

export const DRAFT_LIMITS = {
  title: 200,
  preamble: LIMITS.clauseBody,
  changeNote: 2000,
  heading: 100,
  body: LIMITS.clauseBody,
  changeReason: LIMITS.reason,
  clauses: LIMITS.clausesPerVersion,
} as const;

export interface ClauseRow {
  /** Stable while editing (React key, focus after a move): the clause's id, or a made-up one for a new clause. */
  key: string;
  /** The saved clause this row is; null until a new clause is saved. */
  id: string | null;
  heading: string;
  body: string;
  /** The clause of the previous version this one continues; null for a new clause. */
  previousClauseId: string | null;
  changeReason: string;
}

export interface DraftForm {
  title: string;
  preamble: string;
  changeNote: string;
  clauses: ClauseRow[];
}

interface VersionLike {
  title: string;
  preamble: string;
  changeNote: string | null;
  clauses: readonly { id: string; heading: string | null; body: string; previousClauseId: string | null; changeReason: string | null }[];
}

export function fromVersion(version: VersionLike): DraftForm {
  return {
    title: version.title,
    preamble: version.preamble,
    changeNote: version.changeNote ?? '',
    clauses: version.clauses.map((clause) => ({
      key: clause.id,
      id: clause.id,
      heading: clause.heading ?? '',
      body: clause.body,
      previousClauseId: clause.previousClauseId,
      changeReason: clause.changeReason ?? '',
    })),
  };
}

export interface UpdateInput {
  title: string;
  preamble: string;
  changeNote: string | null;
  clauses: { id?: string; heading: string | null; body: string; previousClauseId: string | null; changeReason: string | null }[];
}

/** The whole version as the API stores it; a change reason only where a clause continues one. */
export function toUpdateInput(form: DraftForm): UpdateInput {
  return {
    title: form.title.trim(),
    preamble: form.preamble.trim(),
    changeNote: form.changeNote.trim() || null,
    clauses: form.clauses.map((clause) => ({
      ...(clause.id ? { id: clause.id } : {}),
      heading: clause.heading.trim() || null,
      body: clause.body.trim(),
      previousClauseId: clause.previousClauseId,
      changeReason: clause.previousClauseId ? clause.changeReason.trim() || null : null,
    })),
  };
}

/** Whether two forms would save the same version (what "unsaved changes" means). */
export function sameContent(a: DraftForm, b: DraftForm): boolean {
  return JSON.stringify(toUpdateInput(a)) === JSON.stringify(toUpdateInput(b));
}

export function emptyClause(key: string): ClauseRow {
  return { key, id: null, heading: '', body: '', previousClauseId: null, changeReason: '' };
}

/** A new, empty clause at `index` (default: at the end). */
export function addClause(form: DraftForm, key: string, index: number = form.clauses.length): DraftForm {
  const clauses = [...form.clauses];
  clauses.splice(Math.max(0, Math.min(index, clauses.length)), 0, emptyClause(key));
  return { ...form, clauses };
}

export function removeClause(form: DraftForm, index: number): DraftForm {
  return { ...form, clauses: form.clauses.filter((_, i) => i !== index) };
}

/** Moves a clause up (-1) or down (+1); nothing past either end. */
export function moveClause(form: DraftForm, index: number, delta: -1 | 1): DraftForm {
  const target = index + delta;
  if (index < 0 || index >= form.clauses.length || target < 0 || target >= form.clauses.length) return form;
  const clauses = [...form.clauses];
  const [moved] = clauses.splice(index, 1);
  clauses.splice(target, 0, moved!);
  return { ...form, clauses };
}

export function updateClause(form: DraftForm, index: number, change: Partial<Omit<ClauseRow, 'key' | 'id'>>): DraftForm {
  return { ...form, clauses: form.clauses.map((clause, i) => (i === index ? { ...clause, ...change } : clause)) };
}

/** Clauses of the previous version a row may continue: its own, and those no other row continues. */
export function continuable<T extends { id: string }>(form: DraftForm, index: number, previous: readonly T[]): T[] {
  const taken = new Set(form.clauses.filter((_, i) => i !== index).map((clause) => clause.previousClauseId));
  return previous.filter((clause) => !taken.has(clause.id));
}

export type DraftField = 'title' | 'preamble' | 'changeNote' | 'clauses' | `clauses.${number}.${'heading' | 'body' | 'changeReason'}`;

/** i18n keys (under convene.draft.errors) of the problems the form finds itself. */
export type DraftProblem = 'titleRequired' | 'tooLong' | 'bodyRequired' | 'tooManyClauses' | 'noClauses' | 'changeNoteRequired';

const length = (text: string): number => [...text.trim()].length;

/** What stops saving: an empty title or clause text, anything too long, too many clauses. */
export function checkDraft(form: DraftForm): FieldErrors<DraftField> {
  const errors: FieldErrors<DraftField> = {};
  if (!form.title.trim()) errors.title = 'titleRequired';
  else if (length(form.title) > DRAFT_LIMITS.title) errors.title = 'tooLong';
  if (length(form.preamble) > DRAFT_LIMITS.preamble) errors.preamble = 'tooLong';
  if (length(form.changeNote) > DRAFT_LIMITS.changeNote) errors.changeNote = 'tooLong';
  if (form.clauses.length > DRAFT_LIMITS.clauses) errors.clauses = 'tooManyClauses';
  form.clauses.forEach((clause, i) => {
    if (length(clause.heading) > DRAFT_LIMITS.heading) errors[`clauses.${i}.heading`] = 'tooLong';
    if (!clause.body.trim()) errors[`clauses.${i}.body`] = 'bodyRequired';
    else if (length(clause.body) > DRAFT_LIMITS.body) errors[`clauses.${i}.body`] = 'tooLong';
    if (clause.previousClauseId && length(clause.changeReason) > DRAFT_LIMITS.changeReason) errors[`clauses.${i}.changeReason`] = 'tooLong';
  });
  return errors;
}

/** What stops publishing besides: no clause at all, and for version 2 on, no change note. */
export function checkPublish(form: DraftForm, number: number): FieldErrors<DraftField> {
  const errors = checkDraft(form);
  if (form.clauses.length === 0) errors.clauses = 'noClauses';
  if (number > 1 && !form.changeNote.trim()) errors.changeNote = 'changeNoteRequired';
  return errors;
}

/** Where a field named by the API (`clauses.3.body`) is in the form; null when it is not one of ours. */
export function draftFieldOfPath(path: string): DraftField | null {
  if (path === 'title' || path === 'preamble' || path === 'changeNote' || path === 'clauses') return path;
  const match = /^clauses\.(\d+)\.(heading|body|changeReason)$/.exec(path);
  if (match) return `clauses.${Number(match[1])}.${match[2] as 'heading' | 'body' | 'changeReason'}`;
  return /^clauses\.\d+\./.test(path) ? 'clauses' : null;
}
