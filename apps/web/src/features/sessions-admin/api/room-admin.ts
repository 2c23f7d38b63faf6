import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import { multipartBody } from '../../../lib/upload';
import { followUpsKey, minutesKey, roomKey, useRoomUpdate } from '../../../shared/sessions/room-api';
import type { FollowUp, Minutes } from '../../../shared/sessions/room-api';
import { sessionKey } from '../../../shared/sessions/sessions-api';

export type Officer = components['schemas']['OfficerDto'];
export type OfficerCandidate = components['schemas']['OfficerCandidateDto'];
export type SetOfficersInput = components['schemas']['SetOfficersDto'];
export type Slip = components['schemas']['SlipDto'];
export type EnterSlipInput = components['schemas']['EnterSlipDto'];
export type HandsInput = components['schemas']['HandsDto'];
export type CreateFollowUpInput = components['schemas']['CreateFollowUpDto'];
export type FollowUpState = components['schemas']['FollowUpState'];

const at = (sessionId: string) => ({ params: { path: { id: sessionId } } });
const atItem = (sessionId: string, itemId: string) => ({ params: { path: { id: sessionId, itemId } } });
const slipsKey = (sessionId: string, itemId: string) => [...roomKey(sessionId), 'slips', itemId] as const;

/** `PUT /api/sessions/{id}/officers`: the chair, the recorder, the tellers and the scrutineers, all at once. */
export function useSetOfficers(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SetOfficersInput) => unwrap(apiClient.PUT('/api/sessions/{id}/officers', { ...at(sessionId), body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKey(sessionId) }),
  });
}

export function useOfficerCandidates(sessionId: string, q: string) {
  return useQuery({
    queryKey: [...sessionKey(sessionId), 'officer-candidates', q],
    queryFn: ({ signal }) => unwrap(apiClient.GET('/api/sessions/{id}/officer-candidates', { params: { path: { id: sessionId }, query: { q } }, signal })),
    enabled: q.trim().length > 0,
    staleTime: 0,
  });
}

/** `POST /api/sessions/{id}/guests`, and a guest arriving at the desk. */
export function useAddGuest(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; affiliation?: string }) => unwrap(apiClient.POST('/api/sessions/{id}/guests', { ...at(sessionId), body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKey(sessionId) }),
  });
}

export function useGuestArrives(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (guestId: string) => unwrap(apiClient.POST('/api/sessions/{id}/guests/{guestId}/check-in', { params: { path: { id: sessionId, guestId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKey(sessionId) }),
  });
}

export function useSetCurrent(sessionId: string) {
  const update = useRoomUpdate(sessionId);
  return useMutation({ mutationFn: (body: { itemId: string | null; clauseId?: string | null }) => unwrap(apiClient.PUT('/api/sessions/{id}/room/current', { ...at(sessionId), body })), onSuccess: update });
}

export function useRoomVoting(sessionId: string) {
  const update = useRoomUpdate(sessionId);
  return useMutation({
    mutationFn: ({ itemId, open }: { itemId: string; open: boolean }) =>
      unwrap(
        open
          ? apiClient.POST('/api/sessions/{id}/agenda/{itemId}/room-voting/open', atItem(sessionId, itemId))
          : apiClient.POST('/api/sessions/{id}/agenda/{itemId}/room-voting/close', atItem(sessionId, itemId)),
      ),
    onSuccess: update,
  });
}

export function useSlips(sessionId: string, itemId: string, enabled: boolean) {
  return useQuery({
    queryKey: slipsKey(sessionId, itemId),
    queryFn: ({ signal }) => unwrap(apiClient.GET('/api/sessions/{id}/agenda/{itemId}/slips', { ...atItem(sessionId, itemId), signal })),
    enabled,
    staleTime: 0,
  });
}

export function useEnterSlip(sessionId: string, itemId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EnterSlipInput) => unwrap(apiClient.POST('/api/sessions/{id}/agenda/{itemId}/slips', { ...atItem(sessionId, itemId), body })),
    onSuccess: (slips: Slip[]) => queryClient.setQueryData(slipsKey(sessionId, itemId), slips),
  });
}

