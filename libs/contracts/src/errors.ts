/**
 * Stable error codes of the API. Every error body is `{ code, message, details }`;
 * the web app translates by `code`, so a code, once published, never changes meaning.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'MALFORMED_REQUEST',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'NOT_FOUND',
  'ROUTE_NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
  'INVALID_CREDENTIALS',
  'ACCOUNT_DISABLED',
  'CSRF_FAILED',
  'PASSWORD_TOO_WEAK',
  'PHONE_TAKEN',
  'INVALID_SMS_CODE',
  'INVALID_INVITATION',
  'INVITATION_PROOF_REQUIRED',
  'INVITATION_PROOF_FAILED',
  'ONE_PERSON_PER_ACCOUNT',
  'ROLL_FILE_UNREADABLE',
  'ROLL_CHANGED',
  'ROLL_IMPORT_CLOSED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldProblem {
  /** Dotted path of the offending field, e.g. `members.3.birthDate`. */
  field: string;
  /** Machine-readable reasons (validator names), e.g. `isNotEmpty`. */
  reasons: string[];
  /** Human-readable explanation in English. */
  message: string;
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details: Record<string, unknown> | null;
}

/**
 * The code for an HTTP status when no `{ code }` body says more: errors raised by the framework
 * or its middleware on the server, and on the client a proxy's page or an unreachable API.
 * Null for a status with no code of its own (the caller picks its fallback).
 */
export function errorCodeForStatus(status: number): ErrorCode | null {
  switch (status) {
    case 400:
      return 'MALFORMED_REQUEST';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'ROUTE_NOT_FOUND';
    case 405:
      return 'METHOD_NOT_ALLOWED';
    case 409:
      return 'CONFLICT';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 422:
      return 'VALIDATION_FAILED';
    case 429:
      return 'TOO_MANY_REQUESTS';
    case 502:
    case 503:
    case 504:
      return 'SERVICE_UNAVAILABLE';
    default:
      return status >= 500 ? 'INTERNAL_ERROR' : null;
  }
}
