/**
 * Whether I can comment here now, and if not, why — said next to the disabled form, in words.
 */
import type { ConsultationPhase } from '@yishi/contracts';
import { CONSULTATION_PHASES } from '@yishi/contracts';

export type CommentAvailability = 'open' | 'notYet' | 'closed' | 'notParticipant' | 'olderVersion';

export interface AvailabilityInput {
  phase: ConsultationPhase;
  canParticipate: boolean;
  /** The version on screen is the newest published one. */
  isCurrentVersion: boolean;
}

export function commentAvailability({ phase, canParticipate, isCurrentVersion }: AvailabilityInput): CommentAvailability {
  if (!canParticipate) return 'notParticipant';
  const at = CONSULTATION_PHASES.indexOf(phase);
  const comment = CONSULTATION_PHASES.indexOf('comment');
  if (at < comment) return 'notYet';
  if (at > comment) return 'closed';
  return isCurrentVersion ? 'open' : 'olderVersion';
}
