/**
 * The 发起表决 form as data: what is decided (the matters of the unit's bodies, from libs/domain),
 * the rule sets that may decide it, its checks (the API's own, and the legal clock said before
 * sending), and the request it becomes. Dates are typed in Beijing time.
 */
import type { UnitKind } from '@yishi/contracts';
import { VOTE_DEFAULTS, VOTE_LIMITS } from '@yishi/contracts';
import type { MatterKind, ReasonProblem, RuleSetId } from '@yishi/domain';
import { checkSchedule, DAY_MS, mattersForUnit, noticeEndsAt, reasonProblem, RULE_SET_IDS, RULE_SETS, ruleSetsForMatters } from '@yishi/domain';
import { fromChinaDateTimeInput, toChinaDateTimeInput } from '../../../lib/date-input';
import type { FieldErrors } from '../../../lib/forms';
import { DEFAULT_REMINDERS, reminderFits } from './reminders';

// The API's limits (libs/contracts), under the names the form's components use.
export const TITLE_MAX = VOTE_LIMITS.title;
export const QUESTION_MAX = VOTE_LIMITS.question;
export const OPTION_MAX = VOTE_LIMITS.optionLabel;
export const OPTIONS_MIN = VOTE_LIMITS.optionsMin;
export const OPTIONS_MAX = VOTE_LIMITS.optionsMax;
export const PROXY_CAP_MAX = VOTE_LIMITS.proxyCapMax;
export const OBJECTION_DAYS_MAX = VOTE_LIMITS.objectionDaysMax;
export const DEFAULT_VOTING_DAYS = 7;

/** Whether a rule set's electorate can be drawn from a unit of this kind (owners of a compound, members of a cooperative). */
export function ruleSetFitsUnit(ruleSet: RuleSetId, kind: UnitKind): boolean {
  const electorate = RULE_SETS[ruleSet].electorate;
  if (electorate === 'any') return true;
  return electorate === 'compound' ? kind === 'compound' : kind === 'cooperative';
}

export function ruleSetsForUnit(kind: UnitKind): RuleSetId[] {
  return RULE_SET_IDS.filter((ruleSet) => ruleSetFitsUnit(ruleSet, kind));
}

/** The matters the unit's bodies decide, as the form lists them (owners' for a compound; members' and villagers' for a cooperative; a poll). */
export function mattersOfUnit(kind: UnitKind): MatterKind[] {
  return mattersForUnit(kind);
}

/** The rule sets the form offers: those of the unit's bodies that may decide every matter chosen (none until a matter is chosen). */
export function ruleSetsFor(kind: UnitKind, matters: readonly MatterKind[]): RuleSetId[] {
  return ruleSetsForMatters(matters).filter((ruleSet) => ruleSetFitsUnit(ruleSet, kind));
}

/** Owners vote by name: weighing by floor area needs to know whose ballot it is (Civil Code art. 278). */
export const secretAllowed = (ruleSet: RuleSetId): boolean => !RULE_SETS[ruleSet].weightedByArea;

/** Only an informal poll offers several options; a rule set decides a motion (同意 / 反对 / 弃权). */
export const optionsAllowed = (ruleSet: RuleSetId): boolean => ruleSet === 'simple-majority';

export interface VoteDraft {
  title: string;
  question: string;
  /** What the vote decides: chosen first, it decides which rule sets are offered. */
  matters: MatterKind[];
  ruleSet: RuleSetId | '';
  /** A poll (simple majority only): several options instead of 同意 / 反对 / 弃权. */
  poll: boolean;
  options: string[];
  secrecy: 'named' | 'secret';
  allowChange: boolean;
  /** `datetime-local` values, Beijing time. */
  opensAt: string;
  closesAt: string;
  /**
   * Why voting must open before the legal notice has run, or last less than the rule set's
   * shortest window: asked only then; the vote is announced with a request that staff of the
   * community or street must approve before it opens.
   */
  shorteningReason: string;
  turnoutPublic: boolean;
  proxyCap: string;
  objectionDays: string;
  lml63Body: 'members' | 'representatives';
  lml63Rceo: boolean;
  /** Hours before closing at which those who have not taken part are reminded (those after opening are sent). */
  reminders: number[];
  /** Documents uploaded for the vote, announced with it. */
  documents: VoteDocument[];
}

