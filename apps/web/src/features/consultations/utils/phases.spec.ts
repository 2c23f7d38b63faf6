import { describe, expect, it } from '@jest/globals';
import { phaseNameKey, phaseStatusKey, phaseTimeline } from './phases';

describe('the phase timeline', () => {
  it('lists every phase in order, marking the ones before the current one as past', () => {
    const steps = phaseTimeline('comment', [
      { phase: 'comment', startsAt: '2026-05-01T00:00:00.000Z', endsAt: '2026-05-15T00:00:00.000Z' },
      { phase: 'voting', startsAt: '2026-06-01T00:00:00.000Z', endsAt: null },
    ]);
    expect(steps.map((s) => `${s.phase}:${s.state}`)).toEqual([
      'draft:past',
      'briefing:past',
      'comment:current',
      'revision:upcoming',
      'voting:upcoming',
      'notice:upcoming',
      'follow_up:upcoming',
    ]);
    expect(steps[2]).toEqual({ phase: 'comment', state: 'current', startsAt: '2026-05-01T00:00:00.000Z', endsAt: '2026-05-15T00:00:00.000Z' });
    expect(steps[1]).toEqual({ phase: 'briefing', state: 'past', startsAt: null, endsAt: null });
  });

  it('has a badge and a name for each phase', () => {
    expect(phaseStatusKey('comment')).toBe('consultations.status.comment');
    expect(phaseNameKey('follow_up')).toBe('consultations.phase.follow_up');
  });
});
