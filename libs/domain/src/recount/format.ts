import * as z from 'zod/mini';
import type { MatterKind } from '../rules/matters';
import { isMatterKind } from '../rules/matters';
import type { Lml63Parameters, Localized, RuleSetId } from '../rules/rule-sets';
import { isRuleSetId, RULE_SETS } from '../rules/rule-sets';
import type {
  Channel,
  Choice,
  Condition,
  Electorate,
  Figures,
  PollOption,
  Proxy,
  RejectionReason,
  VoterId,
} from '../tally/types';
import { CHANNELS, MOTION_CHOICES } from '../tally/types';
import { NOT_A_LANGUAGE, schemaReader } from './schema-issues';

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
// The format as schemas (zod/mini: small enough for the browser's recount), read strictly: every
// field checked, no unknown key, and the first problem reported with its path and code
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

export { KIT_LANGUAGES } from './schema-issues';

type Json = Record<string, unknown>;


/** A rule across a value that, broken, is reported with its own code (`params.code`). */
function rule<T>(holds: (value: T) => boolean, message: string, code: FormatErrorCode = 'invalid-value') {
  return z.refine<T>(holds, { error: message, params: { code } });
}

/** A closed object: exactly these fields (an unknown one or a missing one is an error of its own). */
function closed<S extends z.core.$ZodLooseShape>(shape: S) {
  return z.strictObject(shape, { error: (issue) => (issue.code === 'invalid_type' ? 'must be a JSON object' : undefined) });
}

const text = z.string({ error: 'must be a non-empty string' }).check(z.minLength(1, { error: 'must be a non-empty string' }));
const nullableText = z.nullable(text);
const bool = z.boolean({ error: 'must be true or false' });
const count = z.int({ error: 'must be a non-negative integer' }).check(z.gte(0, { error: 'must be a non-negative integer' }));
const time = z
  .string({ error: 'must be a UTC time like 2026-12-01T08:00:00.000Z' })
  .check(rule<string>((v) => ISO_UTC.test(v) && !Number.isNaN(Date.parse(v)) && new Date(v).toISOString() === v, 'must be a UTC time like 2026-12-01T08:00:00.000Z'));
const hex64 = z.string({ error: 'must be a SHA-256 hash (64 lower-case hex digits)' }).check(z.regex(HEX64, { error: 'must be a SHA-256 hash (64 lower-case hex digits)' }));
const list = <T extends z.core.SomeType>(item: T) => z.array(item, { error: 'must be an array' });

/** A value in each language of the format: exactly zh-CN and en, no other. */
const inLanguages = <T extends z.core.SomeType>(value: T) =>
  z.strictObject({ 'zh-CN': value, en: value }, { error: (issue) => (issue.code === 'unrecognized_keys' ? NOT_A_LANGUAGE : issue.code === 'invalid_type' ? 'must be a JSON object' : undefined) });
const localized = inLanguages(text);

/** Strings, none twice (the second one is reported). */
const uniqueTexts = list(text).check(
  z.superRefine((items, ctx) => {
    const seen = new Set<string>();
    for (const [i, item] of items.entries()) {
      if (seen.has(item)) ctx.addIssue({ code: 'custom', path: [i], message: `${item} appears twice` });
      seen.add(item);
    }
  }),
);

const oneOf = <T extends string>(values: readonly T[], message: string) => z.custom<T>((v) => typeof v === 'string' && (values as readonly string[]).includes(v), { error: message });

const formatTag = z.custom<typeof RECOUNT_FORMAT>((v) => v === RECOUNT_FORMAT, {
  error: (issue) => `is ${JSON.stringify(issue.input)}, not "${RECOUNT_FORMAT}"`,
  params: { code: 'unknown-format' },
});
const formatVersion = z.custom<typeof RECOUNT_FORMAT_VERSION>((v) => v === RECOUNT_FORMAT_VERSION, {
  error: (issue) => `is ${JSON.stringify(issue.input)}; this verifier reads version ${RECOUNT_FORMAT_VERSION}`,
  params: { code: 'unknown-format-version' },
});

