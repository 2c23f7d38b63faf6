import { isRefusalReason } from '@yishi/contracts';
import type { TFunction } from 'i18next';
import { errorMessage } from '../../lib/api-client';
import { refusalReason } from '../../lib/api-problems';

/** A refusal in words: its reason's translation where the API gave one we know, else the error code's. */
export function refusalWords(error: unknown, t: TFunction): string {
  const reason = refusalReason(error);
  return reason && isRefusalReason(reason) ? t(`refusals.${reason}`) : errorMessage(error, t);
}
