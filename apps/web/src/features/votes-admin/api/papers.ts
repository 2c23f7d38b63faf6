import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { LIMITS } from '@yishi/contracts';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import { multipartBody } from '../../../lib/upload';
import { voteKey } from '../../../shared/votes/query-keys';
import type { MarkInput } from '../utils/assembly-papers';

export type VoteVoter = components['schemas']['VoteVoterDto'];
export type Paper = components['schemas']['PaperDto'];
export type PaperList = components['schemas']['PaperListDto'];
export type PaperCounts = components['schemas']['PaperCountsDto'];
export type PaperGroupCounts = components['schemas']['PaperGroupCountsDto'];
export type PaperStatus = components['schemas']['PaperStatus'];
export type IssueResult = components['schemas']['IssueResultDto'];
export type PaperEntryResult = components['schemas']['PaperEntryResultDto'];
export type PaperPrint = components['schemas']['PaperPrintDto'];
export type IssuePapersInput = components['schemas']['IssuePapersDto'];

export const SCAN_MAX_BYTES = LIMITS.fileBytes;
export const SCAN_EXTENSIONS = ['.pdf', '.jpg', '.jpeg', '.png', '.webp'] as const;

const papersKey = (voteId: string) => [...voteKey(voteId), 'papers'] as const;

/** `GET /api/votes/{id}/voters`: the frozen electorate, searched by name, unit or building. */
export function useVoteVoters(voteId: string, q: string, group: string, enabled: boolean) {
  return useQuery({
    queryKey: [...voteKey(voteId), 'voters', q, group],
    queryFn: ({ signal }) =>
      unwrap(apiClient.GET('/api/votes/{id}/voters', { params: { path: { id: voteId }, query: { ...(q ? { q } : {}), ...(group ? { group } : {}), limit: 50 } }, signal })),
    enabled,
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
}

/** `GET /api/votes/{id}/papers`: the papers with counts per building or household. */
export function usePapers(voteId: string, live: boolean) {
  return useQuery({
    queryKey: papersKey(voteId),
    queryFn: ({ signal }) => unwrap(apiClient.GET('/api/votes/{id}/papers', { params: { path: { id: voteId }, query: {} }, signal })),
    staleTime: 0,
    // Other staff enter papers at the same time: the list follows them.
    refetchInterval: live ? 10_000 : false,
  });
}

export function usePaperPrint(voteId: string, group: string | null) {
  return useQuery({
    queryKey: [...papersKey(voteId), 'print', group ?? ''],
    queryFn: ({ signal }) => unwrap(apiClient.GET('/api/votes/{id}/papers/print', { params: { path: { id: voteId }, query: group ? { group } : {} }, signal })),
    staleTime: 0,
  });
}

function usePaperMutation<Input, Output>(voteId: string, run: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    // Papers, voters, turnout and the vote itself all move when a paper does.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: voteKey(voteId) }),
  });
}

export function useIssuePapers(voteId: string) {
  return usePaperMutation(voteId, (body: IssuePapersInput) => unwrap(apiClient.POST('/api/votes/{id}/papers', { params: { path: { id: voteId } }, body })));
}

export function useMarkReturned(voteId: string) {
  return usePaperMutation(voteId, (serials: number[]) => unwrap(apiClient.POST('/api/votes/{id}/papers/returned', { params: { path: { id: voteId } }, body: { serials } })));
}

export interface PaperEntryInput {
  serial: number;
  /** A single question's choice ('' for an assembly's paper). */
  choice: string;
  /** An assembly's paper, matter by matter (sent as one JSON field of the multipart body). */
  marks?: MarkInput[];
  code: string;
  proxyId: string;
  /** Required with the first entry. */
  file: File | null;
}

/** `POST /api/votes/{id}/papers/{serial}/entries` (multipart): one blind reading of a paper. */
export function enterPaper(voteId: string, input: PaperEntryInput): Promise<PaperEntryResult> {
  const fields: Record<string, string | File> = input.marks ? { marks: JSON.stringify(input.marks) } : { choice: input.choice };
  if (input.code) fields['code'] = input.code;
  if (input.proxyId) fields['proxyId'] = input.proxyId;
  if (input.file) fields['file'] = input.file;
  return unwrap(
    apiClient.POST('/api/votes/{id}/papers/{serial}/entries', {
      params: { path: { id: voteId, serial: input.serial } },
      ...(multipartBody(fields) as unknown as { body: { choice: string }; bodySerializer: () => FormData }),
    }),
  );
}

export function useEnterPaper(voteId: string) {
  return usePaperMutation(voteId, (input: PaperEntryInput) => enterPaper(voteId, input));
}

export function useResolvePaper(voteId: string) {
  return usePaperMutation(voteId, ({ serial, choice, marks, note, proxyId }: { serial: number; choice: string; marks?: MarkInput[]; note: string; proxyId: string | null }) =>
    unwrap(
      apiClient.POST('/api/votes/{id}/papers/{serial}/resolve', {
        params: { path: { id: voteId, serial } },
        // An assembly's paper is settled matter by matter, or as a whole spoilt.
        body: { ...(marks ? { marks } : { choice }), note, ...(proxyId ? { proxyId } : {}) },
      }),
    ),
  );
}

export function useVoidPaper(voteId: string) {
  return usePaperMutation(voteId, ({ serial, reason }: { serial: number; reason: string }) =>
    unwrap(apiClient.POST('/api/votes/{id}/papers/{serial}/void', { params: { path: { id: voteId, serial } }, body: { reason } })),
  );
}

export function useReissuePaper(voteId: string) {
  return usePaperMutation(voteId, ({ serial, reason }: { serial: number; reason: string }) =>
    unwrap(apiClient.POST('/api/votes/{id}/papers/{serial}/reissue', { params: { path: { id: voteId, serial } }, body: { reason } })),
  );
}

/** Where a paper's kept scan is (opened in a new tab; the session cookie goes with it). */
export const paperScanHref = (voteId: string, serial: number): string => `/api/votes/${voteId}/papers/${serial}/scan`;

/** `POST /api/votes/{id}/check-ins`: voters who signed in at the meeting (签到), for the rules that count attendance. */
export function useCheckIn(voteId: string) {
  return usePaperMutation(voteId, (voterIds: string[]) => unwrap(apiClient.POST('/api/votes/{id}/check-ins', { params: { path: { id: voteId } }, body: { voterIds } })));
}
