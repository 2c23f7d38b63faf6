import { describe, expect, it } from '@jest/globals';
import { CONSULTATION_PHASES, PHASE_INDEX, phaseIndex } from './consultations';

describe('the order of the phases of a consultation', () => {
  it('puts the draft first and the follow-up last', () => {
    expect(phaseIndex('draft')).toBe(0);
    expect(phaseIndex('follow_up')).toBe(CONSULTATION_PHASES.length - 1);
  });

  it('has comment before revision, and revision before voting', () => {
    expect(phaseIndex('comment')).toBeLessThan(phaseIndex('revision'));
    expect(phaseIndex('revision')).toBeLessThan(phaseIndex('voting'));
  });

  it('gives the same place through the map the services compare with', () => {
    for (const phase of CONSULTATION_PHASES) expect(PHASE_INDEX.get(phase)).toBe(phaseIndex(phase));
  });
});
