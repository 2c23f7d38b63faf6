import type { MatterKind } from '../rules/matters';
import { isMatterKind } from '../rules/matters';
import type { Lml63Parameters, Localized, RuleSetId } from '../rules/rule-sets';
import { isRuleSetId, RULE_SETS } from '../rules/rule-sets';
import type {
  Channel,
  Choice,
  Condition,
  Electorate,
  ElectorateHousehold,
  ElectoratePerson,
  ElectorateUnit,
  Figures,
  PollOption,
  Proxy,
  RejectionReason,
  VoterId,
} from '../tally/types';
import { CHANNELS, MOTION_CHOICES } from '../tally/types';

/**
 * The recount kit of a closed vote, format version 1 (docs/recount-format.md):
 *
 *   vote.json        what was asked, under which rule, when; binds the electorate by its hash
 *   electorate.json  the frozen electorate, with pseudonymous voter ids
 *   ballots.jsonl    named votes: every cast (superseded ones included) and check-in, hash-chained
 *   roll.jsonl       secret votes: the marked roll (who voted, how) and check-ins, hash-chained
 *   box.jsonl        secret votes: the ballot box (ballot id and choice), hash-chained, by ballot id
 *   result.json      the published result: chain heads, counts, rejected ballots, the tally
 */
export const RECOUNT_FORMAT = 'yishi-recount';
export const RECOUNT_FORMAT_VERSION = 1;

export type QuestionFile = { kind: 'motion'; text: Localized } | { kind: 'options'; text: Localized; options: PollOption[] };

export interface VoteFile {
  format: typeof RECOUNT_FORMAT;
  formatVersion: typeof RECOUNT_FORMAT_VERSION;
  voteId: string;
  /** The unit and matter, for people: 南村经济社 · 《南村地块土地整理方案》表决. */
  title: Localized;
  ruleSet: RuleSetId;
  question: QuestionFile;
  matterKinds: MatterKind[];
  lml63: Lml63Parameters | null;
  secrecy: 'named' | 'secret';
  /** ISO 8601 UTC with milliseconds, as `Date.prototype.toISOString` writes it. */
  opensAt: string;
  closesAt: string;
  /** SHA-256 (hex) of the canonical JSON of electorate.json. */
  electorateSha256: string;
  /**
   * The legal clock the vote opened under: when it was announced, when its notice ran out, the
   * shortest window, and the approved shortening when it opened early or with a shorter window.
   * Absent in kits written before it was recorded.
   */
  safeguards?: SafeguardsFile;
}

export interface SafeguardsFile {
  announcedAt: string;
  noticeEndsAt: string;
  minVotingHours: number;
  shortening: ShorteningFile | null;
}

/** An approved shortening of the notice or the window: who asked and why, who approved and when. */
export interface ShorteningFile {
  shortensNotice: boolean;
  shortensWindow: boolean;
  reason: string;
  requestedBy: string;
  requestedAt: string;
  approvedBy: string;
  /** The approver's supervising role and the node it is granted on (a community or the street). */
  approverRole: 'staff' | 'admin';
  approverNode: string;
  approvedAt: string;
  note: string;
}

export interface ElectorateFile {
  snapshotAt: string;
  electorate: Electorate;
}

export interface CastEntry {
  seq: number;
  prev: string;
  kind: 'cast';
  /** The ballot's id: the voter's receipt code. */
  ballot: string;
  voter: VoterId;
  choice: Choice;
  channel: Channel;
  proxy: Proxy | null;
  at: string;
}

export interface CheckInEntry {
  seq: number;
  prev: string;
  kind: 'check-in';
  voter: VoterId;
  at: string;
}

export interface MarkEntry {
  seq: number;
  prev: string;
  kind: 'mark';
  voter: VoterId;
  channel: Channel;
  proxy: Proxy | null;
  at: string;
}

export interface BoxEntry {
  seq: number;
  prev: string;
  kind: 'ballot';
  ballot: string;
  choice: Choice;
}

export type BallotsLine = CastEntry | CheckInEntry;
export type RollLine = MarkEntry | CheckInEntry;

