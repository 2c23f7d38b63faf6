/**
 * A browser-like client for integration tests: keeps the session cookie, sends the CSRF token on
 * writes, and speaks JSON to the API over real HTTP.
 */
import type { SessionState } from '@yishi/contracts';
import { CSRF_HEADER, SESSION_COOKIE } from '@yishi/contracts';

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export class HttpSession {
  private cookie: string | null = null;
  csrfToken: string | null = null;

  constructor(readonly baseUrl: string) {}

  async request<T = unknown>(method: string, path: string, body?: unknown, options: { csrf?: boolean; headers?: Record<string, string>; redirect?: 'manual' } = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.cookie) headers['cookie'] = `${SESSION_COOKIE}=${this.cookie}`;
    if (this.csrfToken && options.csrf !== false && method !== 'GET') headers[CSRF_HEADER] = this.csrfToken;
    const res = await fetch(`${this.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), redirect: options.redirect ?? 'follow' });
    for (const setCookie of res.headers.getSetCookie()) {
      const match = new RegExp(`^${SESSION_COOKIE}=([^;]*)`).exec(setCookie);
      if (match) this.cookie = match[1] || null;
    }
    // An event stream never ends: its answer here is its status and headers (read it with fetch to follow it).
    if (res.headers.get('content-type')?.startsWith('text/event-stream')) {
      await res.body?.cancel();
      return { status: res.status, body: '' as T, headers: res.headers };
    }
    const text = await res.text();
    const parsed = (text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T;
    return { status: res.status, body: parsed, headers: res.headers };
  }

  get<T = unknown>(path: string): Promise<ApiResponse<T>> {
    return this.request<T>('GET', path);
  }

  post<T = unknown>(path: string, body?: unknown, options?: { csrf?: boolean }): Promise<ApiResponse<T>> {
    return this.request<T>('POST', path, body ?? {}, options);
  }

  put<T = unknown>(path: string, body?: unknown): Promise<ApiResponse<T>> {
    return this.request<T>('PUT', path, body ?? {});
  }

  async login(phone: string, password: string): Promise<ApiResponse<SessionState>> {
    const res = await this.post<SessionState>('/api/auth/login', { phone, password });
    if (res.status === 200) this.csrfToken = res.body.csrfToken;
    return res;
  }

  /** Signs in and fails the test loudly when that does not work. */
  static async signedIn(baseUrl: string, phone: string, password: string): Promise<HttpSession> {
    const session = new HttpSession(baseUrl);
    const res = await session.login(phone, password);
    if (res.status !== 200) throw new Error(`login of ${phone} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return session;
  }

  /** A session whose token and CSRF token were written straight into auth_session (load tests). */
  static withToken(baseUrl: string, token: string, csrfToken: string): HttpSession {
    const session = new HttpSession(baseUrl);
    session.cookie = token;
    session.csrfToken = csrfToken;
    return session;
  }

  get hasCookie(): boolean {
    return this.cookie !== null;
  }
}
