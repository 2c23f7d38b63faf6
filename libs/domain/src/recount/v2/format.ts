import type { AssemblyMatter, MatterMark } from '../../assembly/assembly';
import type { Channel, MotionChoice, Proxy, VoterId } from '../../tally/types';
import type { Localized, Lml63Parameters, RuleSetId } from '../../rules/rule-sets';
import type { MatterKind } from '../../rules/matters';
import type { SafeguardsFile, TallySummary } from '../format';
import { CHANNELS, MOTION_CHOICES } from '../../tally/types';
import { DISCREPANCY_CODES } from '../codes';
import { isMatterKind } from '../../rules/matters';
import { isRuleSetId, RULE_SETS } from '../../rules/rule-sets';
import { NOT_A_LANGUAGE, schemaReader } from '../schema-issues';
import * as z from 'zod/mini';

/**
 * The recount kit of an assembly's ballot, format version 2 (docs/recount-format.md §14): one
 * ballot paper with several matters, each under its own rule set, an election of a committee among
 * them. The files are those of version 1, with the same hashing, the same chains (their genesis
 * says `yishi-recount/2`), the same strict reading of bytes and JSON and the same closing hashes;
 * what changes is what a ballot holds (a mark per matter) and what the result publishes (a result
 * per matter).
 *
 *   vote.json        the ballot: its matters (question, rule set, kinds; seats and candidates of an
 *                    election), the documents it was announced with, when; binds the electorate
 *   electorate.json  the frozen electorate, exactly as in version 1
 *   ballots.jsonl    named votes: every cast (a mark for every matter) and check-in, hash-chained
 *   roll.jsonl       secret votes: the marked roll, exactly as in version 1
 *   box.jsonl        secret votes: the ballot box (ballot id and its marks), by ballot id
 *   result.json      the published result: chain heads, line counts, and per matter its figures,
 *                    verdict, rejected ballots and, for an election, every candidate's standing
 */
export const ASSEMBLY_FORMAT_VERSION = 2;

/** The genesis tag of a version 2 chain: `yishi-recount/2 <chain>`. */
export const ASSEMBLY_FORMAT_TAG = 'yishi-recount/2';

/** Reasons a version 2 kit is refused beyond version 1's (§8.2), each for something only a multi-matter ballot has. */
export const ASSEMBLY_DISCREPANCY_CODES = {
  ...DISCREPANCY_CODES,
  'unknown-matter': { 'zh-CN': '选票上没有这一事项', en: 'a mark for a matter that is not on the ballot' },
  'unknown-candidate': { 'zh-CN': '所选的人不在候选人名单上', en: 'a choice of someone who is not on the candidate list' },
  'too-many-choices': { 'zh-CN': '所选人数超过应选名额', en: 'more candidates chosen than there are seats' },
} as const satisfies Record<string, Localized>;

export type AssemblyDiscrepancyCode = keyof typeof ASSEMBLY_DISCREPANCY_CODES;

export interface CandidateFile {
  id: string;
  name: string;
}

export type MatterQuestionFile = { kind: 'motion'; text: Localized } | { kind: 'election'; text: Localized; seats: number; candidates: CandidateFile[] };

/** A document the vote (or one matter) was announced with: its title and the SHA-256 of the file. */
export interface DocumentFile {
  title: string;
  sha256: string;
}

export interface MatterFile {
  /** Stable within the vote; the key of the matter's mark on every ballot. */
  id: string;
  question: MatterQuestionFile;
  ruleSet: RuleSetId;
  matterKinds: MatterKind[];
  lml63: Lml63Parameters | null;
  documents: DocumentFile[];
}

export interface AssemblyVoteFile {
  format: 'yishi-recount';
  formatVersion: typeof ASSEMBLY_FORMAT_VERSION;
  voteId: string;
  title: Localized;
  /** The matters, in the order of the ballot paper. */
  matters: MatterFile[];
  documents: DocumentFile[];
  secrecy: 'named' | 'secret';
  opensAt: string;
  closesAt: string;
  electorateSha256: string;
  /** As in version 1, but always present: null when none was recorded. */
  safeguards: SafeguardsFile | null;
}

/** What one ballot says of one matter, as the kit writes it. */
export type KitMark = MotionChoice | 'blank' | 'spoilt' | { chosen: string[] };

