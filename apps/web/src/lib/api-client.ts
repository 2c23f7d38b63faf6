/**
 * The one HTTP client of the web app: openapi-fetch typed by the schema generated from the API's
 * OpenAPI document (`npm run api:client`), so a changed endpoint breaks this build, not a phone.
 */
import type { ErrorCode } from '@yishi/contracts';
import { CSRF_HEADER, ERROR_CODES, errorCodeForStatus } from '@yishi/contracts';
import type { TFunction } from 'i18next';
import createClient from 'openapi-fetch';
import type { Middleware } from 'openapi-fetch';
import type { paths } from '../api/schema';

/** Failures the browser sees without a usable error body from the API. */
export const CLIENT_ERROR_CODES = ['NETWORK_ERROR', 'UNKNOWN_ERROR'] as const;
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];
export type AppErrorCode = ErrorCode | ClientErrorCode;

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly code: AppErrorCode,
    /** HTTP status, or 0 when no response arrived. */
    readonly status: number,
    message: string,
    readonly details: Record<string, unknown> | null = null,
    /** For TOO_MANY_REQUESTS: how long to wait, from the Retry-After header or the body's details. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }

  /** Worth trying again without changing anything: the network or the server had a moment. */
  get transient(): boolean {
    return this.code === 'NETWORK_ERROR' || this.code === 'SERVICE_UNAVAILABLE' || this.code === 'INTERNAL_ERROR';
  }
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Seconds to wait from a Retry-After header: delay-seconds ("120") or an HTTP date. Null when
 * absent or unreadable; at least 1 otherwise.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.max(1, Number(trimmed));
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(1, Math.ceil((date - now) / 1000));
}

function retryAfterFrom(details: Record<string, unknown> | null, header: string | null | undefined): number | null {
  const fromHeader = parseRetryAfter(header);
  if (fromHeader !== null) return fromHeader;
  const fromBody = details?.['retryAfterSeconds'];
  return typeof fromBody === 'number' && Number.isFinite(fromBody) && fromBody > 0 ? Math.ceil(fromBody) : null;
}

/**
 * Turns an error response (`{ code, message, details }` from the API, or anything else) into an
 * ApiError; the response headers, when given, add the wait of a 429 (Retry-After).
 */
export function toApiError(body: unknown, status: number, headers?: Pick<Headers, 'get'>): ApiError {
  const retryAfter = status === 429 ? headers?.get('Retry-After') : null;
  if (isRecord(body) && isErrorCode(body['code'])) {
    const message = typeof body['message'] === 'string' ? body['message'] : body['code'];
    const details = isRecord(body['details']) ? body['details'] : null;
    return new ApiError(body['code'], status, message, details, status === 429 ? retryAfterFrom(details, retryAfter) : null);
  }
  // A bare status (a proxy's page, an old server): the shared mapping, else unknown.
  const code = errorCodeForStatus(status) ?? 'UNKNOWN_ERROR';
  return new ApiError(code, status, `HTTP ${status}`, null, status === 429 ? retryAfterFrom(null, retryAfter) : null);
}

/** The shape of every openapi-fetch result: data on success, error (the parsed body) otherwise. */
interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** The success body of a call; openapi-fetch types it as possibly undefined (an empty body). */
export type DataOf<R extends FetchResult> = Exclude<R['data'], undefined>;

/**
 * Awaits an openapi-fetch call and returns its data, or throws an ApiError carrying the API's
 * code. A request cancelled by its AbortSignal rethrows the abort as it is (TanStack Query
 * cancels queries that way); any other failure to get a response is a NETWORK_ERROR.
 */
export async function unwrap<R extends FetchResult>(request: Promise<R>): Promise<DataOf<R>> {
  let result: R;
  try {
    result = await request;
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') {
      throw cause;
    }
    throw new ApiError('NETWORK_ERROR', 0, cause instanceof Error ? cause.message : 'Network request failed');
  }
  if (!result.response.ok || result.error !== undefined) {
    throw toApiError(result.error, result.response.status, result.response.headers);
  }
  return result.data as DataOf<R>;
}

