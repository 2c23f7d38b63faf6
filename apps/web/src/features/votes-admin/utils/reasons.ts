/**
 * Why a voter gets no paper or a proxy is refused, in words: the count's own rejection texts
 * (the same the recount prints), and the desk's two of its own.
 */
import type { RejectionReason } from '@yishi/domain';
import { REJECTION_REASONS, REJECTION_TEXTS } from '@yishi/domain';
import type { Language } from '../../../lib/preferences';

const isRejection = (reason: string): reason is RejectionReason => (REJECTION_REASONS as readonly string[]).includes(reason);

/** The words for a skipped voter or a refused proxy; null for a reason the desk words itself (has_paper, already_voted). */
export function rejectionText(reason: string, language: Language): string | null {
  return isRejection(reason) ? REJECTION_TEXTS[reason][language] : null;
}
