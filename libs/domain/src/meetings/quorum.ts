import type { RuleSetId } from '../rules/rule-sets';
import { noticeEndsAt } from '../rules/schedule';
import { resolveElectorate } from '../tally/electorate';
import { proxyRefusal } from '../tally/tally';
import { meets, percentOf } from '../tally/fraction';
import type { Electorate, RejectionReason, Threshold, VoterId } from '../tally/types';

/**
 * Who must be in the room for a discussion session (议事会) to decide: the quorum of each kind of
 * session, counted on the same counting persons (表决主体) as the body's votes, so that the figure
 * the chair sees live is the one the tally will use.
 */

export const SESSION_KINDS = ['consultative', 'owners_meeting', 'member_assembly', 'representative_assembly', 'joint_meeting'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export function isSessionKind(value: unknown): value is SessionKind {
  return typeof value === 'string' && (SESSION_KINDS as readonly string[]).includes(value);
}

/** Whose presence a kind of session counts, and the statute it comes from. */
export interface QuorumRule {
  /** The rule set whose counting persons are counted (its electorate and eligibility). */
  countsAs: RuleSetId;
  /** The measures that must each reach two thirds. */
  measures: readonly QuorumMeasureId[];
  statute: { 'zh-CN': string; en: string };
}

export type QuorumMeasureId = 'area' | 'persons';

const TWO_THIRDS: Threshold = { numerator: 2, denominator: 3, comparison: 'at-least' };

/**
 * The quorum of each kind of session; null where no statute sets one (a consultative session, a
 * joint meeting of several units: they deliberate, and what they decide binds nobody without the
 * competent body's vote).
 */
export const QUORUM_RULES: Readonly<Record<SessionKind, QuorumRule | null>> = {
  consultative: null,
  joint_meeting: null,
  owners_meeting: {
    countsAs: 'cc278-ordinary',
    measures: ['area', 'persons'],
    statute: {
      'zh-CN': '《民法典》第二百七十八条：应当由专有部分面积占比三分之二以上的业主且人数占比三分之二以上的业主参与表决。',
      en: 'Civil Code art. 278: owners holding at least two thirds of the exclusive area and at least two thirds of the owners by headcount take part.',
    },
  },
  member_assembly: {
    countsAs: 'rceo-27',
    measures: ['persons'],
    statute: {
      'zh-CN': '《农村集体经济组织法》第二十七条：成员大会应当有三分之二以上具有完全民事行为能力的成员参加。',
      en: 'Rural Collective Economic Organization Law art. 27: at least two thirds of the members with full civil capacity attend a member assembly.',
    },
  },
  representative_assembly: {
    countsAs: 'rceo-28',
    measures: ['persons'],
    statute: {
      'zh-CN': '《农村集体经济组织法》第二十八条：成员代表大会作出决定，应当经全体成员代表三分之二以上同意；到会代表不足三分之二，无法作出决定（《村民委员会组织法》第二十六条对村民代表会议同样要求三分之二以上组成人员参加）。',
      en: 'RCEO Law art. 28: a decision of the representative assembly needs two thirds of all representatives; with fewer than two thirds present it cannot decide (Village Committee Law art. 26 asks two thirds of a representative assembly to attend).',
    },
  },
};

/** A written proxy recorded at the door: `principal` is represented by `agent`, who is in the room. */
export interface DoorProxy {
  principal: VoterId;
  agent: VoterId;
  written: boolean;
}

/**
 * Whether a proxy can be recorded at a session's door: null when the body's rule lets it count
 * (owners: a written proxy to anyone on the roll here; a member assembly: written, to a member with
 * full capacity of the same household), else why not, in the tally's own words.
 */
export function doorProxyRefusal(kind: SessionKind, electorate: Electorate, proxy: DoorProxy): RejectionReason | null {
  const rule = QUORUM_RULES[kind];
  if (!rule) return 'proxy-not-allowed';
  return proxyRefusal(rule.countsAs, electorate, proxy.principal, { agent: proxy.agent, written: proxy.written });
}

export interface QuorumMeasure {
  id: QuorumMeasureId;
  /** Present counting persons, or their exclusive area in 1/100 m². */
  present: number;
  total: number;
  threshold: Threshold;
  met: boolean;
  /** present / total with two decimals, never contradicting `met` (see percentOf); null on an empty roll. */
  percent: string | null;
  /** How many more counting persons (or 1/100 m²) would reach the threshold; 0 once met. */
  missing: number;
}

export interface QuorumState {
  kind: SessionKind;
  rule: QuorumRule | null;
  /** Each measure against its threshold; empty where the kind has no quorum. */
  measures: QuorumMeasure[];
  /** Whether the room may decide; null where no statute sets a quorum. */
  met: boolean | null;
  /** The present voters who bring a counting person in. */
  counted: VoterId[];
  /** Present persons who are no counting person of the roll (a tenant, a minor, a guest): shown, never counted. */
  notCounted: number;
}

/**
 * The quorum of a session of `kind` with `present` in the room. `present` holds the voter ids of
 * those checked in and of those whose written proxy a person in the room holds: a counting person
 * (a seat) is present when the voter who casts it is. A co-owned unit is present through its
 * designated co-owner, as it votes; an owner of several units brings all of them.
 */
export function meetingQuorum(kind: SessionKind, electorate: Electorate, present: Iterable<VoterId>, proxies: readonly DoorProxy[] = []): QuorumState {
  const rule = QUORUM_RULES[kind];
  const here = new Set(present);
  // A principal is present through a written proxy whose agent is in the room (and which the rule allows).
  if (rule) for (const p of proxies) if (here.has(p.agent) && !proxyRefusal(rule.countsAs, electorate, p.principal, { agent: p.agent, written: p.written })) here.add(p.principal);
  if (!rule) return { kind, rule: null, measures: [], met: null, counted: [], notCounted: 0 };
  const resolved = resolveElectorate(rule.countsAs, null, electorate);
  let presentSeats = 0;
  let presentArea = 0;
  const counted = new Set<VoterId>();
  resolved.seats.forEach((seat) => {
    if (seat.voter !== null && here.has(seat.voter)) {
      presentSeats += 1;
      presentArea += seat.area;
      counted.add(seat.voter);
    }
  });
  const measures = rule.measures.map((id): QuorumMeasure => {
    const [numerator, denominator] = id === 'area' ? [presentArea, resolved.totalArea] : [presentSeats, resolved.seats.length];
    const met = meets(numerator, denominator, TWO_THIRDS);
    return { id, present: numerator, total: denominator, threshold: TWO_THIRDS, met, percent: percentOf(numerator, denominator, TWO_THIRDS, met), missing: met ? 0 : missingFor(numerator, denominator) };
  });
  return { kind, rule, measures, met: measures.every((m) => m.met), counted: [...counted], notCounted: [...here].filter((v) => !counted.has(v)).length };
}

/** The least x with 3·(present + x) ≥ 2·total. */
function missingFor(present: number, total: number): number {
  if (total === 0) return 0;
  return Math.max(0, Math.ceil((2 * total) / 3) - present);
}

/**
 * The end of a session's notice period announced at `announcedAt`: the body's statutory notice
 * (15 days for owners, 10 for a member assembly); a session of a kind without a quorum has none.
 */
export function sessionNoticeEndsAt(kind: SessionKind, announcedAt: Date): Date {
  const rule = QUORUM_RULES[kind];
  return rule ? noticeEndsAt(rule.countsAs, announcedAt) : announcedAt;
}