/** The i18n key of the message a resident sees for an error (never the API's English text). */
export function errorMessageKey(error: unknown): `errors.${AppErrorCode}` {
  return error instanceof ApiError ? `errors.${error.code}` : 'errors.UNKNOWN_ERROR';
}

/** Whole minutes to wait before trying again (at least one), or null when the error says nothing. */
export function minutesToWait(error: unknown): number | null {
  if (!(error instanceof ApiError) || error.code !== 'TOO_MANY_REQUESTS' || error.retryAfterSeconds === null) return null;
  return Math.max(1, Math.ceil(error.retryAfterSeconds / 60));
}

/**
 * The message for an error in the active language: by code, and for TOO_MANY_REQUESTS with the
 * minutes to wait when the API said how long (「操作太频繁了，请 15 分钟后再试。」).
 */
export function errorMessage(error: unknown, t: TFunction): string {
  const minutes = minutesToWait(error);
  return minutes === null ? t(errorMessageKey(error)) : t('errorDetails.tooManyRequestsWait', { count: minutes });
}

/*
 * The session seen from the one client: writes carry the CSRF token of the signed-in session,
 * and an expired or revoked session (401 UNAUTHENTICATED) or a stale token (403 CSRF_FAILED) is
 * reported, so the app can forget the session and send the person to the sign-in page.
 */

/** What the client needs from the session; the app connects it to the session query's cache. */
export interface SessionHooks {
  /** The CSRF token of the current session, or null when signed out. */
  csrfToken: () => string | null | Promise<string | null>;
  /** The API answered 401 UNAUTHENTICATED: the session is gone (expired, signed out elsewhere). */
  onUnauthenticated: () => void;
  /** The API refused the CSRF token: the session changed in another tab. */
  onCsrfRejected: () => void;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The error code of an error response, read from a copy so the caller still gets the body. */
async function errorCodeOf(response: Response): Promise<string | null> {
  try {
    const body: unknown = await response.clone().json();
    return isRecord(body) && typeof body['code'] === 'string' ? body['code'] : null;
  } catch {
    return null;
  }
}

/** openapi-fetch middleware: the CSRF header on every write, and session failures reported. */
export function sessionMiddleware(hooks: () => SessionHooks): Middleware {
  return {
    async onRequest({ request }) {
      if (SAFE_METHODS.has(request.method.toUpperCase())) return undefined;
      const token = await hooks().csrfToken();
      if (token) request.headers.set(CSRF_HEADER, token);
      return request;
    },
    async onResponse({ response }) {
      if (response.status !== 401 && response.status !== 403) return undefined;
      const code = await errorCodeOf(response);
      if (code === 'UNAUTHENTICATED') hooks().onUnauthenticated();
      else if (code === 'CSRF_FAILED') hooks().onCsrfRejected();
      return undefined;
    },
  };
}

const signedOutHooks: SessionHooks = { csrfToken: () => null, onUnauthenticated: () => undefined, onCsrfRejected: () => undefined };
let currentHooks: SessionHooks = signedOutHooks;

/** Connects the client to the app's session (AppProvider does, once, before anything renders). */
export function connectSession(hooks: SessionHooks): void {
  currentHooks = hooks;
}

export interface ApiClientOptions {
  /** Only for tests: where requests go (the app uses the page's own origin). */
  baseUrl?: string;
  fetch?: (request: Request) => Promise<Response>;
  /** Only for tests: the session to use instead of the app's. */
  hooks?: () => SessionHooks;
}

/**
 * The client as the app configures it: same origin (the API serves this app, and Vite's dev
 * server proxies `/api` to it), the session cookie on every request, and the session middleware,
 * so every write, JSON or multipart, carries the CSRF token.
 */
export function createApiClient(options: ApiClientOptions = {}) {
  const client = createClient<paths>({ baseUrl: options.baseUrl ?? '', credentials: 'same-origin', ...(options.fetch ? { fetch: options.fetch } : {}) });
  client.use(sessionMiddleware(options.hooks ?? (() => currentHooks)));
  return client;
}

export type ApiClient = ReturnType<typeof createApiClient>;

export const apiClient: ApiClient = createApiClient();