/** A document uploaded for the vote: its kept file and the title the owners read. */
export interface VoteDocument {
  fileId: string;
  title: string;
  name: string;
  mime: string;
  sizeBytes: number;
}

export type VoteField = 'title' | 'question' | 'matters' | 'ruleSet' | 'options' | 'secrecy' | 'opensAt' | 'closesAt' | 'shorteningReason' | 'proxyCap' | 'objectionDays' | 'documents';

/** i18n keys of the problems the form finds itself (under voteAdmin.form.errors). */
export type VoteFormError =
  | 'titleRequired'
  | 'titleTooLong'
  | 'questionRequired'
  | 'questionTooLong'
  | 'mattersRequired'
  | 'mattersApart'
  | 'ruleSetRequired'
  | 'ruleSetDoesNotFit'
  | 'ruleSetMayNotDecide'
  | 'optionsTooFew'
  | 'optionsTooMany'
  | 'optionTooLong'
  | 'optionsRepeated'
  | 'secretNotAllowed'
  | 'dateInvalid'
  | 'closesBeforeOpens'
  | 'closesInPast'
  | 'shorteningReasonRequired'
  | 'shorteningReasonTooShort'
  | 'shorteningReasonFiller'
  | 'proxyCapInvalid'
  | 'objectionDaysInvalid'
  | 'documentTitleRequired';

/** The earliest lawful opening announced now, on the next quarter hour, and a default window. */
export function defaultWindow(ruleSet: RuleSetId | '', now: Date = new Date()): { opensAt: string; closesAt: string } {
  const earliest = ruleSet ? noticeEndsAt(ruleSet, now).getTime() : now.getTime();
  const quarter = 15 * 60 * 1000;
  // A few minutes for typing the rest of the form, then the next quarter hour.
  const opens = Math.ceil((earliest + 10 * 60 * 1000) / quarter) * quarter;
  return { opensAt: toChinaDateTimeInput(new Date(opens).toISOString()), closesAt: toChinaDateTimeInput(new Date(opens + DEFAULT_VOTING_DAYS * DAY_MS).toISOString()) };
}

export function emptyVote(ruleSet: RuleSetId | '' = '', now: Date = new Date()): VoteDraft {
  return {
    title: '',
    question: '',
    matters: [],
    ruleSet,
    poll: false,
    options: ['', ''],
    secrecy: 'named',
    allowChange: true,
    ...defaultWindow(ruleSet, now),
    shorteningReason: '',
    turnoutPublic: false,
    proxyCap: String(VOTE_DEFAULTS.proxyCap),
    objectionDays: String(VOTE_DEFAULTS.objectionDays),
    lml63Body: 'members',
    lml63Rceo: true,
    reminders: [...DEFAULT_REMINDERS],
    documents: [],
  };
}

const length = (text: string): number => [...text.trim()].length;

/** A whole number typed in a field (at most three digits), within its bounds; null otherwise. */
export function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\d{1,3}$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return n >= min && n <= max ? n : null;
}

/** Whether the opening typed comes before the legal notice of a vote announced now has run. */
export function opensBeforeNotice(draft: Pick<VoteDraft, 'opensAt'>, ruleSet: RuleSetId, now: Date = new Date()): boolean {
  const opens = fromChinaDateTimeInput(draft.opensAt);
  return opens !== null && new Date(opens) < noticeEndsAt(ruleSet, now);
}

/**
 * What the window typed asks of the legal clock, for a vote announced now: opening before the
 * notice has run, or a window shorter than the rule set's shortest (each needs a reason and a
 * supervisor's approval). Null until the window can be read.
 */
export function shortening(draft: Pick<VoteDraft, 'opensAt' | 'closesAt'>, ruleSet: RuleSetId, now: Date = new Date()): { notice: boolean; window: boolean } | null {
  const opens = fromChinaDateTimeInput(draft.opensAt);
  const closes = fromChinaDateTimeInput(draft.closesAt);
  if (!opens || !closes || closes <= opens) return null;
  const opensAt = new Date(opens) < now ? now : new Date(opens);
  const check = checkSchedule(ruleSet, { announcedAt: now, opensAt, closesAt: new Date(closes) });
  return { notice: check.shortensNotice, window: check.shortensWindow };
}

const REASON_ERRORS: Record<ReasonProblem, VoteFormError> = { tooShort: 'shorteningReasonTooShort', filler: 'shorteningReasonFiller' };

