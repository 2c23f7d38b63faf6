import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import { multipartBody } from '../../../lib/upload';
import type { VoteStatus } from '../../../shared/votes/get-vote';
import { getVoteQueryOptions } from '../../../shared/votes/get-vote';
import { getUnitVotesQueryOptions } from '../../../shared/votes/list-unit-votes';
import { ALL_UNIT_VOTES_KEY, voteKey } from '../../../shared/votes/query-keys';
import { PENDING_SHORTENINGS_KEY } from './keys';

export type { VoteDetail, VoteStatus } from '../../../shared/votes/get-vote';
export type { VoteSummary } from '../../../shared/votes/list-unit-votes';
export type CreateVoteInput = components['schemas']['CreateVoteDto'];
export type Shortening = components['schemas']['ShorteningDto'];
export type PendingShortening = components['schemas']['PendingShorteningDto'];

/** `GET /api/votes/{id}/turnout`: who has taken part so far, against the rule's thresholds (no choices). */
export type Turnout = components['schemas']['VoteTurnoutDto'];

/** `GET /api/votes/{id}/objections`. */
export type Objection = components['schemas']['VoteObjectionDto'];

/** How often the console reads turnout again while a vote is open. */
export const TURNOUT_REFRESH_MS = 5000;

/** The votes of one or several units (a community's page), newest first. */
export function useUnitsVotes(unitIds: readonly string[]) {
  return useQueries({
    queries: unitIds.map((unitId) => getUnitVotesQueryOptions(unitId)),
    combine: (results) => {
      const failed = results.find((result) => result.isError);
      const done = results.every((result) => result.isSuccess);
      return {
        data: done ? results.flatMap((result) => result.data ?? []).sort((a, b) => b.announcedAt.localeCompare(a.announcedAt) || a.id.localeCompare(b.id)) : null,
        isPending: results.some((result) => result.isPending),
        isFetching: results.some((result) => result.isFetching),
        error: failed?.error ?? null,
        refetch: () => {
          for (const result of results) if (result.isError) void result.refetch();
        },
      };
    },
  });
}

export function useVote(id: string) {
  return useQuery({
    ...getVoteQueryOptions(id),
    // The jobs open and close votes on time: a page left open follows them.
    refetchInterval: (query) => (query.state.data && ['scheduled', 'open', 'counting', 'closed'].includes(query.state.data.status) ? 30_000 : false),
  });
}

/** `POST /api/units/{unitId}/votes`: announces a vote (the notice period starts). */
export function useCreateVote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ unitId, body }: { unitId: string; body: CreateVoteInput }) => unwrap(apiClient.POST('/api/units/{unitId}/votes', { params: { path: { unitId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ALL_UNIT_VOTES_KEY }),
  });
}

function useVoteMutation<Input>(voteId: string, run: (input: Input) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async () => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: voteKey(voteId) }), queryClient.invalidateQueries({ queryKey: ALL_UNIT_VOTES_KEY })]);
    },
  });
}

/**
 * `POST /api/votes/{id}/open`: open now (freezes the electorate); before the notice has run, only
 * under an approved shortening. The opening job may have opened it a moment before: whatever the
 * answer, the vote is read again, so the page shows where it now stands.
 */
export function useOpenVote(voteId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(apiClient.POST('/api/votes/{id}/open', { params: { path: { id: voteId } } })),
    onSettled: async () => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: voteKey(voteId) }), queryClient.invalidateQueries({ queryKey: ALL_UNIT_VOTES_KEY })]);
    },
  });
}

/** `POST /api/votes/{id}/shortenings`: ask to open before the notice has run (now, or at `opensAt`), with a reason, for a supervisor to decide. */
export function useRequestShortening(voteId: string) {
  return useVoteMutation(voteId, (input: { reason: string; opensAt?: string }) => unwrap(apiClient.POST('/api/votes/{id}/shortenings', { params: { path: { id: voteId } }, body: input })));
}

/** `POST /api/shortenings/{id}/decision`: staff of the community or street approve or refuse, with a note. */
export function useDecideShortening(voteId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ shorteningId, outcome, note }: { shorteningId: string; outcome: 'approved' | 'refused'; note: string }) =>
      unwrap(apiClient.POST('/api/shortenings/{id}/decision', { params: { path: { id: shorteningId } }, body: { outcome, note } })),
    onSuccess: async () => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: voteKey(voteId) }), queryClient.invalidateQueries({ queryKey: ALL_UNIT_VOTES_KEY }), queryClient.invalidateQueries({ queryKey: PENDING_SHORTENINGS_KEY })]);
    },
  });
}

/** `GET /api/nodes/{nodeId}/shortenings`: the requests waiting for my decision in the units below a community or street I supervise. */
export function usePendingShortenings(nodeId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...PENDING_SHORTENINGS_KEY, nodeId],
    queryFn: ({ signal }) => unwrap(apiClient.GET('/api/nodes/{nodeId}/shortenings', { params: { path: { nodeId } }, signal })),
    enabled,
    staleTime: 0,
  });
}

export function useCancelVote(voteId: string) {
  return useVoteMutation(voteId, (reason: string) => unwrap(apiClient.POST('/api/votes/{id}/cancel', { params: { path: { id: voteId } }, body: { reason } })));
}

/** Live turnout, read again every few seconds while the vote is open. */
export function useTurnout(voteId: string, status: VoteStatus) {
  const live = status === 'open';
  return useQuery({
    queryKey: [...voteKey(voteId), 'turnout'],
    queryFn: ({ signal }): Promise<Turnout> => unwrap(apiClient.GET('/api/votes/{id}/turnout', { params: { path: { id: voteId } }, signal })),
    enabled: status !== 'scheduled' && status !== 'cancelled',
    staleTime: 0,
    refetchInterval: live ? TURNOUT_REFRESH_MS : false,
  });
}

export function useObjections(voteId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...voteKey(voteId), 'objections'],
    queryFn: ({ signal }): Promise<Objection[]> => unwrap(apiClient.GET('/api/votes/{id}/objections', { params: { path: { id: voteId } }, signal })),
    enabled,
    staleTime: 0,
  });
}

export function useAnswerObjection(voteId: string) {
  return useVoteMutation(voteId, ({ objectionId, answer }: { objectionId: string; answer: string }) =>
    unwrap(apiClient.POST('/api/objections/{id}/answer', { params: { path: { id: objectionId } }, body: { answer } })),
  );
}

export type UploadedVoteFile = components['schemas']['UploadedVoteFileDto'];

/** `POST /api/units/{unitId}/vote-attachments`: a document kept to announce with a vote of the unit. */
export function useUploadVoteFile(unitId: string) {
  return useMutation({
    mutationFn: (file: File) => unwrap(apiClient.POST('/api/units/{unitId}/vote-attachments', { params: { path: { unitId } }, ...multipartBody({ file }) })),
  });
}
