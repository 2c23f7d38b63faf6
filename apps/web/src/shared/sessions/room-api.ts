import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../api/schema';
import { apiClient, unwrap } from '../../lib/api-client';
import { LIVE_REFRESH_MS, sessionKey } from './sessions-api';

export type Room = components['schemas']['RoomDto'];
export type RoomItem = components['schemas']['RoomItemDto'];
export type Minutes = components['schemas']['MinutesDto'];
export type MinutesVersion = components['schemas']['MinutesVersionDto'];
export type FollowUp = components['schemas']['FollowUpDto'];
export type RoomBallotResult = components['schemas']['RoomBallotResultDto'];

// Under the session's key: the session's events make them stale with it.
export const roomKey = (sessionId: string) => [...sessionKey(sessionId), 'room'] as const;
export const minutesKey = (sessionId: string) => [...sessionKey(sessionId), 'minutes'] as const;
export const followUpsKey = (sessionId: string) => [...sessionKey(sessionId), 'follow-ups'] as const;

const path = (sessionId: string) => ({ params: { path: { id: sessionId } } });

/** `GET /api/sessions/{id}/room`: the item and clause on the screen, each item's record, the speakers, my roles. */
export function useRoom(sessionId: string, live: boolean) {
  return useQuery({
    queryKey: roomKey(sessionId),
    queryFn: ({ signal }) => unwrap(apiClient.GET('/api/sessions/{id}/room', { ...path(sessionId), signal })),
    staleTime: 0,
    refetchInterval: live ? LIVE_REFRESH_MS : false,
  });
}

export function useMinutes(sessionId: string) {
  return useQuery({ queryKey: minutesKey(sessionId), queryFn: ({ signal }) => unwrap(apiClient.GET('/api/sessions/{id}/minutes', { ...path(sessionId), signal })), staleTime: 0 });
}

export function useFollowUps(sessionId: string) {
  return useQuery({ queryKey: followUpsKey(sessionId), queryFn: ({ signal }) => unwrap(apiClient.GET('/api/sessions/{id}/follow-ups', { ...path(sessionId), signal })), staleTime: 0 });
}

/** After a change in the room: the room as answered. */
export function useRoomUpdate(sessionId: string) {
  const queryClient = useQueryClient();
  return (room: Room): void => {
    queryClient.setQueryData(roomKey(sessionId), room);
  };
}

/** `POST /api/sessions/{id}/agenda/{itemId}/ballots`: my vote in the room, on my phone. */
export function useCastInRoom(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ itemId, choice }: { itemId: string; choice: string }) =>
      unwrap(apiClient.POST('/api/sessions/{id}/agenda/{itemId}/ballots', { params: { path: { id: sessionId, itemId } }, body: { choice } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: roomKey(sessionId) }),
  });
}

export function useAskToSpeak(sessionId: string) {
  const update = useRoomUpdate(sessionId);
  return useMutation({ mutationFn: () => unwrap(apiClient.POST('/api/sessions/{id}/speakers/me', path(sessionId))), onSuccess: update });
}

export function useWithdrawSpeech(sessionId: string) {
  const update = useRoomUpdate(sessionId);
  return useMutation({ mutationFn: () => unwrap(apiClient.POST('/api/sessions/{id}/speakers/me/withdraw', path(sessionId))), onSuccess: update });
}

export const minutesPath = (sessionId: string): string => `/sessions/${sessionId}/minutes`;
export const sessionRoomPath = (sessionId: string): string => `/sessions/${sessionId}/room`;
export const sessionMinutesEditPath = (sessionId: string): string => `/sessions/${sessionId}/minutes/edit`;