const shortening = closed({
  shortensNotice: bool,
  shortensWindow: bool,
  reason: text,
  requestedBy: text,
  requestedAt: time,
  approvedBy: text,
  approverRole: oneOf(['staff', 'admin'] as const, 'must be "staff" or "admin"'),
  approverNode: text,
  approvedAt: time,
  note: text,
}).check(rule((s) => s.shortensNotice || s.shortensWindow, 'shortens neither the notice nor the window'));

const safeguards = closed({ announcedAt: time, noticeEndsAt: time, minVotingHours: count, shortening: z.nullable(shortening) });

const pollOption = closed({ id: text, label: localized });
const optionsQuestion = closed({
  kind: z.literal('options'),
  text: localized,
  options: list(pollOption).check(
    z.superRefine((options, ctx) => {
      const seen = new Set<string>();
      for (const [i, o] of options.entries()) {
        if (seen.has(o.id)) ctx.addIssue({ code: 'custom', path: [i], message: `${o.id} appears twice` });
        seen.add(o.id);
      }
      if (options.length < 2) ctx.addIssue({ code: 'custom', path: [], message: `must offer at least two options, not ${options.length}` });
    }),
  ),
});
const motionQuestion = closed({ kind: z.custom<'motion'>((v) => v === 'motion', { error: 'must be "motion" or "options"' }), text: localized });
/** The question: a poll's options, else a motion (whose `kind` must then say so). */
const question = z.custom<QuestionFile>().check(
  z.superRefine((value, ctx) => {
    const isOptions = typeof value === 'object' && value !== null && !Array.isArray(value) && (value as Json).kind === 'options';
    const result = (isOptions ? optionsQuestion : motionQuestion).safeParse(value);
    if (!result.success) for (const issue of result.error.issues) ctx.addIssue({ ...(issue as z.core.$ZodRawIssue), input: undefined });
  }),
);

/**
 * vote.json: THE place that says which fields vote.json has and how each is read. To add a
 * field, add it to `VoteFile` and here (the type check below makes both agree); checks across
 * fields follow in `readVoteFile`. `safeguards` is the one optional member (kits written before
 * it was recorded have none).
 */
const voteFile = closed({
  format: formatTag,
  formatVersion,
  voteId: text,
  title: localized,
  ruleSet: z.custom<RuleSetId>(isRuleSetId, { error: (issue) => `is not a known rule set: ${JSON.stringify(issue.input)}` }),
  question,
  matterKinds: list(z.custom<MatterKind>(isMatterKind, { error: (issue) => `is not a known kind of matter: ${JSON.stringify(issue.input)}` })),
  lml63: z.nullable(closed({ body: oneOf(['members', 'representatives'] as const, 'must be "members" or "representatives"'), rceoApplies: bool })),
  secrecy: oneOf(['named', 'secret'] as const, 'must be "named" or "secret"'),
  opensAt: time,
  closesAt: time,
  electorateSha256: hex64,
  safeguards: z.optional(safeguards),
});

const compoundElectorate = closed({
  kind: z.literal('compound'),
  units: list(closed({ id: text, area: count, developerHeld: bool, owners: uniqueTexts, designatedVoter: nullableText })),
  developerVoter: nullableText,
});
const personsElectorate = closed({
  kind: z.literal('persons'),
  persons: list(closed({ id: text, household: text, adult: bool, fullCapacity: bool })),
  households: list(closed({ id: text, representative: nullableText })),
  representatives: uniqueTexts,
});
const listElectorate = closed({ kind: z.literal('list'), voters: uniqueTexts });
const ELECTORATES = { compound: compoundElectorate, persons: personsElectorate, list: listElectorate } as const;
const electorate = z.custom<Electorate>().check(
  z.superRefine((value, ctx) => {
    const kind = typeof value === 'object' && value !== null ? (value as unknown as Json).kind : undefined;
    const schema = typeof kind === 'string' && Object.hasOwn(ELECTORATES, kind) ? ELECTORATES[kind as keyof typeof ELECTORATES] : null;
    if (!schema) {
      ctx.addIssue({ code: 'custom', path: ['kind'], message: 'must be "compound", "persons" or "list"' });
      return;
    }
    const result = schema.safeParse(value);
    if (!result.success) for (const issue of result.error.issues) ctx.addIssue({ ...(issue as z.core.$ZodRawIssue), input: undefined });
  }),
);
const electorateFile = closed({ snapshotAt: time, electorate });