export interface ChainSummary {
  lines: number;
  head: string;
}

export type ConditionSummary = Omit<Condition, 'explanation'>;

/** The normative part of a tally: what a recount must reproduce exactly. */
export interface TallySummary {
  ruleSet: RuleSetId;
  secrecy: 'named' | 'secret';
  refusedMatters: MatterKind[] | null;
  quorumMet: boolean | null;
  valid: boolean;
  passed: boolean;
  winningOption: string | null;
  conditions: ConditionSummary[];
  figures: Figures;
}

export interface LineRejection {
  /** The line (of ballots.jsonl or roll.jsonl) of the cast, mark or first check-in concerned. */
  line: number;
  voter: VoterId;
  reason: RejectionReason;
}

export interface ResultFile {
  format: typeof RECOUNT_FORMAT;
  formatVersion: typeof RECOUNT_FORMAT_VERSION;
  voteId: string;
  /** Named: `ballots`; secret: `roll` and `box`. */
  chains: Partial<Record<'ballots' | 'roll' | 'box', ChainSummary>>;
  lines: {
    /** Named: cast lines; the last per voter is counted, the others are superseded. */
    casts: number;
    superseded: number;
    checkIns: number;
    /** Secret: roll marks and ballots in the box. */
    marks: number;
    boxBallots: number;
  };
  /** Casts (named) or marks (secret) that did not count, by line. */
  rejected: LineRejection[];
  /** Check-ins of persons who may not attend this body, by line of their first check-in. */
  ignoredCheckIns: LineRejection[];
  tally: TallySummary;
  /** Informative: what the platform published in words. A verifier prints its own. */
  explanation: { 'zh-CN': string[]; en: string[] };
}

// ---------------------------------------------------------------------------------------------
// Strict readers: every field checked, no unknown key, with the path of the first problem
// ---------------------------------------------------------------------------------------------

/** Why a file's content does not follow the format (a subset of the recount's discrepancy codes). */
export type FormatErrorCode =
  | 'unknown-format'
  | 'unknown-format-version'
  | 'unknown-field'
  | 'missing-field'
  | 'invalid-value'
  | 'unknown-language'
  | 'missing-language'
  | 'period-order'
  | 'snapshot-after-opening';

export class FormatError extends Error {
  constructor(
    readonly path: string,
    message: string,
    readonly code: FormatErrorCode = 'invalid-value',
  ) {
    super(message);
    this.name = 'FormatError';
  }
}

const ISO_UTC = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;
const HEX64 = /^[0-9a-f]{64}$/;

/** The languages of every text in a kit, exactly these (docs/recount-format.md §4). */
export const KIT_LANGUAGES = ['zh-CN', 'en'] as const;

type Json = Record<string, unknown>;

/** Reads one field's value at `path`, throwing FormatError when it does not follow the format. */
export type FieldReader<T> = (value: unknown, path: string) => T;

function fail(path: string, message: string, code: FormatErrorCode = 'invalid-value'): never {
  throw new FormatError(path, message, code);
}

function record(value: unknown, path: string, keys: readonly string[], codes: { unknown: FormatErrorCode; missing: FormatErrorCode } = { unknown: 'unknown-field', missing: 'missing-field' }): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(path, 'must be a JSON object');
  }
  const obj = value as Json;
  for (const key of Object.keys(obj)) {
    if (!keys.includes(key)) fail(join(path, key), codes.unknown === 'unknown-language' ? `is not a language of this format (only ${keys.join(' and ')})` : 'is not a field of this format', codes.unknown);
  }
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(obj, key)) fail(join(path, key), 'is missing', codes.missing);
  }
  return obj;
}

/**
 * Reads a closed object field by field: exactly the fields of `readers` (no other, none missing),
 * each through its reader, in the order of `readers`.
 */
function fields<T extends object>(value: unknown, path: string, readers: { [K in keyof T]-?: FieldReader<T[K]> }): T {
  const keys = Object.keys(readers) as (keyof T & string)[];
  const obj = record(value, path, keys);
  const out = {} as T;
  for (const key of keys) out[key] = readers[key](obj[key], join(path, key));
  return out;
}

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

