/**
 * The session cookie, read and written by hand: one cookie, whose value is URL-safe, is all the
 * API ever reads or sets, so a cookie parser on every request would be work for nothing.
 */

/** The value of cookie `name` in a Cookie header, decoded (as cookie-parser did); undefined when absent. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq === -1 || pair.slice(0, eq).trim() !== name) continue;
    let value = pair.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return undefined;
}

export interface CookieOptions {
  /** Seconds until it expires; 0 removes it. */
  maxAgeSeconds: number;
  secure: boolean;
}

/** A Set-Cookie header value: HttpOnly, SameSite=Lax, for the whole site, with Max-Age and Expires. */
export function setCookieHeader(name: string, value: string, { maxAgeSeconds, secure }: CookieOptions): string {
  const expires = new Date(maxAgeSeconds > 0 ? Date.now() + maxAgeSeconds * 1000 : 0).toUTCString();
  return `${name}=${encodeURIComponent(value)}; Max-Age=${maxAgeSeconds}; Path=/; Expires=${expires}; HttpOnly${secure ? '; Secure' : ''}; SameSite=Lax`;
}