/** The options of a poll as typed, without blank rows. */
export const filledOptions = (draft: Pick<VoteDraft, 'options'>): string[] => draft.options.map((o) => o.trim()).filter(Boolean);

/**
 * The problems of a new vote for a unit of this kind, at `now`: it must say what it decides, under
 * a rule set that may decide that; an opening before the notice has run or a window shorter than
 * the rule set's needs a reason of substance (the vote then waits for a supervisor's approval).
 */
export function checkVote(draft: VoteDraft, unitKind: UnitKind, now: Date = new Date()): FieldErrors<VoteField> {
  const errors: FieldErrors<VoteField> = {};
  if (!length(draft.title)) errors.title = 'titleRequired';
  else if (length(draft.title) > TITLE_MAX) errors.title = 'titleTooLong';
  if (!length(draft.question)) errors.question = 'questionRequired';
  else if (length(draft.question) > QUESTION_MAX) errors.question = 'questionTooLong';
  const offered = ruleSetsFor(unitKind, draft.matters);
  if (draft.matters.length === 0) errors.matters = 'mattersRequired';
  else if (offered.length === 0) errors.matters = 'mattersApart';
  const ruleSet = draft.ruleSet || null;
  if (!ruleSet) errors.ruleSet = 'ruleSetRequired';
  else if (!ruleSetFitsUnit(ruleSet, unitKind)) errors.ruleSet = 'ruleSetDoesNotFit';
  else if (draft.matters.length > 0 && !offered.includes(ruleSet)) errors.ruleSet = 'ruleSetMayNotDecide';
  if (ruleSet && optionsAllowed(ruleSet) && draft.poll) {
    const options = filledOptions(draft);
    if (options.length < OPTIONS_MIN) errors.options = 'optionsTooFew';
    else if (options.length > OPTIONS_MAX) errors.options = 'optionsTooMany';
    else if (options.some((o) => [...o].length > OPTION_MAX)) errors.options = 'optionTooLong';
    else if (new Set(options).size !== options.length) errors.options = 'optionsRepeated';
  }
  if (ruleSet && draft.secrecy === 'secret' && !secretAllowed(ruleSet)) errors.secrecy = 'secretNotAllowed';
  Object.assign(errors, checkWindowAndSettings(draft, () => (ruleSet ? shortening(draft, ruleSet, now) : null), now));
  if (draft.documents.some((d) => !d.title.trim())) errors.documents = 'documentTitleRequired';
  return errors;
}

type WindowAndSettingsField = 'opensAt' | 'closesAt' | 'shorteningReason' | 'proxyCap' | 'objectionDays';

/**
 * The window, the reason for a shortening and the settings, checked alike for a single vote and an
 * assembly's ballot: `asksOf` says what a readable window asks of the legal clock under the
 * ballot's rule set(s), null when there is none yet.
 */
export function checkWindowAndSettings(
  draft: Pick<VoteDraft, WindowAndSettingsField>,
  asksOf: () => { notice: boolean; window: boolean } | null,
  now: Date,
): FieldErrors<WindowAndSettingsField> {
  const errors: FieldErrors<WindowAndSettingsField> = {};
  const opens = fromChinaDateTimeInput(draft.opensAt);
  const closes = fromChinaDateTimeInput(draft.closesAt);
  if (!opens) errors.opensAt = 'dateInvalid';
  if (!closes) errors.closesAt = 'dateInvalid';
  else if (new Date(closes) <= now) errors.closesAt = 'closesInPast';
  else if (opens && closes <= opens) errors.closesAt = 'closesBeforeOpens';
  const asks = !errors.opensAt && !errors.closesAt ? asksOf() : null;
  if (asks && (asks.notice || asks.window)) {
    const problem = draft.shorteningReason.trim() ? reasonProblem(draft.shorteningReason) : null;
    if (!draft.shorteningReason.trim()) errors.shorteningReason = 'shorteningReasonRequired';
    else if (problem) errors.shorteningReason = REASON_ERRORS[problem];
  }
  if (wholeNumber(draft.proxyCap, VOTE_LIMITS.proxyCapMin, PROXY_CAP_MAX) === null) errors.proxyCap = 'proxyCapInvalid';
  if (wholeNumber(draft.objectionDays, VOTE_LIMITS.objectionDaysMin, OBJECTION_DAYS_MAX) === null) errors.objectionDays = 'objectionDaysInvalid';
  return errors;
}

