/**
 * A vote's legal clock as the resident pages and the console both show it: its notice, its
 * shortest voting period and a shortening (requested, approved or refused) — read from the vote
 * (`GET /api/votes/{id}`) or from the published result (vote.json's `safeguards`).
 */
import type { SafeguardsFile } from '@yishi/domain';
import { noticeDaysBetween } from '@yishi/domain';
import type { components } from '../../api/schema';

type ShorteningDto = components['schemas']['ShorteningDto'];

export interface SafeguardsView {
  announcedAt: string;
  noticeEndsAt: string;
  minVotingHours: number;
  shortening: {
    status: 'pending' | 'approved' | 'refused';
    shortensNotice: boolean;
    shortensWindow: boolean;
    reason: string;
    requestedBy: string;
    requestedAt: string;
    decidedBy: string | null;
    deciderRole: 'staff' | 'admin' | null;
    deciderNode: string | null;
    decidedAt: string | null;
    note: string | null;
  } | null;
}

/** From the vote as the API shows it to this reader (pending and refused requests only to those who run or supervise it). */
export function safeguardsOfVote(vote: { announcedAt: string; noticeEndsAt: string; minVotingHours: number; shortening: ShorteningDto | null }): SafeguardsView {
  const s = vote.shortening;
  return {
    announcedAt: vote.announcedAt,
    noticeEndsAt: vote.noticeEndsAt,
    minVotingHours: vote.minVotingHours,
    shortening: s && {
      status: s.status,
      shortensNotice: s.shortensNotice,
      shortensWindow: s.shortensWindow,
      reason: s.reason,
      requestedBy: s.requestedByName,
      requestedAt: s.requestedAt,
      decidedBy: s.decidedByName,
      deciderRole: s.deciderRole,
      deciderNode: s.deciderNodeName,
      decidedAt: s.decidedAt,
      note: s.decisionNote,
    },
  };
}

/** From the recount kit's record (approved shortenings only: a vote opens under nothing else). */
export function safeguardsOfFile(file: SafeguardsFile): SafeguardsView {
  const s = file.shortening;
  return {
    announcedAt: file.announcedAt,
    noticeEndsAt: file.noticeEndsAt,
    minVotingHours: file.minVotingHours,
    shortening: s && {
      status: 'approved',
      shortensNotice: s.shortensNotice,
      shortensWindow: s.shortensWindow,
      reason: s.reason,
      requestedBy: s.requestedBy,
      requestedAt: s.requestedAt,
      decidedBy: s.approvedBy,
      deciderRole: s.approverRole,
      deciderNode: s.approverNode,
      decidedAt: s.approvedAt,
      note: s.note,
    },
  };
}

/** Whole days of notice between the announcement and its end. */
export function noticeDaysOf(view: Pick<SafeguardsView, 'announcedAt' | 'noticeEndsAt'>): number {
  return noticeDaysBetween(new Date(view.announcedAt), new Date(view.noticeEndsAt));
}

/** A length in hours as a reader says it: whole days when it is days (7 天), else hours (2 小时). */
export function durationWords(hours: number): { key: 'votes.safeguards.durationDays' | 'votes.safeguards.durationHours'; count: number } {
  return hours % 24 === 0 ? { key: 'votes.safeguards.durationDays', count: hours / 24 } : { key: 'votes.safeguards.durationHours', count: hours };
}

/** What was shortened: the i18n key of its words. */
export function shortenedWhat(s: { shortensNotice: boolean; shortensWindow: boolean }): 'votes.safeguards.what.both' | 'votes.safeguards.what.notice' | 'votes.safeguards.what.window' {
  if (s.shortensNotice && s.shortensWindow) return 'votes.safeguards.what.both';
  return s.shortensNotice ? 'votes.safeguards.what.notice' : 'votes.safeguards.what.window';
}
