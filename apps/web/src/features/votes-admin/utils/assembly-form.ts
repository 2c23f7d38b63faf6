/**
 * 业主大会表决票 as data: one paper of 1–10 matters, each a motion (同意 / 反对 / 弃权) or an
 * election (seats and consenting candidates), each decided under its own rule set — only one that
 * may decide its matter. The window, documents and settings are the single vote's (utils/vote-form);
 * the legal clock is checked against every matter's rule set, so the strictest one sets the notice.
 */
import type { UnitKind } from '@yishi/contracts';
import { VOTE_LIMITS } from '@yishi/contracts';
import type { MatterKind, RuleSetId } from '@yishi/domain';
import { decidingAssembly, noticeEndsAt, RULE_SETS } from '@yishi/domain';
import type { FieldErrors } from '../../../lib/forms';
import type { VoteDocument, VoteDraft, VoteFormError } from './vote-form';
import { checkWindowAndSettings, defaultWindow, emptyVote, mattersOfUnit, QUESTION_MAX, ruleSetsFor, secretAllowed, shortening, TITLE_MAX, wholeNumber, windowAndSettingsRequest } from './vote-form';

export const MATTERS_MAX = VOTE_LIMITS.matters;
export const MATTER_TITLE_MAX = VOTE_LIMITS.matterTitle;
export const SEATS_MAX = VOTE_LIMITS.seats;
export const CANDIDATES_MAX = VOTE_LIMITS.candidates;
export const CANDIDATE_NAME_MAX = VOTE_LIMITS.candidateName;
export const CANDIDATE_STATEMENT_MAX = VOTE_LIMITS.candidateStatement;

export type MatterQuestionKind = 'motion' | 'election';

export interface CandidateDraft {
  name: string;
  statement: string;
  /** 本人已书面同意参选: the convenor keeps the signed form; nobody stands without it. */
  consent: boolean;
}

export interface MatterDraft {
  /** A stable key for the list while matters are added, moved and removed. */
  key: number;
  kind: MatterQuestionKind;
  title: string;
  question: string;
  matterKind: MatterKind | '';
  ruleSet: RuleSetId | '';
  /** An election: seats to fill, as typed. */
  seats: string;
  candidates: CandidateDraft[];
  documents: VoteDocument[];
  /** An lml-63 matter (commercial construction land): which body consents, and whether the RCEO Law binds it too. */
  lml63Body: 'members' | 'representatives';
  lml63Rceo: boolean;
}

/** The ballot: the single vote's heading, window and settings, and its matters. */
export type AssemblyDraft = Pick<
  VoteDraft,
  'title' | 'question' | 'opensAt' | 'closesAt' | 'shorteningReason' | 'turnoutPublic' | 'proxyCap' | 'objectionDays' | 'reminders' | 'documents' | 'allowChange' | 'secrecy'
> & { matters: MatterDraft[] };

export type AssemblyField = 'title' | 'question' | 'matters' | 'secrecy' | 'opensAt' | 'closesAt' | 'shorteningReason' | 'proxyCap' | 'objectionDays' | 'documents';
export type MatterField = 'title' | 'question' | 'matterKind' | 'ruleSet' | 'seats' | 'candidates' | 'documents';
export type CandidateField = 'name' | 'statement' | 'consent';

/** i18n keys (under voteAdmin.assembly.errors) of the problems found in a matter. */
export type MatterError =
  | 'titleRequired'
  | 'titleTooLong'
  | 'questionRequired'
  | 'questionTooLong'
  | 'matterKindRequired'
  | 'ruleSetRequired'
  | 'ruleSetMayNotDecide'
  | 'otherAssembly'
  | 'seatsInvalid'
  | 'candidatesRequired'
  | 'candidatesTooMany'
  | 'candidatesRepeated'
  | 'nameRequired'
  | 'nameTooLong'
  | 'statementRequired'
  | 'statementTooLong'
  | 'consentRequired'
  | 'documentTitleRequired'
  | 'rejected';