/**
 * The part of the announcing request every ballot shares: named unless the rule allows secret (a
 * secret ballot, once cast, is final), the window, the settings, the shortening's reason when the
 * window asks for one, and the reminders that fit the window.
 */
export function windowAndSettingsRequest(
  draft: Pick<VoteDraft, WindowAndSettingsField | 'secrecy' | 'allowChange' | 'turnoutPublic' | 'reminders'>,
  secretOk: boolean,
  asks: { notice: boolean; window: boolean } | null,
): Pick<CreateVoteRequest, 'secrecy' | 'allowChange' | 'opensAt' | 'closesAt' | 'turnoutPublic' | 'proxyCap' | 'objectionDays' | 'shorteningReason' | 'reminderHoursBefore'> {
  return {
    secrecy: secretOk ? draft.secrecy : 'named',
    allowChange: draft.secrecy === 'secret' && secretOk ? false : draft.allowChange,
    opensAt: fromChinaDateTimeInput(draft.opensAt)!,
    closesAt: fromChinaDateTimeInput(draft.closesAt)!,
    turnoutPublic: draft.turnoutPublic,
    proxyCap: Number(draft.proxyCap.trim()),
    objectionDays: Number(draft.objectionDays.trim()),
    ...(asks && (asks.notice || asks.window) ? { shorteningReason: draft.shorteningReason.trim() } : {}),
    reminderHoursBefore: fittingReminders(draft),
  };
}

export interface CreateVoteRequest {
  title: string;
  question: string;
  matterKinds: MatterKind[];
  ruleSet: RuleSetId;
  options?: { id: string; label: string }[];
  lml63?: { body: 'members' | 'representatives'; rceoApplies: boolean };
  secrecy: 'named' | 'secret';
  allowChange: boolean;
  opensAt: string;
  closesAt: string;
  turnoutPublic: boolean;
  proxyCap: number;
  objectionDays: number;
  consultationId?: string;
  shorteningReason?: string;
  reminderHoursBefore?: number[];
  attachments?: { fileId: string; title: string }[];
}

/** A poll's option ids: a, b, c … (stable, short, as the API wants them). */
export const optionId = (index: number): string => (index < 26 ? String.fromCharCode(97 + index) : `o${index + 1}`);

/** The request that announces the vote. Call after checkVote found nothing. */
export function toCreateVoteRequest(draft: VoteDraft, consultationId: string | null, now: Date = new Date()): CreateVoteRequest {
  const ruleSet = draft.ruleSet as RuleSetId;
  const poll = optionsAllowed(ruleSet) && draft.poll;
  const asks = shortening(draft, ruleSet, now);
  return {
    title: draft.title.trim(),
    question: draft.question.trim(),
    matterKinds: [...draft.matters],
    ruleSet,
    ...(poll ? { options: filledOptions(draft).map((label, index) => ({ id: optionId(index), label })) } : {}),
    ...(ruleSet === 'lml-63' ? { lml63: { body: draft.lml63Body, rceoApplies: draft.lml63Rceo } } : {}),
    ...windowAndSettingsRequest(draft, secretAllowed(ruleSet), asks),
    ...(consultationId ? { consultationId } : {}),
    ...(draft.documents.length > 0 ? { attachments: draft.documents.map((d) => ({ fileId: d.fileId, title: d.title.trim() })) } : {}),
  };
}

/** The chosen reminders that fall after voting opens (the others cannot be sent and are left out). */
export function fittingReminders(draft: Pick<VoteDraft, 'reminders' | 'opensAt' | 'closesAt'>): number[] {
  const opens = fromChinaDateTimeInput(draft.opensAt);
  const closes = fromChinaDateTimeInput(draft.closesAt);
  return draft.reminders.filter((h) => reminderFits(h, opens ? new Date(opens) : null, closes ? new Date(closes) : null)).sort((a, b) => b - a);
}

/** Where an API validation error about a field belongs in the form. */
export function voteFieldOfPath(path: string): VoteField | null {
  const top = path.split('.')[0] ?? '';
  if (top === 'matterKinds') return 'matters';
  if (top === 'attachments') return 'documents';
  return (['title', 'question', 'ruleSet', 'options', 'secrecy', 'opensAt', 'closesAt', 'shorteningReason', 'proxyCap', 'objectionDays'] as const).find((f) => f === top) ?? null;
}