function string(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.length === 0) fail(path, 'must be a non-empty string');
  return value;
}

function nullableString(value: unknown, path: string): string | null {
  return value === null ? null : string(value, path);
}

function bool(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') fail(path, 'must be true or false');
  return value;
}

function count(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) fail(path, 'must be a non-negative integer');
  return value;
}

function array(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) fail(path, 'must be an array');
  return value;
}

function time(value: unknown, path: string): string {
  if (typeof value !== 'string' || !ISO_UTC.test(value) || Number.isNaN(Date.parse(value)) || new Date(value).toISOString() !== value) {
    fail(path, 'must be a UTC time like 2026-12-01T08:00:00.000Z');
  }
  return value;
}

function hex64(value: unknown, path: string): string {
  if (typeof value !== 'string' || !HEX64.test(value)) fail(path, 'must be a SHA-256 hash (64 lower-case hex digits)');
  return value;
}

/** A value in each language of the format: exactly zh-CN and en, no other. */
function inLanguages<T>(value: unknown, path: string, read: FieldReader<T>): Record<(typeof KIT_LANGUAGES)[number], T> {
  const obj = record(value, path, KIT_LANGUAGES, { unknown: 'unknown-language', missing: 'missing-language' });
  return { 'zh-CN': read(obj['zh-CN'], join(path, 'zh-CN')), en: read(obj.en, join(path, 'en')) };
}

function localized(value: unknown, path: string): Localized {
  return inLanguages(value, path, string);
}

function uniqueStrings(value: unknown, path: string): string[] {
  const items = array(value, path).map((item, i) => string(item, join(path, i)));
  const seen = new Set<string>();
  for (const [i, item] of items.entries()) {
    if (seen.has(item)) fail(join(path, i), `${item} appears twice`);
    seen.add(item);
  }
  return items;
}

function readSafeguards(value: unknown): SafeguardsFile {
  const obj = record(value, 'safeguards', ['announcedAt', 'noticeEndsAt', 'minVotingHours', 'shortening']);
  let shortening: ShorteningFile | null = null;
  if (obj.shortening !== null) {
    const p = 'safeguards.shortening';
    const s = record(obj.shortening, p, ['shortensNotice', 'shortensWindow', 'reason', 'requestedBy', 'requestedAt', 'approvedBy', 'approverRole', 'approverNode', 'approvedAt', 'note']);
    if (s.approverRole !== 'staff' && s.approverRole !== 'admin') fail(`${p}.approverRole`, 'must be "staff" or "admin"');
    shortening = {
      shortensNotice: bool(s.shortensNotice, `${p}.shortensNotice`),
      shortensWindow: bool(s.shortensWindow, `${p}.shortensWindow`),
      reason: string(s.reason, `${p}.reason`),
      requestedBy: string(s.requestedBy, `${p}.requestedBy`),
      requestedAt: time(s.requestedAt, `${p}.requestedAt`),
      approvedBy: string(s.approvedBy, `${p}.approvedBy`),
      approverRole: s.approverRole,
      approverNode: string(s.approverNode, `${p}.approverNode`),
      approvedAt: time(s.approvedAt, `${p}.approvedAt`),
      note: string(s.note, `${p}.note`),
    };
    if (!shortening.shortensNotice && !shortening.shortensWindow) fail(p, 'shortens neither the notice nor the window');
  }
  return {
    announcedAt: time(obj.announcedAt, 'safeguards.announcedAt'),
    noticeEndsAt: time(obj.noticeEndsAt, 'safeguards.noticeEndsAt'),
    minVotingHours: count(obj.minVotingHours, 'safeguards.minVotingHours'),
    shortening,
  };
}

function formatTag(value: unknown, path: string): typeof RECOUNT_FORMAT {
  if (value !== RECOUNT_FORMAT) fail(path, `is ${JSON.stringify(value)}, not "${RECOUNT_FORMAT}"`, 'unknown-format');
  return RECOUNT_FORMAT;
}