export interface MatterErrors {
  fields: Partial<Record<MatterField, MatterError>>;
  /** Per candidate, in order (an election). */
  candidates: Partial<Record<CandidateField, MatterError>>[];
}

export interface AssemblyErrors {
  /** Keys under voteAdmin.form.errors (the single vote's) or voteAdmin.assembly.errors ('mattersTooFew', 'mattersTooMany', 'documentsTooMany'). */
  fields: FieldErrors<AssemblyField>;
  matters: MatterErrors[];
}

export const emptyCandidate = (): CandidateDraft => ({ name: '', statement: '', consent: false });

/** A new matter: a motion, or an election of the owners' committee where the unit's owners elect one. */
export function newMatter(kind: MatterQuestionKind, unitKind: UnitKind | null, key: number): MatterDraft {
  const own = unitKind ? mattersOfUnit(unitKind) : [];
  const matterKind: MatterKind | '' = kind === 'election' && own.includes('owners-committee') ? 'owners-committee' : '';
  const offered = unitKind && matterKind ? ruleSetsFor(unitKind, [matterKind]) : [];
  return {
    key,
    kind,
    title: '',
    question: '',
    matterKind,
    ruleSet: offered.length === 1 ? offered[0]! : '',
    seats: kind === 'election' ? '5' : '',
    candidates: kind === 'election' ? [emptyCandidate()] : [],
    documents: [],
    lml63Body: 'members',
    lml63Rceo: true,
  };
}

/** A matter with its kind of matter changed: the rule set stays while it may still decide it, or becomes the only one that may. */
export function withMatterKind(matter: MatterDraft, matterKind: MatterKind | '', unitKind: UnitKind): MatterDraft {
  const offered = matterKind ? ruleSetsFor(unitKind, [matterKind]) : [];
  const ruleSet = matter.ruleSet && offered.includes(matter.ruleSet) ? matter.ruleSet : offered.length === 1 ? offered[0]! : '';
  return { ...matter, matterKind, ruleSet };
}

export function emptyAssembly(now: Date = new Date()): AssemblyDraft {
  const { title, question, opensAt, closesAt, shorteningReason, turnoutPublic, proxyCap, objectionDays, reminders, documents, allowChange, secrecy } = emptyVote('', now);
  return { title, question, opensAt, closesAt, shorteningReason, turnoutPublic, proxyCap, objectionDays, reminders, documents, allowChange, secrecy, matters: [] };
}

/** Moves the matter at `index` one place up (-1) or down (+1); out of range changes nothing. */
export function moveMatter<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list];
  const next = [...list];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

/** The rule sets of the matters chosen so far, each once. */
export const assemblyRuleSets = (draft: Pick<AssemblyDraft, 'matters'>): RuleSetId[] => [...new Set(draft.matters.map((m) => m.ruleSet).filter((r): r is RuleSetId => r !== ''))];

/** The rule set the whole ballot's clock runs on, as the API chooses it: the longest notice, then the longest shortest window. */
export function clockRuleSet(ruleSets: readonly RuleSetId[]): RuleSetId {
  return [...ruleSets].sort((a, b) => RULE_SETS[b].noticeDays - RULE_SETS[a].noticeDays || RULE_SETS[b].minVotingHours - RULE_SETS[a].minVotingHours)[0]!;
}

/** The lml-63 parameters of a matter decided under lml-63 (null under any other rule). */
export const matterLml63 = (m: Pick<MatterDraft, 'ruleSet' | 'lml63Body' | 'lml63Rceo'>): { body: 'members' | 'representatives'; rceoApplies: boolean } | null =>
  m.ruleSet === 'lml-63' ? { body: m.lml63Body, rceoApplies: m.lml63Rceo } : null;

/** Whether the ballot may be secret: no matter's rule weighs ballots by floor area (owners vote by name). Null before any rule is chosen. */
export function assemblySecretAllowed(draft: Pick<AssemblyDraft, 'matters'>): boolean | null {
  const ruleSets = assemblyRuleSets(draft);
  return ruleSets.length === 0 ? null : ruleSets.every(secretAllowed);
}