export interface AssemblyCastEntry {
  seq: number;
  prev: string;
  kind: 'cast';
  ballot: string;
  voter: VoterId;
  marks: Record<string, KitMark>;
  channel: Channel;
  proxy: Proxy | null;
  at: string;
}

export interface CheckInLine {
  seq: number;
  prev: string;
  kind: 'check-in';
  voter: VoterId;
  at: string;
}

export type AssemblyBallotsLine = AssemblyCastEntry | CheckInLine;

export interface AssemblyBoxEntry {
  seq: number;
  prev: string;
  kind: 'ballot';
  ballot: string;
  marks: Record<string, KitMark>;
}

export interface LineRejection {
  line: number;
  voter: VoterId;
  reason: string;
}

export interface CandidateSummary {
  candidate: string;
  votes: number;
  area: number | null;
  qualified: boolean;
  standing: 'elected' | 'tied' | 'qualified-not-elected' | 'not-qualified';
  tally: TallySummary;
}

export interface ElectionSummary {
  ruleSet: RuleSetId;
  seats: number;
  elected: string[];
  unfilled: number;
  tied: string[];
  overVoted: number;
  candidates: CandidateSummary[];
}

interface MatterCommon {
  matter: string;
  /** Ballots (a voter's last cast, or a box ballot) that left this matter blank, and that marked it so it cannot be read. */
  blank: number;
  spoilt: number;
  rejected: LineRejection[];
  ignoredCheckIns: LineRejection[];
}

/** The normative result of one matter: what a recount must reproduce exactly. */
export type MatterSummary = (MatterCommon & { kind: 'motion'; tally: TallySummary }) | (MatterCommon & { kind: 'election'; election: ElectionSummary });

/** A matter's entry in result.json: its normative result and the platform's words (informative). */
export type MatterResultFile = MatterSummary & { explanation: { 'zh-CN': string[]; en: string[] } };

export interface AssemblyResultFile {
  format: 'yishi-recount';
  formatVersion: typeof ASSEMBLY_FORMAT_VERSION;
  voteId: string;
  chains: Partial<Record<'ballots' | 'roll' | 'box', { lines: number; head: string }>>;
  lines: { casts: number; superseded: number; checkIns: number; marks: number; boxBallots: number };
  matters: MatterResultFile[];
  /** Informative: the reading of blank and unreadable marks the count took (BLANK_MATTER_READING). */
  reading: Localized;
}

// ---------------------------------------------------------------------------------------------
// Reading, strictly: every field checked, no unknown key, the first problem with its path and code
// ---------------------------------------------------------------------------------------------

/** A problem in a file's content, with the JSON path of the key concerned ('' for the whole value). */
export class KitFormatError extends Error {
  constructor(
    readonly path: string,
    message: string,
    readonly code: AssemblyDiscrepancyCode = 'invalid-value',
  ) {
    super(message);
    this.name = 'KitFormatError';
  }
}

const ISO_UTC = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;
const HEX64 = /^[0-9a-f]{64}$/;
/** Matter and candidate ids: they are keys of every ballot's marks and appear in JSON paths. */
const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const ID_RULE = 'must be 1 to 64 letters, digits, "-" or "_", starting with a letter or digit';

type Json = Record<string, unknown>;


function closed<S extends z.core.$ZodLooseShape>(shape: S) {
  return z.strictObject(shape, { error: (issue) => (issue.code === 'invalid_type' ? 'must be a JSON object' : undefined) });
}

const text = z.string({ error: 'must be a non-empty string' }).check(z.minLength(1, { error: 'must be a non-empty string' }));
const bool = z.boolean({ error: 'must be true or false' });
const count = z.int({ error: 'must be a non-negative integer' }).check(z.gte(0, { error: 'must be a non-negative integer' }));
const time = z
  .string({ error: 'must be a UTC time like 2026-12-01T08:00:00.000Z' })
  .check(z.refine((v) => ISO_UTC.test(v) && !Number.isNaN(Date.parse(v)) && new Date(v).toISOString() === v, { error: 'must be a UTC time like 2026-12-01T08:00:00.000Z' }));
