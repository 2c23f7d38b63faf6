import { describe, expect, it } from '@jest/globals';
import { earlierPhases, needsPublishedDraft, nextPhase, phaseState } from './phases';
import { ruleSetsFor } from './rule-sets';

describe('phases', () => {
  it('move forward one at a time and back to any earlier one', () => {
    expect(nextPhase('draft')).toBe('briefing');
    expect(nextPhase('briefing')).toBe('comment');
    expect(nextPhase('follow_up')).toBeNull();
    expect(earlierPhases('comment')).toEqual(['briefing', 'draft']);
    expect(earlierPhases('draft')).toEqual([]);
  });

  it('need a published draft from the briefing on', () => {
    expect(needsPublishedDraft('draft')).toBe(false);
    expect(needsPublishedDraft('briefing')).toBe(true);
  });

  it('stand done, current or upcoming on the bar', () => {
    expect(phaseState('draft', 'comment')).toBe('done');
    expect(phaseState('comment', 'comment')).toBe('current');
    expect(phaseState('voting', 'comment')).toBe('upcoming');
  });
});

describe('rule sets', () => {
  it('fit owners’ rules to compounds, members’ and villagers’ rules to cooperatives', () => {
    expect(ruleSetsFor(['compound'])).toEqual(['cc278-ordinary', 'cc278-major', 'simple-majority']);
    expect(ruleSetsFor(['cooperative'])).toEqual(['rceo-27', 'rceo-28', 'rceo-15', 'vcl-22', 'vcl-26', 'vcl-28', 'lml-63', 'simple-majority']);
    expect(ruleSetsFor(['compound', 'cooperative'])).toEqual(['simple-majority']);
    expect(ruleSetsFor([])).toHaveLength(10);
  });
});
