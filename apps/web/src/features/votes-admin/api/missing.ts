import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';

export type MissingList = components['schemas']['MissingListDto'];
export type ContactOutcome = components['schemas']['ContactOutcome'];

/** Whose list: a building the person looks after (by id), a group label (those who see every group), or the summary. */
export type MissingScope = { buildingId: string } | { group: string } | null;

const missingKey = (voteId: string, scope: MissingScope) => ['vote-admin', 'missing', voteId, scope] as const;

/** `GET /api/votes/{id}/missing`: turnout per building, and one building's list of who has not taken part (each view audited). */
export function useMissing(voteId: string, scope: MissingScope) {
  return useQuery({
    queryKey: missingKey(voteId, scope),
    queryFn: ({ signal }) => unwrap(apiClient.GET('/api/votes/{id}/missing', { params: { path: { id: voteId }, query: scope ?? {} }, signal })),
    staleTime: 0,
  });
}

/** `POST /api/votes/{id}/missing/contacts`: a door-to-door visit recorded. */
export function useRecordContact(voteId: string, scope: MissingScope) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { voterId: string; outcome: ContactOutcome; buildingId?: string }) => unwrap(apiClient.POST('/api/votes/{id}/missing/contacts', { params: { path: { id: voteId } }, body })),
    onSuccess: (list: MissingList) => queryClient.setQueryData(missingKey(voteId, scope), list),
  });
}

export type VoteReminders = components['schemas']['VoteRemindersDto'];
const remindersKey = (voteId: string) => ['vote-admin', 'reminders', voteId] as const;

/** `GET /api/votes/{id}/reminders`: when each reminder is due, and when it went out to how many. */
export function useReminders(voteId: string) {
  return useQuery({
    queryKey: remindersKey(voteId),
    queryFn: ({ signal }) => unwrap(apiClient.GET('/api/votes/{id}/reminders', { params: { path: { id: voteId } }, signal })),
  });
}

/** `PUT /api/votes/{id}/reminders`: the hours before closing at which those missing are reminded. */
export function useSetReminders(voteId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (hoursBefore: number[]) => unwrap(apiClient.PUT('/api/votes/{id}/reminders', { params: { path: { id: voteId } }, body: { hoursBefore } })),
    onSuccess: (data: VoteReminders) => queryClient.setQueryData(remindersKey(voteId), data),
  });
}