const hex64 = z.string({ error: 'must be a SHA-256 hash (64 lower-case hex digits)' }).check(z.regex(HEX64, { error: 'must be a SHA-256 hash (64 lower-case hex digits)' }));
const id = z.string({ error: ID_RULE }).check(z.regex(ID, { error: ID_RULE }));
const list = <T extends z.core.SomeType>(item: T) => z.array(item, { error: 'must be an array' });
const inLanguages = <T extends z.core.SomeType>(value: T) =>
  z.strictObject({ 'zh-CN': value, en: value }, { error: (issue) => (issue.code === 'unrecognized_keys' ? NOT_A_LANGUAGE : issue.code === 'invalid_type' ? 'must be a JSON object' : undefined) });
const localized = inLanguages(text);
const oneOf = <T extends string>(values: readonly T[], message: string) => z.custom<T>((v) => typeof v === 'string' && (values as readonly string[]).includes(v), { error: message });

/** Items with an `id`, none twice (the second is reported). */
function uniqueIds<T extends { id: string }>(what: string) {
  return z.superRefine<T[]>((items, ctx) => {
    const seen = new Set<string>();
    for (const [i, item] of items.entries()) {
      if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `${item.id} is the id of an earlier ${what}` });
      seen.add(item.id);
    }
  });
}

const formatTag = z.custom<'yishi-recount'>((v) => v === 'yishi-recount', { error: (issue) => `is ${JSON.stringify(issue.input)}, not "yishi-recount"`, params: { code: 'unknown-format' } });
const voteVersion = z.custom<2>((v) => v === ASSEMBLY_FORMAT_VERSION, {
  error: (issue) => `is ${JSON.stringify(issue.input)}; this verifier reads versions 1 and 2`,
  params: { code: 'unknown-format-version' },
});
const resultVersion = z.custom<2>((v) => v === ASSEMBLY_FORMAT_VERSION, {
  error: (issue) => `is ${JSON.stringify(issue.input)}, but vote.json is format version 2: result.json belongs to a kit of another version`,
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
}).check(z.refine((s) => s.shortensNotice || s.shortensWindow, { error: 'shortens neither the notice nor the window' }));
const safeguards = closed({ announcedAt: time, noticeEndsAt: time, minVotingHours: count, shortening: z.nullable(shortening) });

const documents = list(closed({ title: text, sha256: hex64 }));

const candidate = closed({ id, name: text });
const motionQuestion = closed({ kind: z.custom<'motion'>((v) => v === 'motion', { error: 'must be "motion" or "election"' }), text: localized });
const electionQuestion = closed({
  kind: z.literal('election'),
  text: localized,
  seats: z.int({ error: 'must be a whole number of seats, at least 1' }).check(z.gte(1, { error: 'must be a whole number of seats, at least 1' })),
  candidates: list(candidate)
    .check(z.minLength(1, { error: 'must name at least one candidate' }))
    .check(uniqueIds<z.infer<typeof candidate>>('candidate')),
});
/** A matter's question: an election's seats and candidates, else a motion (whose `kind` must then say so). */
const question = z.custom<MatterQuestionFile>().check(
  z.superRefine((value, ctx) => {
    const isElection = typeof value === 'object' && value !== null && !Array.isArray(value) && (value as Json).kind === 'election';
    const result = (isElection ? electionQuestion : motionQuestion).safeParse(value);
    if (!result.success) for (const issue of result.error.issues) ctx.addIssue({ ...(issue as z.core.$ZodRawIssue), input: undefined });
  }),
);

const matter = closed({
  id,
  question,
  ruleSet: z.custom<RuleSetId>(isRuleSetId, { error: (issue) => `is not a known rule set: ${JSON.stringify(issue.input)}` }),
  matterKinds: list(z.custom<MatterKind>(isMatterKind, { error: (issue) => `is not a known kind of matter: ${JSON.stringify(issue.input)}` })),
  lml63: z.nullable(closed({ body: oneOf(['members', 'representatives'] as const, 'must be "members" or "representatives"'), rceoApplies: bool })),
  documents,
});

/** vote.json of version 2: THE place that says which fields it has; checks across fields follow in `readAssemblyVoteFile`. */
const voteFile = closed({
  format: formatTag,
  formatVersion: voteVersion,
  voteId: text,
  title: localized,
  matters: list(matter)
    .check(z.minLength(1, { error: 'must list at least one matter' }))
    .check(uniqueIds<z.infer<typeof matter>>('matter')),
  documents,
  secrecy: oneOf(['named', 'secret'] as const, 'must be "named" or "secret"'),
  opensAt: time,
  closesAt: time,
  electorateSha256: hex64,
  safeguards: z.nullable(safeguards),
});

