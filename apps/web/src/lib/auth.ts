/**
 * The signed-in session, shared by the whole app (header, guards, every feature): one TanStack
 * Query entry holds `GET /api/auth/session`, and sign-in, sign-up and sign-out write the new
 * session state into it. The API client reads the CSRF token from here (see `connectSession`).
 */
import type { QueryClient } from '@tanstack/react-query';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '../api/schema';
import { apiClient, connectSession, unwrap } from './api-client';

export type SessionState = components['schemas']['SessionStateDto'];
export type SessionUser = components['schemas']['SessionUserDto'];
export type RoleGrantView = components['schemas']['RoleGrantViewDto'];
export type LoginInput = components['schemas']['LoginDto'];
export type SignupInput = components['schemas']['SignupDto'];
/** The session after sign-up, and what became of an invitation code: linked, or proof_needed on 「我的」. */
export type SignupResult = components['schemas']['SignupResultDto'];

export const SESSION_QUERY_KEY = ['auth', 'session'] as const;
export const SIGNED_OUT: SessionState = { user: null, csrfToken: null };

export function getSession(signal?: AbortSignal): Promise<SessionState> {
  return unwrap(apiClient.GET('/api/auth/session', { signal }));
}

export function getSessionQueryOptions() {
  return queryOptions({
    queryKey: SESSION_QUERY_KEY,
    queryFn: ({ signal }) => getSession(signal),
    // Sign-in and sign-out update the entry themselves; a revoked session shows up as a 401.
    staleTime: 5 * 60 * 1000,
  });
}

export function useSession() {
  return useQuery(getSessionQueryOptions());
}

/** Whether the last sign-out was the person's own (sign-out button), not an expired session. */
let signedOutDeliberately = false;

/**
 * After the person signs out themselves, a signed-in page they were on sends them home; after a
 * session expired or was revoked elsewhere, it sends them to sign in again and come back.
 */
export function wasSignedOutDeliberately(): boolean {
  return signedOutDeliberately;
}

/**
 * Puts a new session in place. Everything cached for the previous person (their roll, the
 * console's lists) is dropped first, so nobody sees another person's data after a switch.
 */
export function replaceSession(queryClient: QueryClient, state: SessionState, deliberateSignOut = false): void {
  signedOutDeliberately = state.user === null && deliberateSignOut;
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_QUERY_KEY[0] });
  queryClient.setQueryData(SESSION_QUERY_KEY, state);
}

/** Connects the API client to this query client's session entry (AppProvider calls it once). */
export function connectApiToSession(queryClient: QueryClient): void {
  connectSession({
    csrfToken: async () => {
      const cached = queryClient.getQueryData<SessionState>(SESSION_QUERY_KEY);
      if (cached) return cached.csrfToken;
      // A write before the session was read (rare): read it first; a GET needs no token.
      return (await queryClient.fetchQuery(getSessionQueryOptions())).csrfToken;
    },
    onUnauthenticated: () => {
      const cached = queryClient.getQueryData<SessionState>(SESSION_QUERY_KEY);
      // The guards see the signed-out session and send the person to /login with a return path.
      if (cached?.user) replaceSession(queryClient, SIGNED_OUT);
    },
    onCsrfRejected: () => {
      void queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
    },
  });
}

export function login(body: LoginInput): Promise<SessionState> {
  return unwrap(apiClient.POST('/api/auth/login', { body }));
}

export function signup(body: SignupInput): Promise<SignupResult> {
  return unwrap(apiClient.POST('/api/auth/signup', { body }));
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: login, onSuccess: (state) => replaceSession(queryClient, state) });
}

export function useSignup() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: signup, onSuccess: ({ user, csrfToken }) => replaceSession(queryClient, { user, csrfToken }) });
}

/** Signs out on this browser; the session is forgotten here even when the API cannot be reached. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      await unwrap(apiClient.POST('/api/auth/logout'));
    },
    onSettled: () => replaceSession(queryClient, SIGNED_OUT, true),
  });
}

/** Signs out on every device: all of this person's sessions are revoked on the server. */
export function useLogoutEverywhere() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      await unwrap(apiClient.POST('/api/auth/logout-everywhere'));
    },
    onSuccess: () => replaceSession(queryClient, SIGNED_OUT, true),
  });
}

/**
 * Where to go after signing in: the `next` path when it is a path of this site, else `fallback`.
 * Refuses absolute and protocol-relative URLs (`//evil.example`, `/\evil`), so a link cannot
 * send a person elsewhere after they typed their password.
 */
export function safeNextPath(next: string | null | undefined, fallback: string): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  if (/[\u0000-\u001f]/.test(next)) return fallback;
  if (next === '/login' || next.startsWith('/login?') || next === '/signup' || next.startsWith('/signup?')) return fallback;
  return next;
}

/** `/login?next=…` for the page a signed-out person tried to open. */
export function loginPath(returnTo: string): string {
  return returnTo === '/' ? '/login' : `/login?next=${encodeURIComponent(returnTo)}`;
}