/** The rule set whose notice ends last for a ballot announced now (it sets the earliest lawful opening); null before any is chosen. */
export function strictestRuleSet(draft: Pick<AssemblyDraft, 'matters'>, now: Date = new Date()): RuleSetId | null {
  let best: RuleSetId | null = null;
  for (const ruleSet of assemblyRuleSets(draft)) if (!best || noticeEndsAt(ruleSet, now) > noticeEndsAt(best, now)) best = ruleSet;
  return best;
}

/** The earliest lawful window for the matters chosen (the strictest notice). */
export const assemblyWindow = (draft: Pick<AssemblyDraft, 'matters'>, now: Date = new Date()): { opensAt: string; closesAt: string } => defaultWindow(strictestRuleSet(draft, now) ?? '', now);

/** What the window asks of the legal clock under any matter's rule set (each needs the one reason). Null until it can be read. */
export function assemblyShortening(draft: Pick<AssemblyDraft, 'opensAt' | 'closesAt' | 'matters'>, now: Date = new Date()): { notice: boolean; window: boolean } | null {
  const each = assemblyRuleSets(draft).map((ruleSet) => shortening(draft, ruleSet, now));
  if (each.length === 0 || each.some((s) => s === null)) return null;
  return { notice: each.some((s) => s!.notice), window: each.some((s) => s!.window) };
}

const length = (text: string): number => [...text.trim()].length;

function checkMatter(matter: MatterDraft, unitKind: UnitKind, assembly: string | null): MatterErrors {
  const fields: MatterErrors['fields'] = {};
  if (!length(matter.title)) fields.title = 'titleRequired';
  else if (length(matter.title) > MATTER_TITLE_MAX) fields.title = 'titleTooLong';
  if (!length(matter.question)) fields.question = 'questionRequired';
  else if (length(matter.question) > QUESTION_MAX) fields.question = 'questionTooLong';
  if (!matter.matterKind || !mattersOfUnit(unitKind).includes(matter.matterKind)) fields.matterKind = 'matterKindRequired';
  if (!matter.ruleSet) fields.ruleSet = 'ruleSetRequired';
  else if (matter.matterKind && !ruleSetsFor(unitKind, [matter.matterKind]).includes(matter.ruleSet)) fields.ruleSet = 'ruleSetMayNotDecide';
  else if (assembly && decidingAssembly(matter.ruleSet, matterLml63(matter)) !== assembly) fields.ruleSet = 'otherAssembly';
  const candidates: MatterErrors['candidates'] = [];
  if (matter.kind === 'election') {
    if (wholeNumber(matter.seats, 1, SEATS_MAX) === null) fields.seats = 'seatsInvalid';
    if (matter.candidates.length === 0) fields.candidates = 'candidatesRequired';
    else if (matter.candidates.length > CANDIDATES_MAX) fields.candidates = 'candidatesTooMany';
    else {
      const names = matter.candidates.map((c) => c.name.trim()).filter(Boolean);
      if (new Set(names).size !== names.length) fields.candidates = 'candidatesRepeated';
    }
    for (const c of matter.candidates) {
      const own: MatterErrors['candidates'][number] = {};
      if (!length(c.name)) own.name = 'nameRequired';
      else if (length(c.name) > CANDIDATE_NAME_MAX) own.name = 'nameTooLong';
      if (!length(c.statement)) own.statement = 'statementRequired';
      else if (length(c.statement) > CANDIDATE_STATEMENT_MAX) own.statement = 'statementTooLong';
      if (!c.consent) own.consent = 'consentRequired';
      candidates.push(own);
    }
  }
  if (matter.documents.some((d) => !d.title.trim())) fields.documents = 'documentTitleRequired';
  return { fields, candidates };
}

/** Whether the check found anything, on the ballot or in any matter or candidate. */
export function assemblyHasErrors(errors: AssemblyErrors): boolean {
  return Object.keys(errors.fields).length > 0 || errors.matters.some((m) => Object.keys(m.fields).length > 0 || m.candidates.some((c) => Object.keys(c).length > 0));
}