const channel = oneOf(CHANNELS, 'must be "online", "paper" or "meeting"');
const proxy = z.nullable(closed({ agent: text, written: bool }));
const marksObject = z.record(z.string(), z.unknown(), { error: 'must be a JSON object: a mark for every matter of the ballot' });

const castLine = closed({
  seq: count,
  prev: hex64,
  kind: z.custom<'cast'>((v) => v === 'cast', { error: 'must be "cast" or "check-in" in ballots.jsonl' }),
  ballot: text,
  voter: text,
  marks: marksObject,
  channel,
  proxy,
  at: time,
});
const checkInLine = closed({ seq: count, prev: hex64, kind: z.literal('check-in'), voter: text, at: time });
const boxLine = closed({ seq: count, prev: hex64, kind: z.custom<'ballot'>((v) => v === 'ballot', { error: 'must be "ballot" in box.jsonl' }), ballot: text, marks: marksObject });

const CHAIN_NAMES = ['ballots', 'roll', 'box'] as const;
const chains = z.record(
  z.custom<(typeof CHAIN_NAMES)[number]>((k) => (CHAIN_NAMES as readonly unknown[]).includes(k), { error: 'is not a chain of this format (ballots, roll, box)', params: { code: 'unknown-field' } }),
  closed({ lines: count, head: hex64 }),
  { error: 'must be a JSON object' },
);

/**
 * The envelope of result.json: format, version, the vote's id, the chains and the informative
 * words (each matter's explanation and the reading, in exactly the format's languages). The
 * normative figures (`lines`, each matter but its explanation) are compared with the recount.
 */
const resultEnvelope = closed({
  format: formatTag,
  formatVersion: resultVersion,
  voteId: text,
  chains,
  lines: z.unknown(),
  matters: list(z.looseObject({ explanation: inLanguages(list(text)) }, { error: 'must be a JSON object' })),
  reading: localized,
});

// --- From zod's issues to the first KitFormatError -------------------------------------------

const read = schemaReader<AssemblyDiscrepancyCode>((path, message, code) => new KitFormatError(path, message, code));

function fail(path: string, message: string, code: AssemblyDiscrepancyCode = 'invalid-value'): never {
  throw new KitFormatError(path, message, code);
}

// --- The readers -----------------------------------------------------------------------------

export function readAssemblyVoteFile(value: unknown): AssemblyVoteFile {
  const vote: AssemblyVoteFile = read(voteFile, value);
  if (vote.closesAt <= vote.opensAt) fail('closesAt', `is ${vote.closesAt}, not after opensAt ${vote.opensAt}`, 'period-order');
  for (const [i, m] of vote.matters.entries()) {
    if (m.ruleSet === 'lml-63' && m.lml63 === null) fail(`matters[${i}].lml63`, 'is required for rule set lml-63');
    if (m.ruleSet !== 'lml-63' && m.lml63 !== null) fail(`matters[${i}].lml63`, `is for rule set lml-63 only, and must be null under ${m.ruleSet}`);
    if (vote.secrecy === 'secret' && RULE_SETS[m.ruleSet].weightedByArea) {
      fail('secrecy', `is "secret", but matter ${m.id} is decided under ${m.ruleSet}, which weighs ballots by area and so needs the voter: owners vote by name`);
    }
  }
  return vote;
}

/** A matter of vote.json as the domain's tallyAssembly counts it. */
export function assemblyMatterOf(m: MatterFile): AssemblyMatter {
  return {
    id: m.id,
    ruleSet: m.ruleSet,
    matterKinds: m.matterKinds,
    lml63: m.lml63,
    question: m.question.kind === 'motion' ? { kind: 'motion' } : { kind: 'election', seats: m.question.seats, candidates: m.question.candidates.map((c) => ({ id: c.id, name: c.name })) },
  };
}

const MOTION_MARKS: readonly string[] = [...MOTION_CHOICES, 'blank', 'spoilt'];

/**
 * A ballot's marks, against the matters of vote.json: exactly one mark per matter (a matter left
 * empty says "blank"), each of the matter's kind. An election's `chosen` lists one to `seats`
 * candidates of its list, each once, in the list's order — so that one choice has one spelling.
 */
