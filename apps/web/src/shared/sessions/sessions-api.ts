import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { components } from '../../api/schema';
import { apiClient, unwrap } from '../../lib/api-client';

export type Session = components['schemas']['SessionDto'];
export type SessionQuorum = components['schemas']['QuorumDto'];
export type AgendaItem = components['schemas']['AgendaItemDto'];

export const sessionsKey = ['sessions'] as const;
export const sessionKey = (sessionId: string) => [...sessionsKey, sessionId] as const;
export const nodeSessionsKey = (nodeId: string) => [...sessionsKey, 'node', nodeId] as const;

/**
 * How often an open page asks again while a session is on, besides the server's events (which
 * bring a change within a second): a safety net for a stream a network dropped.
 */
export const LIVE_REFRESH_MS = 30_000;

/**
 * While `live`, follows the session's server-sent events (`/api/sessions/{id}/events`): each
 * change, from whichever API instance, makes everything cached about the session stale.
 */
export function useSessionEvents(sessionId: string, live: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!live || typeof EventSource === 'undefined') return undefined;
    const source = new EventSource(`/api/sessions/${encodeURIComponent(sessionId)}/events`);
    const refresh = (): void => void queryClient.invalidateQueries({ queryKey: sessionKey(sessionId) });
    source.addEventListener('change', refresh);
    // After a reconnection, what changed meanwhile is read again.
    source.addEventListener('ready', refresh);
    return () => source.close();
  }, [queryClient, sessionId, live]);
}

/** `GET /api/sessions/{id}`: a session with its agenda and live quorum. */
export function getSession(sessionId: string, signal?: AbortSignal): Promise<Session> {
  return unwrap(apiClient.GET('/api/sessions/{id}', { params: { path: { id: sessionId } }, signal }));
}

export function getSessionQueryOptions(sessionId: string) {
  return queryOptions({ queryKey: sessionKey(sessionId), queryFn: ({ signal }) => getSession(sessionId, signal), staleTime: 0 });
}

/** A session; while `live`, kept fresh by its events (and, as a safety net, asked again now and then). */
export function useSession(sessionId: string, live = false) {
  useSessionEvents(sessionId, live);
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
