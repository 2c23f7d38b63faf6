/**
 * The 发起议事 form as data: what is typed (title, summary, rule set, units, planned dates in
 * Beijing time), its checks (the API's own, said before sending), and the request it becomes.
 * The same fields edit a consultation later (title, summary, plan) and open one from a topic.
 */
import type { ConsultationPhase, UnitKind } from '@yishi/contracts';
import type { RuleSetId } from '@yishi/domain';
import { fromChinaDateTimeInput, toChinaDateTimeInput } from '../../../lib/date-input';
import type { FieldErrors } from '../../../lib/forms';
import { phaseIndex } from './phases';
import { ruleSetFits } from './rule-sets';

export const TITLE_MAX = 200;
export const SUMMARY_MAX = 4000;

/** Phases with planned dates: everything after the draft, which starts when the consultation is opened. */
export const PLANNED_PHASES = ['briefing', 'comment', 'revision', 'voting', 'notice', 'follow_up'] as const satisfies readonly ConsultationPhase[];
export type PlannedPhase = (typeof PLANNED_PHASES)[number];

export interface PlanRow {
  /** `datetime-local` values, Beijing time; '' when not planned. */
  start: string;
  end: string;
}

export type PlanDraft = Record<PlannedPhase, PlanRow>;

export interface UnitChoice {
  id: string;
  name: string;
  kind: UnitKind;
}

export interface ConsultationDraft {
  title: string;
  summary: string;
  ruleSet: RuleSetId | '';
  unitIds: string[];
  plan: PlanDraft;
}

export type PlanField = `plan.${PlannedPhase}.start` | `plan.${PlannedPhase}.end`;
export type ConsultationField = 'title' | 'summary' | 'ruleSet' | 'unitIds' | PlanField;

/** i18n keys of the problems the form finds itself (under convene.form.errors). */
export type ConsultationFormError =
  | 'titleRequired'
  | 'titleTooLong'
  | 'summaryTooLong'
  | 'ruleSetRequired'
  | 'unitsRequired'
  | 'unitsDoNotFit'
  | 'dateInvalid'
  | 'endWithoutStart'
  | 'endBeforeStart'
  | 'startBeforeEarlierPhase';

export function emptyPlan(): PlanDraft {
  return Object.fromEntries(PLANNED_PHASES.map((phase) => [phase, { start: '', end: '' }])) as PlanDraft;
}

export function emptyConsultation(unitIds: string[] = []): ConsultationDraft {
  return { title: '', summary: '', ruleSet: '', unitIds, plan: emptyPlan() };
}

/** A saved plan back in the form (phases the form does not plan are left out). */
export function planFromView(phases: readonly { phase: ConsultationPhase; startsAt: string; endsAt: string | null }[]): PlanDraft {
  const plan = emptyPlan();
  for (const planned of phases) {
    if ((PLANNED_PHASES as readonly string[]).includes(planned.phase)) {
      plan[planned.phase as PlannedPhase] = { start: toChinaDateTimeInput(planned.startsAt), end: toChinaDateTimeInput(planned.endsAt) };
    }
  }
  return plan;
}

export interface PlanEntry {
  phase: PlannedPhase;
  startsAt: string;
  endsAt?: string;
}

/** The problems of the planned dates, by field (each start after the one of an earlier phase). */
export function checkPlan(plan: PlanDraft): FieldErrors<PlanField> {
  const errors: FieldErrors<PlanField> = {};
  let previousStart: string | null = null;
  for (const phase of PLANNED_PHASES) {
    const row = plan[phase];
    const start = row.start.trim() ? fromChinaDateTimeInput(row.start) : null;
    const end = row.end.trim() ? fromChinaDateTimeInput(row.end) : null;
    if (row.start.trim() && !start) errors[`plan.${phase}.start`] = 'dateInvalid';
    if (row.end.trim() && !end) errors[`plan.${phase}.end`] = 'dateInvalid';
    else if (end && !row.start.trim()) errors[`plan.${phase}.end`] = 'endWithoutStart';
    else if (end && start && end <= start) errors[`plan.${phase}.end`] = 'endBeforeStart';
    if (start) {
      if (previousStart && start < previousStart) errors[`plan.${phase}.start`] = 'startBeforeEarlierPhase';
      previousStart = start;
    }
  }
  return errors;
}

/** The plan as the API takes it: planned phases only, in order. Call after checkPlan found nothing. */
export function planEntries(plan: PlanDraft): PlanEntry[] {
  const entries: PlanEntry[] = [];
  for (const phase of PLANNED_PHASES) {
    const startsAt = fromChinaDateTimeInput(plan[phase].start);
    if (!startsAt) continue;
    const endsAt = fromChinaDateTimeInput(plan[phase].end);
    entries.push(endsAt ? { phase, startsAt, endsAt } : { phase, startsAt });
  }
  return entries;
}

/** Whether a planned start is already past: the consultation will move there within a minute. */
export function plannedInThePast(plan: PlanDraft, current: ConsultationPhase, now: Date = new Date()): PlannedPhase[] {
  return PLANNED_PHASES.filter((phase) => {
    const startsAt = fromChinaDateTimeInput(plan[phase].start);
    return startsAt !== null && new Date(startsAt) <= now && phaseIndex(phase) > phaseIndex(current);
  });
}

/** The problems of the title and summary (shared by opening and editing). */
export function checkTexts(draft: Pick<ConsultationDraft, 'title' | 'summary'>): FieldErrors<'title' | 'summary'> {
  const errors: FieldErrors<'title' | 'summary'> = {};
  const title = draft.title.trim();
  if (!title) errors.title = 'titleRequired';
  else if ([...title].length > TITLE_MAX) errors.title = 'titleTooLong';
  if ([...draft.summary.trim()].length > SUMMARY_MAX) errors.summary = 'summaryTooLong';
  return errors;
}

/**
 * The problems of a new consultation. `units` are those that can be picked (a unit's page: that
 * unit alone, chosen already).
 */
export function checkConsultation(draft: ConsultationDraft, units: readonly UnitChoice[]): FieldErrors<ConsultationField> {
  const errors: FieldErrors<ConsultationField> = { ...checkTexts(draft), ...checkPlan(draft.plan) };
  const chosen = units.filter((unit) => draft.unitIds.includes(unit.id));
  if (!draft.ruleSet) errors.ruleSet = 'ruleSetRequired';
  if (chosen.length === 0) errors.unitIds = 'unitsRequired';
  else if (draft.ruleSet && chosen.some((unit) => !ruleSetFits(draft.ruleSet as RuleSetId, unit.kind))) errors.unitIds = 'unitsDoNotFit';
  return errors;
}

export interface CreateRequest {
  title: string;
  summary?: string;
  ruleSet: RuleSetId;
  unitIds: string[];
  phases?: PlanEntry[];
}

/** The request that opens the consultation. Call after checkConsultation found nothing. */
export function toCreateRequest(draft: ConsultationDraft): CreateRequest {
  const summary = draft.summary.trim();
  const phases = planEntries(draft.plan);
  return {
    title: draft.title.trim(),
    ...(summary ? { summary } : {}),
    ruleSet: draft.ruleSet as RuleSetId,
    unitIds: draft.unitIds,
    ...(phases.length > 0 ? { phases } : {}),
  };
}

/** Where an API validation error about a field belongs in the form (the plan's are said at the top). */
export function fieldOfPath(path: string): 'title' | 'summary' | 'ruleSet' | 'unitIds' | null {
  return path === 'title' || path === 'summary' || path === 'ruleSet' || path === 'unitIds' ? path : null;
}
