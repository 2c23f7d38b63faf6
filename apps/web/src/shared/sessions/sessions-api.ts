import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '../../api/schema';
import { apiClient, unwrap } from '../../lib/api-client';

export type Session = components['schemas']['SessionDto'];
export type SessionQuorum = components['schemas']['QuorumDto'];
export type AgendaItem = components['schemas']['AgendaItemDto'];

export const sessionsKey = ['sessions'] as const;
export const sessionKey = (sessionId: string) => [...sessionsKey, sessionId] as const;
export const nodeSessionsKey = (nodeId: string) => [...sessionsKey, 'node', nodeId] as const;

/** How often an open page asks again while a session may be running (the quorum moves as people arrive). */
export const LIVE_REFRESH_MS = 5000;

/** `GET /api/sessions/{id}`: a session with its agenda and live quorum. */
export function getSession(sessionId: string, signal?: AbortSignal): Promise<Session> {
  return unwrap(apiClient.GET('/api/sessions/{id}', { params: { path: { id: sessionId } }, signal }));
}

export function getSessionQueryOptions(sessionId: string) {
  return queryOptions({ queryKey: sessionKey(sessionId), queryFn: ({ signal }) => getSession(sessionId, signal), staleTime: 0 });
}

/** A session; while `live`, asked again every few seconds. */
export function useSession(sessionId: string, live = false) {
  return useQuery({ ...getSessionQueryOptions(sessionId), refetchInterval: live ? LIVE_REFRESH_MS : false });
}

/** `GET /api/nodes/{nodeId}/sessions`: the sessions a node holds or is invited to, latest first. */
export function listNodeSessions(nodeId: string, signal?: AbortSignal): Promise<Session[]> {
  return unwrap(apiClient.GET('/api/nodes/{nodeId}/sessions', { params: { path: { nodeId } }, signal }));
}

export function useNodeSessions(nodeId: string) {
  return useQuery({ queryKey: nodeSessionsKey(nodeId), queryFn: ({ signal }) => listNodeSessions(nodeId, signal), staleTime: 0 });
}

/** Whether a session is on now (from two hours before its start, when the desk opens, to its end). */
export function sessionIsOn(session: Pick<Session, 'status' | 'startsAt' | 'endsAt'>, now: number = Date.now()): boolean {
  return session.status === 'announced' && now >= Date.parse(session.startsAt) - 2 * 3600_000 && now <= Date.parse(session.endsAt);
}

export const sessionPath = (sessionId: string): string => `/sessions/${sessionId}`;
export const sessionConsolePath = (sessionId: string): string => `/console/sessions/${sessionId}`;