export function useConfirmSlip(sessionId: string, itemId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (slipId: string) => unwrap(apiClient.POST('/api/sessions/{id}/agenda/{itemId}/slips/{slipId}/confirm', { params: { path: { id: sessionId, itemId, slipId } } })),
    onSuccess: (slips: Slip[]) => {
      queryClient.setQueryData(slipsKey(sessionId, itemId), slips);
      void queryClient.invalidateQueries({ queryKey: roomKey(sessionId), exact: true });
    },
  });
}

export function useRecordHands(sessionId: string) {
  const update = useRoomUpdate(sessionId);
  return useMutation({
    mutationFn: ({ itemId, ...body }: HandsInput & { itemId: string }) => unwrap(apiClient.POST('/api/sessions/{id}/agenda/{itemId}/hands', { ...atItem(sessionId, itemId), body })),
    onSuccess: update,
  });
}

export function useSetGist(sessionId: string) {
  const update = useRoomUpdate(sessionId);
  return useMutation({
    mutationFn: ({ itemId, gist }: { itemId: string; gist: string }) => unwrap(apiClient.PUT('/api/sessions/{id}/agenda/{itemId}/gist', { ...atItem(sessionId, itemId), body: { gist } })),
    onSuccess: update,
  });
}

export function useDeskSpeaker(sessionId: string) {
  const update = useRoomUpdate(sessionId);
  return useMutation({
    mutationFn: (body: { personType?: 'owner' | 'member'; personId?: string; guestId?: string }) => unwrap(apiClient.POST('/api/sessions/{id}/speakers', { ...at(sessionId), body })),
    onSuccess: update,
  });
}

export function useNextSpeaker(sessionId: string) {
  const update = useRoomUpdate(sessionId);
  return useMutation({ mutationFn: () => unwrap(apiClient.POST('/api/sessions/{id}/speakers/next', at(sessionId))), onSuccess: update });
}

function useMinutesWrite<T>(sessionId: string, write: (input: T) => Promise<Minutes>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: write, onSuccess: (minutes: Minutes) => queryClient.setQueryData(minutesKey(sessionId), minutes) });
}

export const useDraftMinutes = (sessionId: string) => useMinutesWrite<void>(sessionId, () => unwrap(apiClient.POST('/api/sessions/{id}/minutes', at(sessionId))));
export const useEditMinutes = (sessionId: string) => useMinutesWrite<string>(sessionId, (body) => unwrap(apiClient.PUT('/api/sessions/{id}/minutes', { ...at(sessionId), body: { body } })));
export const useConfirmMinutes = (sessionId: string) => useMinutesWrite<void>(sessionId, () => unwrap(apiClient.POST('/api/sessions/{id}/minutes/confirm', at(sessionId))));
export const usePublishMinutes = (sessionId: string) => useMinutesWrite<void>(sessionId, () => unwrap(apiClient.POST('/api/sessions/{id}/minutes/publish', at(sessionId))));
export const useCorrectMinutes = (sessionId: string) =>
  useMinutesWrite<string>(sessionId, (reason) => unwrap(apiClient.POST('/api/sessions/{id}/minutes/corrections', { ...at(sessionId), body: { reason } })));

export function useAddFollowUp(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateFollowUpInput) => unwrap(apiClient.POST('/api/sessions/{id}/follow-ups', { ...at(sessionId), body })),
    onSuccess: (list: FollowUp[]) => queryClient.setQueryData(followUpsKey(sessionId), list),
  });
}

/** A status update: multipart, with a photo when one is chosen. */
export function useUpdateFollowUp(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ followUpId, state, note, photo }: { followUpId: string; state: FollowUpState; note: string; photo: File | null }) =>
      unwrap(
        apiClient.POST('/api/sessions/{id}/follow-ups/{followUpId}/updates', {
          params: { path: { id: sessionId, followUpId } },
          ...withState(photo ? multipartBody({ note, file: photo }) : multipartBody({ note }), state),
        }),
      ),
    onSuccess: (list: FollowUp[]) => queryClient.setQueryData(followUpsKey(sessionId), list),
  });
}

/** The multipart body with the state typed as the schema has it (multipartBody types every text field as a string). */
function withState<B extends { body: object; bodySerializer: () => FormData }>(multipart: B, state: FollowUpState): { body: B['body'] & { state: FollowUpState }; bodySerializer: () => FormData } {
  return {
    body: { ...multipart.body, state },
    bodySerializer: () => {
      const data = multipart.bodySerializer();
      data.append('state', state);
      return data;
    },
  };
}