function formatVersion(value: unknown, path: string): typeof RECOUNT_FORMAT_VERSION {
  if (value !== RECOUNT_FORMAT_VERSION) fail(path, `is ${JSON.stringify(value)}; this verifier reads version ${RECOUNT_FORMAT_VERSION}`, 'unknown-format-version');
  return RECOUNT_FORMAT_VERSION;
}

function readQuestion(value: unknown, path: string): QuestionFile {
  const kind = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json).kind : undefined;
  if (kind === 'options') {
    const q = record(value, path, ['kind', 'text', 'options']);
    const options = array(q.options, join(path, 'options')).map((option, i) =>
      fields<PollOption>(option, join(join(path, 'options'), i), { id: string, label: localized }),
    );
    uniqueStrings(
      options.map((o) => o.id),
      join(path, 'options'),
    );
    if (options.length < 2) fail(join(path, 'options'), `must offer at least two options, not ${options.length}`);
    return { kind: 'options', text: localized(q.text, join(path, 'text')), options };
  }
  const q = record(value, path, ['kind', 'text']);
  if (q.kind !== 'motion') fail(join(path, 'kind'), 'must be "motion" or "options"');
  return { kind: 'motion', text: localized(q.text, join(path, 'text')) };
}

/**
 * vote.json, field by field: THE place that says which fields vote.json has and how each is read.
 * To add a field, add it to `VoteFile` and its reader here (the type makes both agree); checks
 * across fields go in `readVoteFile`.
 */
export const VOTE_FILE_FIELDS: { [K in keyof Omit<VoteFile, 'safeguards'>]-?: FieldReader<VoteFile[K]> } = {
  format: formatTag,
  formatVersion,
  voteId: string,
  title: localized,
  ruleSet: (value, path) => {
    if (!isRuleSetId(value)) fail(path, `is not a known rule set: ${JSON.stringify(value)}`);
    return value;
  },
  question: readQuestion,
  matterKinds: (value, path) =>
    array(value, path).map((m, i) => {
      if (!isMatterKind(m)) fail(join(path, i), `is not a known kind of matter: ${JSON.stringify(m)}`);
      return m;
    }),
  lml63: (value, path) => {
    if (value === null) return null;
    const l = record(value, path, ['body', 'rceoApplies']);
    if (l.body !== 'members' && l.body !== 'representatives') fail(join(path, 'body'), 'must be "members" or "representatives"');
    return { body: l.body, rceoApplies: bool(l.rceoApplies, join(path, 'rceoApplies')) };
  },
  secrecy: (value, path) => {
    if (value !== 'named' && value !== 'secret') fail(path, 'must be "named" or "secret"');
    return value;
  },
  opensAt: time,
  closesAt: time,
  electorateSha256: hex64,
};

export function readVoteFile(value: unknown): VoteFile {
  // `safeguards` is the one optional member (kits written before it was recorded have none).
  const hasSafeguards = typeof value === 'object' && value !== null && !Array.isArray(value) && 'safeguards' in value;
  const { safeguards: rawSafeguards, ...rest } = hasSafeguards ? value : {};
  const vote: VoteFile = fields<Omit<VoteFile, 'safeguards'>>(hasSafeguards ? rest : value, '', VOTE_FILE_FIELDS);
  if (hasSafeguards) vote.safeguards = readSafeguards(rawSafeguards);
  if (vote.closesAt <= vote.opensAt) fail('closesAt', `is ${vote.closesAt}, not after opensAt ${vote.opensAt}`, 'period-order');
  if (vote.ruleSet === 'lml-63' && vote.lml63 === null) fail('lml63', 'is required for rule set lml-63');
  if (vote.question.kind === 'options' && vote.ruleSet !== 'simple-majority') {
    fail('question.kind', `is "options", but only an informal poll (simple-majority) offers options; ${vote.ruleSet} decides a motion`);
  }
  if (vote.secrecy === 'secret' && RULE_SETS[vote.ruleSet].weightedByArea) {
    fail('secrecy', `is "secret", but ${vote.ruleSet} weighs ballots by area, which needs the voter: owners vote by name`);
  }
  return vote;
}