const choice = z.union([
  oneOf(MOTION_CHOICES, 'must be "approve", "oppose", "abstain" or {"option": id}'),
  closed({ option: text }),
]);
const channel = oneOf(CHANNELS, 'must be "online", "paper" or "meeting"');
const proxy = z.nullable(closed({ agent: text, written: bool }));
const kindOf = (kind: string, where: string) => z.custom<never>((v) => v === kind, { error: where });

const checkInLine = closed({ seq: count, prev: hex64, kind: z.literal('check-in'), voter: text, at: time });
const castLine = closed({
  seq: count,
  prev: hex64,
  kind: kindOf('cast', 'must be "cast" or "check-in" in ballots.jsonl'),
  ballot: text,
  voter: text,
  choice,
  channel,
  proxy,
  at: time,
});
const markLine = closed({ seq: count, prev: hex64, kind: kindOf('mark', 'must be "mark" or "check-in" in roll.jsonl'), voter: text, channel, proxy, at: time });
const boxLine = closed({ seq: count, prev: hex64, kind: kindOf('ballot', 'must be "ballot" in box.jsonl'), ballot: text, choice });

const CHAIN_NAMES = ['ballots', 'roll', 'box'] as const;
const chainSummary = closed({ lines: count, head: hex64 });
/** The chain summaries of result.json: `{ "<chain>": { "lines", "head" } }`, chains of the format only. */
const chains = z.record(z.custom<(typeof CHAIN_NAMES)[number]>((k) => (CHAIN_NAMES as readonly unknown[]).includes(k), { error: 'is not a chain of this format (ballots, roll, box)', params: { code: 'unknown-field' } }), chainSummary, { error: 'must be a JSON object' });

/**
 * The envelope of result.json: format, version, the vote's id, the chains' summaries and the
 * explanation (informative, but in exactly the format's languages). Its normative figures
 * (`lines`, `rejected`, `ignoredCheckIns`, `tally`) are compared field by field with the recount.
 */
const resultEnvelope = closed({
  format: formatTag,
  formatVersion,
  voteId: text,
  chains,
  lines: z.unknown(),
  rejected: z.unknown(),
  ignoredCheckIns: z.unknown(),
  tally: z.unknown(),
  explanation: inLanguages(list(text)),
});

// --- From zod's issues to the first FormatError ----------------------------------------------

const read = schemaReader<FormatErrorCode>((path, message, code) => new FormatError(path, message, code));

function fail(path: string, message: string, code: FormatErrorCode = 'invalid-value'): never {
  throw new FormatError(path, message, code);
}

// --- The readers -----------------------------------------------------------------------------

export function readVoteFile(value: unknown): VoteFile {
  const { safeguards: recordedSafeguards, ...rest } = read(voteFile, value);
  const vote: VoteFile = rest;
  if (recordedSafeguards !== undefined) vote.safeguards = recordedSafeguards;
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
  const file = read(electorateFile, value);
  if (vote && file.snapshotAt > vote.opensAt) {
    fail('snapshotAt', `is ${file.snapshotAt}, after the vote opened at ${vote.opensAt} (vote.json): the electorate is frozen when voting opens, not later`, 'snapshot-after-opening');
  }
  return file;
}

/** One line of ballots.jsonl (already verified as part of the chain). */
export function readBallotsLine(entry: Json): BallotsLine {
  return entry.kind === 'check-in' ? read(checkInLine, entry) : { ...read(castLine, entry), kind: 'cast' };
}

/** One line of roll.jsonl. */
export function readRollLine(entry: Json): RollLine {
  return entry.kind === 'check-in' ? read(checkInLine, entry) : { ...read(markLine, entry), kind: 'mark' };
}

/** One line of box.jsonl. */
export function readBoxLine(entry: Json): BoxEntry {
  return { ...read(boxLine, entry), kind: 'ballot' };
}

export function readResultEnvelope(value: unknown): Json {
  read(resultEnvelope, value);
  return value as Json;
}
