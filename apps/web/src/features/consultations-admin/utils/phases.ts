/**
 * The phases of a consultation as the convenor moves through them: forward one step at a time
 * (or further, by date), back only to an earlier phase with a reason.
 */
import type { ConsultationPhase } from '@yishi/contracts';
import { CONSULTATION_PHASES } from '@yishi/contracts';

export const PHASES = CONSULTATION_PHASES;

export function phaseIndex(phase: ConsultationPhase): number {
  return PHASES.indexOf(phase);
}

/** The phase after this one; null at the end. */
export function nextPhase(phase: ConsultationPhase): ConsultationPhase | null {
  return PHASES[phaseIndex(phase) + 1] ?? null;
}

/** The phases one may go back to, the nearest first. */
export function earlierPhases(phase: ConsultationPhase): ConsultationPhase[] {
  return PHASES.slice(0, phaseIndex(phase)).reverse();
}

/** Residents read the draft from the briefing phase on: a version must be published first. */
export function needsPublishedDraft(phase: ConsultationPhase): boolean {
  return phaseIndex(phase) >= phaseIndex('briefing');
}

/** How a phase of the bar stands against the current one. */
export function phaseState(phase: ConsultationPhase, current: ConsultationPhase): 'done' | 'current' | 'upcoming' {
  const difference = phaseIndex(phase) - phaseIndex(current);
  if (difference < 0) return 'done';
  return difference === 0 ? 'current' : 'upcoming';
}
