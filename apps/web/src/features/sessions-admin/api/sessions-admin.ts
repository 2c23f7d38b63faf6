import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import type { Session } from '../../../shared/sessions/sessions-api';
import { LIVE_REFRESH_MS, nodeSessionsKey, sessionKey, sessionsKey } from '../../../shared/sessions/sessions-api';

export type CreateSessionInput = components['schemas']['CreateSessionDto'];
export type AddAgendaItemInput = components['schemas']['AddAgendaItemDto'];
export type Attendee = components['schemas']['AttendeeDto'];
export type Attendance = components['schemas']['AttendanceDto'];
export type InvitedPerson = components['schemas']['InvitedPersonDto'];
export type RecordProxyInput = components['schemas']['RecordProxyDto'];

const attendanceKey = (sessionId: string) => [...sessionKey(sessionId), 'attendance'] as const;
const peopleKey = (sessionId: string, q: string) => [...sessionKey(sessionId), 'people', q] as const;

/** `POST /api/nodes/{nodeId}/sessions`: schedules a session (a draft until its notice goes up). */
export function useCreateSession(nodeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSessionInput) => unwrap(apiClient.POST('/api/nodes/{nodeId}/sessions', { params: { path: { nodeId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: nodeSessionsKey(nodeId) }),
  });
}

/** After a change to a session: the session itself as answered, and every list that shows it. */
function useSessionUpdate(sessionId: string) {
  const queryClient = useQueryClient();
  return (session: Session): void => {
    queryClient.setQueryData(sessionKey(sessionId), session);
    void queryClient.invalidateQueries({ queryKey: sessionsKey, predicate: (q) => q.queryKey[1] === 'node' });
  };
}

/** `POST /api/sessions/{id}/announce`: puts the notice up (refused while the body's notice period would not have run by the start). */
export function useAnnounceSession(sessionId: string) {
  const update = useSessionUpdate(sessionId);
  return useMutation({ mutationFn: () => unwrap(apiClient.POST('/api/sessions/{id}/announce', { params: { path: { id: sessionId } } })), onSuccess: update });
}

/** `POST /api/sessions/{id}/shortenings`: asks a supervisor for a notice shorter than the body's period. */
export function useRequestShortening(sessionId: string) {
  const update = useSessionUpdate(sessionId);
  return useMutation({ mutationFn: (reason: string) => unwrap(apiClient.POST('/api/sessions/{id}/shortenings', { params: { path: { id: sessionId } }, body: { reason } })), onSuccess: update });
}

/** `POST /api/sessions/{id}/shortenings/decision`: a supervisor approves or refuses, with a note. */
export function useDecideShortening(sessionId: string) {
  const update = useSessionUpdate(sessionId);
  return useMutation({
    mutationFn: (body: { outcome: 'approved' | 'refused'; note: string }) => unwrap(apiClient.POST('/api/sessions/{id}/shortenings/decision', { params: { path: { id: sessionId } }, body })),
    onSuccess: update,
  });
}

/** `POST /api/sessions/{id}/agenda`: an item at the end of the agenda (no longer offered among the candidates). */
export function useAddAgendaItem(sessionId: string) {
  const update = useSessionUpdate(sessionId);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AddAgendaItemInput) => unwrap(apiClient.POST('/api/sessions/{id}/agenda', { params: { path: { id: sessionId } }, body })),
    onSuccess: (session: Session) => {
      update(session);
      void queryClient.invalidateQueries({ queryKey: [...sessionKey(sessionId), 'agenda-candidates'] });
    },
  });
}

/** `GET /api/sessions/{id}/agenda-candidates`: the invited units' drafts, votes and topics not on the agenda yet. */
export function useAgendaCandidates(sessionId: string) {
  return useQuery({
    queryKey: [...sessionKey(sessionId), 'agenda-candidates'],
    queryFn: ({ signal }) => unwrap(apiClient.GET('/api/sessions/{id}/agenda-candidates', { params: { path: { id: sessionId } }, signal })),
    staleTime: 0,
  });
}

/** `PUT /api/sessions/{id}/agenda/order`: every item, in the new order. */
export function useReorderAgenda(sessionId: string) {
  const update = useSessionUpdate(sessionId);
  return useMutation({ mutationFn: (itemIds: string[]) => unwrap(apiClient.PUT('/api/sessions/{id}/agenda/order', { params: { path: { id: sessionId } }, body: { itemIds } })), onSuccess: update });
}

/** `POST /api/sessions/{id}/agenda/{itemId}/defer`: the item stays, marked, with why. */
export function useDeferAgendaItem(sessionId: string) {
  const update = useSessionUpdate(sessionId);
  return useMutation({
    mutationFn: ({ itemId, reason }: { itemId: string; reason: string }) =>
      unwrap(apiClient.POST('/api/sessions/{id}/agenda/{itemId}/defer', { params: { path: { id: sessionId, itemId } }, body: { reason } })),
    onSuccess: update,
  });
}

/** `GET /api/sessions/{id}/attendance`, asked again every few seconds while the desk is open. */
export function useAttendance(sessionId: string, live: boolean) {
  return useQuery({
    queryKey: attendanceKey(sessionId),
    queryFn: ({ signal }) => unwrap(apiClient.GET('/api/sessions/{id}/attendance', { params: { path: { id: sessionId } }, signal })),
    refetchInterval: live ? LIVE_REFRESH_MS : false,
    staleTime: 0,
  });
}

/** `GET /api/sessions/{id}/people?q=`: the invited people matching a name, unit or household. */
export function usePeople(sessionId: string, q: string) {
  return useQuery({
    queryKey: peopleKey(sessionId, q),
    queryFn: ({ signal }) => unwrap(apiClient.GET('/api/sessions/{id}/people', { params: { path: { id: sessionId }, query: { q } }, signal })),
    enabled: q.trim().length > 0,
    staleTime: 0,
  });
}

/** Check-ins and departures at the desk: the attendance as answered, the search and the session's quorum asked again. */
function useDeskWrite(sessionId: string, path: '/api/sessions/{id}/check-ins' | '/api/sessions/{id}/departures') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Attendee) => unwrap(apiClient.POST(path, { params: { path: { id: sessionId } }, body })),
    onSuccess: (attendance: Attendance) => {
      queryClient.setQueryData(attendanceKey(sessionId), attendance);
      void queryClient.invalidateQueries({ queryKey: sessionKey(sessionId) });
    },
  });
}

export const useCheckIn = (sessionId: string) => useDeskWrite(sessionId, '/api/sessions/{id}/check-ins');
export const useDepart = (sessionId: string) => useDeskWrite(sessionId, '/api/sessions/{id}/departures');

/** `POST /api/sessions/{id}/proxies`: a written proxy recorded at the door. */
export function useRecordProxy(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordProxyInput) => unwrap(apiClient.POST('/api/sessions/{id}/proxies', { params: { path: { id: sessionId } }, body })),
    onSuccess: (attendance: Attendance) => {
      queryClient.setQueryData(attendanceKey(sessionId), attendance);
      void queryClient.invalidateQueries({ queryKey: sessionKey(sessionId) });
    },
  });
}
