/**
 * Who sees the console's 表决 section of a node, from their grants (the API checks every request
 * again): those who run votes (staff, convenors, admins: `consultation.manage`) and those who
 * watch over them (the supervisory committee reads; building heads hand out papers through staff).
 */
import type { Grant } from '@yishi/domain';
import { can } from '@yishi/domain';

export interface VoteRights {
  /** Announce, open, cancel; paper ballots, proxies, objections. */
  manage: boolean;
  /** Read the section at all. */
  read: boolean;
}

export function voteRights(grants: readonly Grant[], ancestry: readonly string[]): VoteRights {
  const target = { ancestry };
  const manage = can(grants, 'consultation.manage', target);
  return { manage, read: manage || (can(grants, 'consultation.read', target) && can(grants, 'audit.read', target)) };
}

/** Where a vote's console page is. */
export const voteConsolePath = (voteId: string): string => `/console/votes/${voteId}`;

/** The public notice (公示) of a vote's result, on the residents' side of the app. */
export const voteResultPath = (voteId: string): string => `/votes/${voteId}/result`;

/** The residents' page of a vote. */
export const voteResidentPath = (voteId: string): string => `/votes/${voteId}`;
