import type { ErrorCode } from '@yishi/contracts';

/**
 * The one error type services throw. The exception filter turns it into
 * `{ code, message, details }` with the HTTP status that belongs to the code.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> | null = null,
  ) {
    super(message);
  }
}