/** The problems of a new ballot for a unit of this kind, at `now`. */
export function checkAssembly(draft: AssemblyDraft, unitKind: UnitKind, now: Date = new Date()): AssemblyErrors {
  const fields: FieldErrors<AssemblyField> = {};
  if (!length(draft.title)) fields.title = 'titleRequired';
  else if (length(draft.title) > TITLE_MAX) fields.title = 'titleTooLong';
  if (!length(draft.question)) fields.question = 'questionRequired';
  else if (length(draft.question) > QUESTION_MAX) fields.question = 'questionTooLong';
  if (draft.matters.length === 0) fields.matters = 'mattersTooFew';
  else if (draft.matters.length > MATTERS_MAX) fields.matters = 'mattersTooMany';
  Object.assign(fields, checkWindowAndSettings(draft, () => assemblyShortening(draft, now), now));
  if (draft.secrecy === 'secret' && assemblySecretAllowed(draft) === false) fields.secrecy = 'secretNotAllowed';
  if (draft.documents.some((d) => !d.title.trim())) fields.documents = 'documentTitleRequired';
  else if (draft.documents.length + draft.matters.reduce((n, m) => n + m.documents.length, 0) > VOTE_LIMITS.attachments) fields.documents = 'documentsTooMany';
  // One paper, one assembly: the first matter with a rule decides which (the member assembly cannot also sit as the representatives).
  const first = draft.matters.find((m) => m.ruleSet !== '');
  const assembly = first ? decidingAssembly(first.ruleSet as RuleSetId, matterLml63(first)) : null;
  return { fields, matters: draft.matters.map((m) => checkMatter(m, unitKind, assembly)) };
}

/** Where the message of an error key is: the single vote's keys, or the assembly's own. */
export const ASSEMBLY_OWN_ERRORS: readonly string[] = ['mattersTooFew', 'mattersTooMany', 'documentsTooMany'];
export type AssemblyFormError = VoteFormError | 'mattersTooFew' | 'mattersTooMany' | 'documentsTooMany';

export interface MatterRequest {
  title: string;
  question: string;
  ruleSet: RuleSetId;
  matterKinds: MatterKind[];
  lml63?: { body: 'members' | 'representatives'; rceoApplies: boolean };
  seats?: number;
  candidates?: { name: string; statement: string; consent: true }[];
  attachments?: { fileId: string; title: string }[];
}

export interface CreateAssemblyRequest {
  title: string;
  question: string;
  /** Ignored by the API for a ballot of matters (each has its own); sent because the request type names it. */
  ruleSet: RuleSetId;
  matterKinds: MatterKind[];
  matters: MatterRequest[];
  secrecy: 'named' | 'secret';
  allowChange: boolean;
  opensAt: string;
  closesAt: string;
  turnoutPublic: boolean;
  proxyCap: number;
  objectionDays: number;
  shorteningReason?: string;
  reminderHoursBefore?: number[];
  attachments?: { fileId: string; title: string }[];
}

const attachments = (documents: readonly VoteDocument[]): { attachments?: { fileId: string; title: string }[] } =>
  documents.length > 0 ? { attachments: documents.map((d) => ({ fileId: d.fileId, title: d.title.trim() })) } : {};

