import { describe, expect, it } from '@jest/globals';
import type { ConsultationDraft, UnitChoice } from './consultation-form';
import { checkConsultation, checkPlan, emptyConsultation, emptyPlan, fieldOfPath, planEntries, planFromView, plannedInThePast, toCreateRequest } from './consultation-form';

const compound: UnitChoice = { id: 'u-ysa', name: '御水岸', kind: 'compound' };
const cooperative: UnitChoice = { id: 'u-nc', name: '南村经济社', kind: 'cooperative' };

const draft = (change: Partial<ConsultationDraft> = {}): ConsultationDraft => ({
  ...emptyConsultation([compound.id]),
  title: '  电梯加装方案  ',
  ruleSet: 'cc278-major',
  ...change,
});

describe('checkConsultation', () => {
  it('accepts a titled consultation of one compound under an owners’ rule', () => {
    expect(checkConsultation(draft(), [compound])).toEqual({});
  });

  it('asks for a title, a rule set and at least one unit', () => {
    expect(checkConsultation(emptyConsultation(), [compound])).toEqual({ title: 'titleRequired', ruleSet: 'ruleSetRequired', unitIds: 'unitsRequired' });
    expect(checkConsultation(draft({ title: '字'.repeat(201) }), [compound]).title).toBe('titleTooLong');
    expect(checkConsultation(draft({ summary: '字'.repeat(4001) }), [compound]).summary).toBe('summaryTooLong');
  });

  it('refuses a rule set whose body cannot decide for a chosen unit', () => {
    expect(checkConsultation(draft({ unitIds: [compound.id, cooperative.id] }), [compound, cooperative]).unitIds).toBe('unitsDoNotFit');
    expect(checkConsultation(draft({ ruleSet: 'rceo-27' }), [compound]).unitIds).toBe('unitsDoNotFit');
    expect(checkConsultation(draft({ ruleSet: 'simple-majority', unitIds: [compound.id, cooperative.id] }), [compound, cooperative])).toEqual({});
  });

  it('ignores units that cannot be picked here', () => {
    expect(checkConsultation(draft({ unitIds: ['elsewhere'] }), [compound]).unitIds).toBe('unitsRequired');
  });
});

describe('the phase plan', () => {
  it('is read in Beijing time and sent in phase order', () => {
    const plan = emptyPlan();
    plan.comment = { start: '2026-06-01T09:00', end: '2026-06-15T18:00' };
    plan.briefing = { start: '2026-05-25T19:30', end: '' };
    expect(checkPlan(plan)).toEqual({});
    expect(planEntries(plan)).toEqual([
      { phase: 'briefing', startsAt: '2026-05-25T11:30:00.000Z' },
      { phase: 'comment', startsAt: '2026-06-01T01:00:00.000Z', endsAt: '2026-06-15T10:00:00.000Z' },
    ]);
  });

  it('refuses an end before its start, an end alone, and a phase starting before an earlier one', () => {
    const plan = emptyPlan();
    plan.briefing = { start: '2026-06-10T09:00', end: '2026-06-10T09:00' };
    plan.comment = { start: '2026-06-01T09:00', end: '' };
    plan.voting = { start: '', end: '2026-07-01T09:00' };
    plan.notice = { start: '2026-13-01T09:00', end: '' };
    expect(checkPlan(plan)).toEqual({
      'plan.briefing.end': 'endBeforeStart',
      'plan.comment.start': 'startBeforeEarlierPhase',
      'plan.voting.end': 'endWithoutStart',
      'plan.notice.start': 'dateInvalid',
    });
  });

  it('comes back from the API as it was typed', () => {
    const plan = planFromView([
      { phase: 'draft', startsAt: '2026-05-01T00:00:00.000Z', endsAt: null },
      { phase: 'comment', startsAt: '2026-06-01T01:00:00.000Z', endsAt: '2026-06-15T10:00:00.000Z' },
    ]);
    expect(plan.comment).toEqual({ start: '2026-06-01T09:00', end: '2026-06-15T18:00' });
    expect(plan.briefing).toEqual({ start: '', end: '' });
  });

  it('tells which planned starts have passed already (the consultation would jump there)', () => {
    const plan = emptyPlan();
    plan.briefing = { start: '2026-05-01T09:00', end: '' };
    plan.comment = { start: '2026-07-01T09:00', end: '' };
    expect(plannedInThePast(plan, 'draft', new Date('2026-06-01T00:00:00Z'))).toEqual(['briefing']);
    expect(plannedInThePast(plan, 'briefing', new Date('2026-06-01T00:00:00Z'))).toEqual([]);
  });
});

describe('toCreateRequest', () => {
  it('trims, leaves out what is empty, and names the units', () => {
    expect(toCreateRequest(draft())).toEqual({ title: '电梯加装方案', ruleSet: 'cc278-major', unitIds: [compound.id] });
    expect(toCreateRequest(draft({ summary: ' 说明 ' })).summary).toBe('说明');
  });

  it('places the API’s field errors', () => {
    expect(fieldOfPath('unitIds')).toBe('unitIds');
    expect(fieldOfPath('phases')).toBeNull();
  });
});