/** electorate.json; `vote` (already read) for the checks across files. */
export function readElectorateFile(value: unknown, vote?: VoteFile): ElectorateFile {
  const file = readElectorateFileAlone(value);
  if (vote && file.snapshotAt > vote.opensAt) {
    fail('snapshotAt', `is ${file.snapshotAt}, after the vote opened at ${vote.opensAt} (vote.json): the electorate is frozen when voting opens, not later`, 'snapshot-after-opening');
  }
  return file;
}

function readElectorateFileAlone(value: unknown): ElectorateFile {
  const obj = record(value, '', ['snapshotAt', 'electorate']);
  const e = obj.electorate as Json | null;
  const kind = typeof e === 'object' && e !== null ? e.kind : undefined;
  let electorate: Electorate;
  switch (kind) {
    case 'compound': {
      const c = record(e, 'electorate', ['kind', 'units', 'developerVoter']);
      const units = array(c.units, 'electorate.units').map((u, i): ElectorateUnit => {
        const p = `electorate.units[${i}]`;
        const unit = record(u, p, ['id', 'area', 'developerHeld', 'owners', 'designatedVoter']);
        return {
          id: string(unit.id, `${p}.id`),
          area: count(unit.area, `${p}.area`),
          developerHeld: bool(unit.developerHeld, `${p}.developerHeld`),
          owners: uniqueStrings(unit.owners, `${p}.owners`),
          designatedVoter: nullableString(unit.designatedVoter, `${p}.designatedVoter`),
        };
      });
      electorate = { kind: 'compound', units, developerVoter: nullableString(c.developerVoter, 'electorate.developerVoter') };
      break;
    }
    case 'persons': {
      const c = record(e, 'electorate', ['kind', 'persons', 'households', 'representatives']);
      const persons = array(c.persons, 'electorate.persons').map((x, i): ElectoratePerson => {
        const p = `electorate.persons[${i}]`;
        const person = record(x, p, ['id', 'household', 'adult', 'fullCapacity']);
        return {
          id: string(person.id, `${p}.id`),
          household: string(person.household, `${p}.household`),
          adult: bool(person.adult, `${p}.adult`),
          fullCapacity: bool(person.fullCapacity, `${p}.fullCapacity`),
        };
      });
      const households = array(c.households, 'electorate.households').map((x, i): ElectorateHousehold => {
        const p = `electorate.households[${i}]`;
        const household = record(x, p, ['id', 'representative']);
        return { id: string(household.id, `${p}.id`), representative: nullableString(household.representative, `${p}.representative`) };
      });
      electorate = { kind: 'persons', persons, households, representatives: uniqueStrings(c.representatives, 'electorate.representatives') };
      break;
    }
    case 'list': {
      const c = record(e, 'electorate', ['kind', 'voters']);
      electorate = { kind: 'list', voters: uniqueStrings(c.voters, 'electorate.voters') };
      break;
    }
    default:
      fail('electorate.kind', 'must be "compound", "persons" or "list"');
  }
  return { snapshotAt: time(obj.snapshotAt, 'snapshotAt'), electorate };
}

function readChoice(value: unknown, path: string): Choice {
  if (typeof value === 'string') {
    if ((MOTION_CHOICES as readonly string[]).includes(value)) return value as Choice;
    fail(path, 'must be "approve", "oppose", "abstain" or {"option": id}');
  }
  const obj = record(value, path, ['option']);
  return { option: string(obj.option, join(path, 'option')) };
}

function readChannel(value: unknown, path: string): Channel {
  if (typeof value !== 'string' || !(CHANNELS as readonly string[]).includes(value)) fail(path, 'must be "online", "paper" or "meeting"');
  return value as Channel;
}

function readProxy(value: unknown, path: string): Proxy | null {
  if (value === null) return null;
  const obj = record(value, path, ['agent', 'written']);
  return { agent: string(obj.agent, join(path, 'agent')), written: bool(obj.written, join(path, 'written')) };
}

