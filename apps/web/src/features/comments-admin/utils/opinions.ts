/**
 * The opinions workspace as data: which opinions a filter shows (未答复 / 已答复 / 被举报 /
 * 已隐藏), how many each has, the opinions grouped by version and place (the whole draft first,
 * then 第1条, 第2条…), and the clauses an official answer may point to.
 */
import type { OfflineChannel } from '@yishi/contracts';

export const OPINION_FILTERS = ['all', 'unanswered', 'answered', 'reported', 'hidden'] as const;
export type OpinionFilter = (typeof OPINION_FILTERS)[number];

/** The channels of the offline form, the commonest first: 书面, 宣讲会, 意见箱, 走访, 热线, 楼长, 会议. */
export const OFFLINE_FORM_CHANNELS: readonly OfflineChannel[] = ['paper', 'briefing', 'suggestion_box', 'field_visit', 'hotline', 'building_head', 'meeting'];

export interface ThreadLike {
  id: string;
  versionId: string;
  versionNumber: number;
  clauseId: string | null;
  clauseNumber: number | null;
  createdAt: string;
  hidden: boolean;
  reportCount: number | null;
  officialReply: unknown;
}

export function matchesFilter(thread: ThreadLike, filter: OpinionFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'unanswered':
      // A hidden comment needs no answer; it is still there under 已隐藏.
      return thread.officialReply === null && !thread.hidden;
    case 'answered':
      return thread.officialReply !== null;
    case 'reported':
      return (thread.reportCount ?? 0) > 0;
    case 'hidden':
      return thread.hidden;
  }
}

export function filterCounts(threads: readonly ThreadLike[]): Record<OpinionFilter, number> {
  return Object.fromEntries(OPINION_FILTERS.map((filter) => [filter, threads.filter((thread) => matchesFilter(thread, filter)).length])) as Record<OpinionFilter, number>;
}

export interface VersionLike {
  id: string;
  number: number;
  published: boolean;
  clauses: readonly { id: string; number: number; heading: string | null }[];
}

export interface PlaceGroup<T extends ThreadLike> {
  /** 'v2' for the whole draft of version 2, 'v2-<clauseId>' for one of its clauses. */
  key: string;
  versionNumber: number;
  clauseId: string | null;
  clauseNumber: number | null;
  heading: string | null;
  /** Oldest first: the order in which to answer them. */
  threads: T[];
}

/** A place's key, for grouping and for the place filter. */
export function placeKey(thread: Pick<ThreadLike, 'versionNumber' | 'clauseId'>): string {
  return thread.clauseId ? `v${thread.versionNumber}-${thread.clauseId}` : `v${thread.versionNumber}`;
}

/** Opinions by version (oldest first), then the whole draft, then each clause in order. */
export function groupByPlace<T extends ThreadLike>(threads: readonly T[], versions: readonly VersionLike[]): PlaceGroup<T>[] {
  const groups = new Map<string, PlaceGroup<T>>();
  for (const thread of threads) {
    const key = placeKey(thread);
    let group = groups.get(key);
    if (!group) {
      const clause = versions.find((v) => v.id === thread.versionId)?.clauses.find((c) => c.id === thread.clauseId) ?? null;
      group = { key, versionNumber: thread.versionNumber, clauseId: thread.clauseId, clauseNumber: thread.clauseNumber, heading: clause?.heading ?? null, threads: [] };
      groups.set(key, group);
    }
    group.threads.push(thread);
  }
  for (const group of groups.values()) group.threads.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  return [...groups.values()].sort(
    (a, b) => a.versionNumber - b.versionNumber || (a.clauseNumber ?? 0) - (b.clauseNumber ?? 0) || (a.clauseId === null ? -1 : b.clauseId === null ? 1 : 0),
  );
}

export interface LinkableClause {
  id: string;
  versionNumber: number;
  number: number;
  heading: string | null;
}

/** Clauses an answer may point to: those of published versions later than the opinion's. */
export function linkableClauses(thread: Pick<ThreadLike, 'versionNumber'>, versions: readonly VersionLike[]): LinkableClause[] {
  return versions
    .filter((version) => version.published && version.number > thread.versionNumber)
    .sort((a, b) => a.number - b.number)
    .flatMap((version) => version.clauses.map((clause) => ({ id: clause.id, versionNumber: version.number, number: clause.number, heading: clause.heading })));
}

/** The adoption report as an Excel workbook (the session cookie authenticates the download). */
export function adoptionReportXlsxUrl(consultationId: string): string {
  return `/api/consultations/${encodeURIComponent(consultationId)}/adoption-report/xlsx`;
}
