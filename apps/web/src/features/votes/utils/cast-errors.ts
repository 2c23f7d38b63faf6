/**
 * Why the API refused a ballot, in words: the vote is not open yet or has closed, a paper ballot
 * counts for this voter, changes are not allowed, a secret ballot was already cast, or I am not on
 * the electorate. Anything else falls back to the message for the error's code. The words are
 * those of every refusal reason (`refusals.<reason>` in the i18n files, keyed by RefusalReason).
 */
import type { RefusalReason } from '@yishi/contracts';
import type { TFunction } from 'i18next';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { conflictReason } from '../../../lib/api-problems';

export const CAST_REFUSALS = ['not_open_yet', 'closed', 'paper_supersedes', 'change_not_allowed', 'already_voted', 'not_eligible'] as const satisfies readonly RefusalReason[];
export type CastRefusal = (typeof CAST_REFUSALS)[number];

export function castRefusal(error: unknown): CastRefusal | null {
  const reason =
    conflictReason(error) ?? (error instanceof ApiError && error.code === 'FORBIDDEN' && typeof error.details?.['reason'] === 'string' ? error.details['reason'] : null);
  return (CAST_REFUSALS as readonly (string | null)[]).includes(reason) ? (reason as CastRefusal) : null;
}

export function castErrorMessage(error: unknown, t: TFunction): string {
  const refusal = castRefusal(error);
  return refusal ? t(`refusals.${refusal}`) : errorMessage(error, t);
}