function readMarks(value: Record<string, unknown>, vote: AssemblyVoteFile): Record<string, KitMark> {
  const matters = new Map(vote.matters.map((m) => [m.id, m]));
  for (const key of Object.keys(value)) {
    if (!matters.has(key)) fail(`marks.${key}`, `is a mark for matter ${JSON.stringify(key)}, which is not on the ballot (vote.json lists ${vote.matters.map((m) => m.id).join(', ')})`, 'unknown-matter');
  }
  for (const m of vote.matters) {
    if (!Object.hasOwn(value, m.id)) fail(`marks.${m.id}`, 'is missing: a ballot carries a mark for every matter ("blank" for one left empty)', 'missing-field');
  }
  const marks: Record<string, KitMark> = {};
  for (const m of vote.matters) {
    const path = `marks.${m.id}`;
    const mark = value[m.id];
    if (m.question.kind === 'motion') {
      if (typeof mark !== 'string' || !MOTION_MARKS.includes(mark)) fail(path, `must be "approve", "oppose", "abstain", "blank" or "spoilt": matter ${m.id} is a motion`);
      marks[m.id] = mark as KitMark;
      continue;
    }
    if (mark === 'blank' || mark === 'spoilt') {
      marks[m.id] = mark;
      continue;
    }
    if (typeof mark !== 'object' || mark === null || Array.isArray(mark)) fail(path, `must be {"chosen": [candidate ids]}, "blank" or "spoilt": matter ${m.id} is an election`);
    const extra = Object.keys(mark).find((k) => k !== 'chosen');
    if (extra !== undefined) fail(`${path}.${extra}`, 'is not a field of this format', 'unknown-field');
    if (!Object.hasOwn(mark, 'chosen')) fail(`${path}.chosen`, 'is missing', 'missing-field');
    const chosen = (mark as Json).chosen;
    if (!Array.isArray(chosen)) fail(`${path}.chosen`, 'must be an array of candidate ids');
    const order = new Map(m.question.candidates.map((c, i) => [c.id, i]));
    const seen = new Set<string>();
    for (const [i, c] of chosen.entries()) {
      if (typeof c !== 'string') fail(`${path}.chosen[${i}]`, 'must be a candidate id');
      if (!order.has(c)) fail(`${path}.chosen[${i}]`, `is ${JSON.stringify(c)}, who is not on the candidate list of matter ${m.id} (${m.question.candidates.map((x) => x.id).join(', ')})`, 'unknown-candidate');
      if (seen.has(c)) fail(`${path}.chosen[${i}]`, `chooses ${c} a second time`);
      seen.add(c);
    }
    if (chosen.length === 0) fail(`${path}.chosen`, 'chooses nobody: a ballot that chooses nobody on a matter says "blank"');
    if (chosen.length > m.question.seats) {
      fail(`${path}.chosen`, `chooses ${chosen.length} candidates for ${m.question.seats} seats: a paper that ticks more than the seats is entered as "spoilt" for the election`, 'too-many-choices');
    }
    for (let i = 1; i < chosen.length; i++) {
      if (order.get(chosen[i] as string)! < order.get(chosen[i - 1] as string)!) fail(`${path}.chosen[${i}]`, `lists ${String(chosen[i])} after ${String(chosen[i - 1])}: the chosen are listed in the order of the candidate list`);
    }
    marks[m.id] = { chosen: chosen as string[] };
  }
  return marks;
}

/** One line of a version 2 ballots.jsonl (already verified as part of the chain), against vote.json. */
export function readAssemblyBallotsLine(entry: Json, vote: AssemblyVoteFile): AssemblyBallotsLine {
  if (entry.kind === 'check-in') return read<CheckInLine>(checkInLine, entry);
  const line = read(castLine, entry);
  return { ...line, kind: 'cast', marks: readMarks(line.marks, vote) };
}

/** One line of a version 2 box.jsonl. */
export function readAssemblyBoxLine(entry: Json, vote: AssemblyVoteFile): AssemblyBoxEntry {
  const line = read(boxLine, entry);
  return { ...line, kind: 'ballot', marks: readMarks(line.marks, vote) };
}

export function readAssemblyResultEnvelope(value: unknown): Json {
  read(resultEnvelope, value);
  return value as Json;
}

/** A kit mark as the domain's tallyAssembly reads it. */
export function matterMarkOf(mark: KitMark): MatterMark {
  if (mark === 'blank') return { blank: true };
  if (mark === 'spoilt') return { spoilt: true };
  if (typeof mark === 'string') return { choice: mark };
  return { chosen: mark.chosen };
}