/** One line of ballots.jsonl (already verified as part of the chain). */
export function readBallotsLine(entry: Json): BallotsLine {
  if (entry.kind === 'check-in') return readCheckIn(entry);
  const obj = record(entry, '', ['seq', 'prev', 'kind', 'ballot', 'voter', 'choice', 'channel', 'proxy', 'at']);
  if (obj.kind !== 'cast') fail('kind', 'must be "cast" or "check-in" in ballots.jsonl');
  return {
    seq: count(obj.seq, 'seq'),
    prev: hex64(obj.prev, 'prev'),
    kind: 'cast',
    ballot: string(obj.ballot, 'ballot'),
    voter: string(obj.voter, 'voter'),
    choice: readChoice(obj.choice, 'choice'),
    channel: readChannel(obj.channel, 'channel'),
    proxy: readProxy(obj.proxy, 'proxy'),
    at: time(obj.at, 'at'),
  };
}

function readCheckIn(entry: Json): CheckInEntry {
  const obj = record(entry, '', ['seq', 'prev', 'kind', 'voter', 'at']);
  return { seq: count(obj.seq, 'seq'), prev: hex64(obj.prev, 'prev'), kind: 'check-in', voter: string(obj.voter, 'voter'), at: time(obj.at, 'at') };
}

/** One line of roll.jsonl. */
export function readRollLine(entry: Json): RollLine {
  if (entry.kind === 'check-in') return readCheckIn(entry);
  const obj = record(entry, '', ['seq', 'prev', 'kind', 'voter', 'channel', 'proxy', 'at']);
  if (obj.kind !== 'mark') fail('kind', 'must be "mark" or "check-in" in roll.jsonl');
  return {
    seq: count(obj.seq, 'seq'),
    prev: hex64(obj.prev, 'prev'),
    kind: 'mark',
    voter: string(obj.voter, 'voter'),
    channel: readChannel(obj.channel, 'channel'),
    proxy: readProxy(obj.proxy, 'proxy'),
    at: time(obj.at, 'at'),
  };
}

/** One line of box.jsonl. */
export function readBoxLine(entry: Json): BoxEntry {
  const obj = record(entry, '', ['seq', 'prev', 'kind', 'ballot', 'choice']);
  if (obj.kind !== 'ballot') fail('kind', 'must be "ballot" in box.jsonl');
  return { seq: count(obj.seq, 'seq'), prev: hex64(obj.prev, 'prev'), kind: 'ballot', ballot: string(obj.ballot, 'ballot'), choice: readChoice(obj.choice, 'choice') };
}

/** The chain summaries of result.json: `{ "<chain>": { "lines", "head" } }`, chains of the format only. */
function readChains(value: unknown, path: string): Partial<Record<'ballots' | 'roll' | 'box', ChainSummary>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'must be a JSON object');
  const obj = value as Json;
  return Object.fromEntries(
    Object.keys(obj).map((name) => {
      if (name !== 'ballots' && name !== 'roll' && name !== 'box') fail(join(path, name), 'is not a chain of this format (ballots, roll, box)', 'unknown-field');
      return [name, fields<ChainSummary>(obj[name], join(path, name), { lines: count, head: hex64 })];
    }),
  );
}

/**
 * The envelope of result.json: format, version, the vote's id, the chains' summaries and the
 * explanation (informative, but in exactly the format's languages). Its normative figures
 * (`lines`, `rejected`, `ignoredCheckIns`, `tally`) are compared field by field with the recount.
 */
export function readResultEnvelope(value: unknown): Json {
  const obj = record(value, '', ['format', 'formatVersion', 'voteId', 'chains', 'lines', 'rejected', 'ignoredCheckIns', 'tally', 'explanation']);
  formatTag(obj.format, 'format');
  formatVersion(obj.formatVersion, 'formatVersion');
  string(obj.voteId, 'voteId');
  readChains(obj.chains, 'chains');
  inLanguages(obj.explanation, 'explanation', (sentences, path) => array(sentences, path).map((sentence, i) => string(sentence, join(path, i))));
  return obj;
}
