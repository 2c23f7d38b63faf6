/** Briefing sessions as a resident sees them: which are still to come, and how many seats are left. */
import type { TFunction } from 'i18next';
import { ApiError, errorMessage } from '../../../lib/api-client';

interface BriefingLike {
  startsAt: string;
  endsAt: string;
  capacity: number;
  taken: number;
}

/** Sessions not yet over, soonest first; and those that are, latest first. */
export function splitBriefings<B extends BriefingLike>(briefings: readonly B[], now: Date): { upcoming: B[]; past: B[] } {
  const upcoming = briefings.filter((b) => new Date(b.endsAt) > now).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const past = briefings.filter((b) => new Date(b.endsAt) <= now).sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  return { upcoming, past };
}

export function seatsLeft(briefing: Pick<BriefingLike, 'capacity' | 'taken'>): number {
  return Math.max(0, briefing.capacity - briefing.taken);
}

/** Sign-ups close when the session starts. */
export function hasStarted(briefing: Pick<BriefingLike, 'startsAt'>, now: Date): boolean {
  return new Date(briefing.startsAt) <= now;
}

const REASONS = ['full', 'started', 'cancelled'] as const;

export function briefingErrorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && error.code === 'CONFLICT') {
    const reason = error.details?.['reason'];
    if ((REASONS as readonly unknown[]).includes(reason)) return t(`briefings.errors.${reason as (typeof REASONS)[number]}`);
  }
  return errorMessage(error, t);
}
