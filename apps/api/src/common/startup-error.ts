/**
 * A problem a person starting Yishi can fix themselves. `main.ts` prints its message as one
 * line, without a stack trace, and exits with status 1.
 */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}

/** `postgres://user:secret@host/db` → `postgres://user:***@host/db`, for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/^(\w+:\/\/[^:/@]+:)[^@]*@/, '$1***@');
}