/** The request that announces the ballot (`POST /api/units/{unitId}/votes` with `matters`). Call after checkAssembly found nothing. */
export function toCreateAssemblyRequest(draft: AssemblyDraft, now: Date = new Date()): CreateAssemblyRequest {
  const matters: MatterRequest[] = draft.matters.map((m) => ({
    title: m.title.trim(),
    question: m.question.trim(),
    ruleSet: m.ruleSet as RuleSetId,
    matterKinds: [m.matterKind as MatterKind],
    // The member assembly decides by its members, as RCEO Law art. 28 asks, unless a single vote says otherwise.
    ...(matterLml63(m) ? { lml63: matterLml63(m)! } : {}),
    ...(m.kind === 'election'
      ? { seats: Number(m.seats.trim()), candidates: m.candidates.map((c) => ({ name: c.name.trim(), statement: c.statement.trim(), consent: true as const })) }
      : {}),
    ...attachments(m.documents),
  }));
  const asks = assemblyShortening(draft, now);
  return {
    title: draft.title.trim(),
    question: draft.question.trim(),
    ruleSet: matters[0]!.ruleSet,
    matterKinds: [...new Set(matters.flatMap((m) => m.matterKinds))],
    matters,
    // Owners vote by name (Civil Code art. 278: their area is weighed); a cooperative's or village's ballot may be secret.
    ...windowAndSettingsRequest(draft, assemblySecretAllowed(draft) === true, asks),
    ...attachments(draft.documents),
  };
}

export type AssemblyPlace =
  | { where: 'vote'; field: AssemblyField }
  | { where: 'matter'; index: number; field: MatterField }
  | { where: 'candidate'; index: number; candidate: number; field: CandidateField };

/** Where an API validation error (`matters.1.matterKinds`, `matters.2.candidates.0.consent`, `title`) belongs on the form. */
export function assemblyPlaceOfPath(path: string): AssemblyPlace | null {
  const parts = path.split('.');
  if (parts[0] === 'matters') {
    const index = Number(parts[1]);
    if (parts[1] === undefined || !Number.isInteger(index)) return { where: 'vote', field: 'matters' };
    const field = parts[2] ?? '';
    if (field === 'candidates' && parts[3] !== undefined && Number.isInteger(Number(parts[3]))) {
      const own = parts[4] as CandidateField | undefined;
      return own && ['name', 'statement', 'consent'].includes(own) ? { where: 'candidate', index, candidate: Number(parts[3]), field: own } : { where: 'matter', index, field: 'candidates' };
    }
    const map: Record<string, MatterField> = { title: 'title', question: 'question', matterKinds: 'matterKind', ruleSet: 'ruleSet', lml63: 'ruleSet', seats: 'seats', candidates: 'candidates', attachments: 'documents' };
    return { where: 'matter', index, field: map[field] ?? 'title' };
  }
  const top = parts[0] ?? '';
  if (top === 'attachments') return { where: 'vote', field: 'documents' };
  if (top === 'matterKinds' || top === 'ruleSet') return { where: 'vote', field: 'matters' };
  const found = (['title', 'question', 'secrecy', 'opensAt', 'closesAt', 'shorteningReason', 'proxyCap', 'objectionDays'] as const).find((f) => f === top);
  return found ? { where: 'vote', field: found } : null;
}

/** The server's refusals placed on the form: 'rejected' on each field it named. */
export function rejectedErrors(paths: readonly string[], matterCount: number): AssemblyErrors {
  const errors: AssemblyErrors = { fields: {}, matters: Array.from({ length: matterCount }, () => ({ fields: {}, candidates: [] })) };
  for (const path of paths) {
    const place = assemblyPlaceOfPath(path);
    if (!place) continue;
    if (place.where === 'vote') errors.fields[place.field] = 'rejected';
    else {
      const matter = errors.matters[place.index];
      if (!matter) continue;
      if (place.where === 'matter') matter.fields[place.field] = 'rejected';
      else matter.candidates[place.candidate] = { ...matter.candidates[place.candidate], [place.field]: 'rejected' };
    }
  }
  return errors;
}

/** Own checks first, the server's where the form found nothing. */
export function mergeErrors(own: AssemblyErrors | null, rejected: AssemblyErrors): AssemblyErrors {
  if (!own) return rejected;
  return {
    fields: { ...rejected.fields, ...own.fields },
    matters: rejected.matters.map((r, i) => {
      const o = own.matters[i] ?? { fields: {}, candidates: [] };
      const count = Math.max(r.candidates.length, o.candidates.length);
      return { fields: { ...r.fields, ...o.fields }, candidates: Array.from({ length: count }, (_, c) => ({ ...r.candidates[c], ...o.candidates[c] })) };
    }),
  };
}
