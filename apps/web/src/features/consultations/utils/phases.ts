/**
 * The phases of a consultation as residents follow them: where it is now, what came before,
 * what comes next, each with its planned dates.
 */
import type { ConsultationPhase } from '@yishi/contracts';
import { CONSULTATION_PHASES } from '@yishi/contracts';

export interface PlannedPhase {
  phase: ConsultationPhase;
  startsAt: string;
  endsAt: string | null;
}

export type StepState = 'past' | 'current' | 'upcoming';

export interface TimelineStep {
  phase: ConsultationPhase;
  state: StepState;
  startsAt: string | null;
  endsAt: string | null;
}

/** Every phase in order, marked past, current or upcoming, with its planned dates where there are some. */
export function phaseTimeline(current: ConsultationPhase, plan: readonly PlannedPhase[]): TimelineStep[] {
  const at = CONSULTATION_PHASES.indexOf(current);
  return CONSULTATION_PHASES.map((phase, index) => {
    const planned = plan.find((p) => p.phase === phase);
    return {
      phase,
      state: index < at ? 'past' : index === at ? 'current' : 'upcoming',
      startsAt: planned?.startsAt ?? null,
      endsAt: planned?.endsAt ?? null,
    };
  });
}

/** The i18n key of a phase's badge: 征求意见中, 表决中… */
export function phaseStatusKey(phase: ConsultationPhase): `consultations.status.${ConsultationPhase}` {
  return `consultations.status.${phase}`;
}

/** The i18n key of a phase's name: 征求意见, 表决… */
export function phaseNameKey(phase: ConsultationPhase): `consultations.phase.${ConsultationPhase}` {
  return `consultations.phase.${phase}`;
}
