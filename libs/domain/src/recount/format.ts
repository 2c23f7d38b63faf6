import type { MatterKind } from '../rules/matters';
import { isMatterKind } from '../rules/matters';
import type { Lml63Parameters, Localized, RuleSetId } from '../rules/rule-sets';
import { isRuleSetId } from '../rules/rule-sets';
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

export class FormatError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'FormatError';
  }
}

const ISO_UTC = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;
const HEX64 = /^[0-9a-f]{64}$/;

type Json = Record<string, unknown>;

function fail(path: string, message: string): never {
  throw new FormatError(path, message);
}

function record(value: unknown, path: string, keys: readonly string[]): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(path, 'must be a JSON object');
  }
  const obj = value as Json;
  for (const key of Object.keys(obj)) {
    if (!keys.includes(key)) fail(join(path, key), 'is not a field of this format');
  }
  for (const key of keys) {
    if (!(key in obj)) fail(join(path, key), 'is missing');
  }
  return obj;
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
  if (typeof value !== 'string' || !ISO_UTC.test(value) || Number.isNaN(Date.parse(value))) {
    fail(path, 'must be a UTC time like 2026-12-01T08:00:00.000Z');
  }
  return value;
}

function hex64(value: unknown, path: string): string {
  if (typeof value !== 'string' || !HEX64.test(value)) fail(path, 'must be a SHA-256 hash (64 lower-case hex digits)');
  return value;
}

function localized(value: unknown, path: string): Localized {
  const obj = record(value, path, ['zh-CN', 'en']);
  return { 'zh-CN': string(obj['zh-CN'], join(path, 'zh-CN')), en: string(obj.en, join(path, 'en')) };
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

export function readVoteFile(value: unknown): VoteFile {
  // `safeguards` is optional (older kits have none); every other field is required.
  const hasSafeguards = typeof value === 'object' && value !== null && !Array.isArray(value) && 'safeguards' in value;
  const { safeguards: rawSafeguards, ...rest } = hasSafeguards ? value : {};
  const obj = record(hasSafeguards ? rest : value, '', [
    'format',
    'formatVersion',
    'voteId',
    'title',
    'ruleSet',
    'question',
    'matterKinds',
    'lml63',
    'secrecy',
    'opensAt',
    'closesAt',
    'electorateSha256',
  ]);
  if (obj.format !== RECOUNT_FORMAT) fail('format', `must be "${RECOUNT_FORMAT}"`);
  if (obj.formatVersion !== RECOUNT_FORMAT_VERSION) {
    fail('formatVersion', `is ${JSON.stringify(obj.formatVersion)}; this verifier reads version ${RECOUNT_FORMAT_VERSION}`);
  }
  if (!isRuleSetId(obj.ruleSet)) fail('ruleSet', `is not a known rule set: ${JSON.stringify(obj.ruleSet)}`);
  const ruleSet = obj.ruleSet;
  const q = obj.question as Json | null;
  let question: QuestionFile;
  if (typeof q === 'object' && q !== null && q.kind === 'options') {
    const qq = record(q, 'question', ['kind', 'text', 'options']);
    const options = array(qq.options, 'question.options').map((option, i) => {
      const o = record(option, `question.options[${i}]`, ['id', 'label']);
      return { id: string(o.id, `question.options[${i}].id`), label: localized(o.label, `question.options[${i}].label`) };
    });
    uniqueStrings(
      options.map((o) => o.id),
      'question.options',
    );
    question = { kind: 'options', text: localized(qq.text, 'question.text'), options };
  } else {
    const qq = record(q, 'question', ['kind', 'text']);
    if (qq.kind !== 'motion') fail('question.kind', 'must be "motion" or "options"');
    question = { kind: 'motion', text: localized(qq.text, 'question.text') };
  }
  const matterKinds = array(obj.matterKinds, 'matterKinds').map((m, i) => {
    if (!isMatterKind(m)) fail(`matterKinds[${i}]`, `is not a known kind of matter: ${JSON.stringify(m)}`);
    return m;
  });
  let lml63: Lml63Parameters | null = null;
  if (obj.lml63 !== null) {
    const l = record(obj.lml63, 'lml63', ['body', 'rceoApplies']);
    if (l.body !== 'members' && l.body !== 'representatives') fail('lml63.body', 'must be "members" or "representatives"');
    lml63 = { body: l.body, rceoApplies: bool(l.rceoApplies, 'lml63.rceoApplies') };
  }
  if (ruleSet === 'lml-63' && lml63 === null) fail('lml63', 'is required for rule set lml-63');
  if (obj.secrecy !== 'named' && obj.secrecy !== 'secret') fail('secrecy', 'must be "named" or "secret"');
  const opensAt = time(obj.opensAt, 'opensAt');
  const closesAt = time(obj.closesAt, 'closesAt');
  if (closesAt <= opensAt) fail('closesAt', 'must be after opensAt');
  return {
    format: RECOUNT_FORMAT,
    formatVersion: RECOUNT_FORMAT_VERSION,
    voteId: string(obj.voteId, 'voteId'),
    title: localized(obj.title, 'title'),
    ruleSet,
    question,
    matterKinds,
    lml63,
    secrecy: obj.secrecy,
    opensAt,
    closesAt,
    electorateSha256: hex64(obj.electorateSha256, 'electorateSha256'),
    ...(hasSafeguards ? { safeguards: readSafeguards(rawSafeguards) } : {}),
  };
}

export function readElectorateFile(value: unknown): ElectorateFile {
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

/** The envelope of result.json; its figures are compared field by field with the recount. */
export function readResultEnvelope(value: unknown): Json {
  const obj = record(value, '', ['format', 'formatVersion', 'voteId', 'chains', 'lines', 'rejected', 'ignoredCheckIns', 'tally', 'explanation']);
  if (obj.format !== RECOUNT_FORMAT) fail('format', `must be "${RECOUNT_FORMAT}"`);
  if (obj.formatVersion !== RECOUNT_FORMAT_VERSION) {
    fail('formatVersion', `is ${JSON.stringify(obj.formatVersion)}; this verifier reads version ${RECOUNT_FORMAT_VERSION}`);
  }
  return obj;
}
