/**
 * The public page of a result in words: what a key typed from paper becomes, what a refusal
 * means to the reader, how to check the result oneself, and where the notice stands.
 */
import type { TFunction } from 'i18next';
import { ApiError } from '../../../lib/api-client';
import type { Language } from '../../../lib/preferences';
import { formatDateTime } from '../../../lib/format';
import type { PublicResult } from '../api/get-public-result';

export type PageProblem = 'notFound' | 'tooMany' | 'other';

/** A failed load as the page words it: no such notice (404, or a key that cannot be one), wait a while (429), or anything else. */
export function pageProblem(error: unknown): PageProblem {
  if (error instanceof ApiError && (error.code === 'NOT_FOUND' || error.code === 'ROUTE_NOT_FOUND')) return 'notFound';
  if (error instanceof ApiError && error.code === 'TOO_MANY_REQUESTS') return 'tooMany';
  return 'other';
}

/** The folder the kit unzips to, which the recount command is given. */
export function kitFolder(result: Pick<PublicResult, 'kitFileName'>): string {
  return result.kitFileName.replace(/\.zip$/, '');
}

/** The command that recounts the kit, as typed in the project's folder. */
export function recountCommand(result: Pick<PublicResult, 'kitFileName'>): string {
  return `npm run recount -- ${kitFolder(result)}`;
}

/** A poll option's label in the reader's language (the id when the option is unknown). */
export function optionLabelOf(result: Pick<PublicResult, 'options'>, language: Language): (id: string) => string {
  return (id) => result.options?.find((o) => o.id === id)?.label[language] ?? id;
}

/** Where the notice stands: on notice until the objection window ends, or final since a date. */
export function stageNote(result: Pick<PublicResult, 'stage' | 'objectionUntil' | 'finalAt' | 'publishedAt'>, t: TFunction, language: Language): string {
  const when = (iso: string | null): string => (iso ? (formatDateTime(iso, language) ?? '') : '');
  return result.stage === 'final'
    ? t('publicResult.stage.final', { published: when(result.publishedAt), final: when(result.finalAt) })
    : t('publicResult.stage.provisional', { published: when(result.publishedAt), until: when(result.objectionUntil) });
}
