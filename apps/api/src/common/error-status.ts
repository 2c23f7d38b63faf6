import type { ErrorCode } from '@yishi/contracts';
import { errorCodeForStatus } from '@yishi/contracts';

/** The HTTP status of each error code: exhaustive, so a new code cannot ship without one. */
export function statusForCode(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION_FAILED':
    case 'MALFORMED_REQUEST':
    case 'PASSWORD_TOO_WEAK':
    case 'INVALID_SMS_CODE':
    case 'INVALID_INVITATION':
    case 'INVITATION_PROOF_REQUIRED':
    case 'INVITATION_PROOF_FAILED':
    case 'ROLL_FILE_UNREADABLE':
      return 400;
    case 'UNAUTHENTICATED':
    case 'INVALID_CREDENTIALS':
      return 401;
    case 'FORBIDDEN':
    case 'CSRF_FAILED':
    case 'ACCOUNT_DISABLED':
      return 403;
    case 'NOT_FOUND':
    case 'ROUTE_NOT_FOUND':
      return 404;
    case 'METHOD_NOT_ALLOWED':
      return 405;
    case 'CONFLICT':
    case 'PHONE_TAKEN':
    case 'ONE_PERSON_PER_ACCOUNT':
    case 'ROLL_CHANGED':
    case 'ROLL_IMPORT_CLOSED':
      return 409;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    case 'UNSUPPORTED_MEDIA_TYPE':
      return 415;
    case 'TOO_MANY_REQUESTS':
      return 429;
    case 'SERVICE_UNAVAILABLE':
      return 503;
    case 'INTERNAL_ERROR':
      return 500;
  }
}

/** The code for a status raised by the framework or a library rather than by our services. */
export function codeForStatus(status: number): ErrorCode {
  return errorCodeForStatus(status) ?? 'MALFORMED_REQUEST';
}
