/**
 * The one HTTP client of the web app: openapi-fetch typed by the schema generated from the API's
 * OpenAPI document (`npm run api:client`), so a changed endpoint breaks this build, not a phone.
 */
import type { ErrorCode } from '@yishi/contracts';
import { ERROR_CODES, errorCodeForStatus } from '@yishi/contracts';
import createClient from 'openapi-fetch';
import type { paths } from '../api/schema';

/** Same origin: the API serves this app, and Vite's dev server proxies `/api` to it. */
export const apiClient = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });

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

/** Turns an error response (`{ code, message, details }` from the API, or anything else) into an ApiError. */
export function toApiError(body: unknown, status: number): ApiError {
  if (isRecord(body) && isErrorCode(body['code'])) {
    const message = typeof body['message'] === 'string' ? body['message'] : body['code'];
    const details = isRecord(body['details']) ? body['details'] : null;
    return new ApiError(body['code'], status, message, details);
  }
  // A bare status (a proxy's page, an old server): the shared mapping, else unknown.
  const code = errorCodeForStatus(status) ?? 'UNKNOWN_ERROR';
  return new ApiError(code, status, `HTTP ${status}`);
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
    throw toApiError(result.error, result.response.status);
  }
  return result.data as DataOf<R>;
}

/** The i18n key of the message a resident sees for an error (never the API's English text). */
export function errorMessageKey(error: unknown): `errors.${AppErrorCode}` {
  return error instanceof ApiError ? `errors.${error.code}` : 'errors.UNKNOWN_ERROR';
}
