import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { i18n as I18n } from 'i18next';
import { createInstance } from 'i18next';
import type { Middleware } from 'openapi-fetch';
import { i18nOptions } from '../i18n/testing';
import type { SessionHooks } from './api-client';
import { ApiError, errorMessage, errorMessageKey, minutesToWait, parseRetryAfter, sessionMiddleware, toApiError, unwrap } from './api-client';

const response = (status: number): Response => ({ ok: status >= 200 && status < 300, status }) as Response;

describe('toApiError', () => {
  it('keeps the code, message and details of an API error body', () => {
    const error = toApiError({ code: 'VALIDATION_FAILED', message: 'name is empty', details: { fields: [] } }, 400);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', status: 400, message: 'name is empty', details: { fields: [] } });
  });

  it('falls back to the HTTP status when the body is not an API error body', () => {
    expect(toApiError('<html>Bad Gateway</html>', 502).code).toBe('SERVICE_UNAVAILABLE');
    expect(toApiError(undefined, 404).code).toBe('ROUTE_NOT_FOUND');
    expect(toApiError(null, 500).code).toBe('INTERNAL_ERROR');
    expect(toApiError({}, 418).code).toBe('UNKNOWN_ERROR');
  });

  it('does not trust a code the client does not know', () => {
    expect(toApiError({ code: 'SOMETHING_NEW', message: 'x', details: null }, 403).code).toBe('FORBIDDEN');
  });
});

describe('unwrap', () => {
  it('returns the data of a successful response', async () => {
    await expect(unwrap(Promise.resolve({ data: [1, 2], response: response(200) }))).resolves.toEqual([1, 2]);
  });

  it('throws an ApiError with the code of an error response', async () => {
    const failed = unwrap(Promise.resolve({ error: { code: 'FORBIDDEN', message: 'no', details: null }, response: response(403) }));
    await expect(failed).rejects.toMatchObject({ name: 'ApiError', code: 'FORBIDDEN', status: 403 });
  });

  it('turns a failed fetch into a transient NETWORK_ERROR', async () => {
    const failed = unwrap(Promise.reject(new TypeError('Failed to fetch')));
    await expect(failed).rejects.toMatchObject({ code: 'NETWORK_ERROR', status: 0, transient: true });
  });

  it('rethrows an abort untouched', async () => {
    const abort = new DOMException('The operation was aborted.', 'AbortError');
    await expect(unwrap(Promise.reject(abort))).rejects.toBe(abort);
  });
});

describe('errorMessageKey', () => {
  it('translates by code, and anything else as an unknown error', () => {
    expect(errorMessageKey(new ApiError('CONFLICT', 409, 'x'))).toBe('errors.CONFLICT');
    expect(errorMessageKey(new Error('boom'))).toBe('errors.UNKNOWN_ERROR');
  });
});

describe('parseRetryAfter', () => {
  it('reads delay-seconds and HTTP dates, and nothing else', () => {
    expect(parseRetryAfter('120')).toBe(120);
    expect(parseRetryAfter(' 0 ')).toBe(1);
    const now = Date.parse('2026-03-08T01:00:00Z');
    expect(parseRetryAfter('Sun, 08 Mar 2026 01:10:00 GMT', now)).toBe(600);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('')).toBeNull();
  });
});

describe('a 429 answer', () => {
  const body = { code: 'TOO_MANY_REQUESTS', message: 'Too many attempts. Try again in 15 minute(s).', details: { retryAfterSeconds: 851 } };

  it('takes the wait from the Retry-After header', () => {
    const error = toApiError(body, 429, new Headers({ 'Retry-After': '900' }));
    expect(error.retryAfterSeconds).toBe(900);
    expect(minutesToWait(error)).toBe(15);
  });

  it('falls back to the body, then to nothing', () => {
    expect(toApiError(body, 429).retryAfterSeconds).toBe(851);
    expect(minutesToWait(toApiError(body, 429))).toBe(15);
    expect(toApiError({ ...body, details: null }, 429).retryAfterSeconds).toBeNull();
    expect(minutesToWait(toApiError({ ...body, details: null }, 429))).toBeNull();
    expect(toApiError('<html>', 429, new Headers({ 'Retry-After': '30' })).retryAfterSeconds).toBe(30);
  });

  it('rounds a wait under a minute up to one minute', () => {
    expect(minutesToWait(toApiError(body, 429, new Headers({ 'Retry-After': '5' })))).toBe(1);
  });

  it('ignores Retry-After on other errors', () => {
    expect(toApiError({ code: 'CONFLICT', message: 'x', details: null }, 409, new Headers({ 'Retry-After': '9' })).retryAfterSeconds).toBeNull();
  });

  it('keeps the Retry-After header through unwrap', async () => {
    const res = { ok: false, status: 429, headers: new Headers({ 'Retry-After': '120' }) } as Response;
    await expect(unwrap(Promise.resolve({ error: body, response: res }))).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 120 });
  });
});

describe('errorMessage', () => {
  let zh: I18n;
  let en: I18n;
  beforeAll(async () => {
    zh = createInstance();
    en = createInstance();
    await zh.init(i18nOptions('zh-CN'));
    await en.init(i18nOptions('en'));
  });

  it('says how many minutes to wait when the API said so', () => {
    const error = new ApiError('TOO_MANY_REQUESTS', 429, 'x', null, 840);
    expect(errorMessage(error, zh.getFixedT('zh-CN'))).toBe('操作太频繁了，请 14 分钟后再试。');
    expect(errorMessage(error, en.getFixedT('en'))).toBe('Too many attempts. Please try again in 14 minutes.');
    expect(errorMessage(new ApiError('TOO_MANY_REQUESTS', 429, 'x', null, 60), en.getFixedT('en'))).toBe('Too many attempts. Please try again in 1 minute.');
  });

  it('translates by code otherwise', () => {
    expect(errorMessage(new ApiError('TOO_MANY_REQUESTS', 429, 'x'), zh.getFixedT('zh-CN'))).toBe('操作太频繁了，请稍等片刻再试。');
    expect(errorMessage(new ApiError('INVALID_CREDENTIALS', 401, 'x'), zh.getFixedT('zh-CN'))).toBe('手机号或密码不正确。');
    expect(errorMessage(new Error('boom'), en.getFixedT('en'))).toBe('Something unexpected happened. Please try again later.');
  });
});

describe('sessionMiddleware', () => {
  const params = { schemaPath: '/api/x', params: {}, id: '1', options: {} } as unknown as Parameters<NonNullable<Middleware['onRequest']>>[0];

  function hooks(token: string | null = 'csrf-token-of-this-session'): SessionHooks & { unauthenticated: jest.Mock; rejected: jest.Mock } {
    const unauthenticated = jest.fn();
    const rejected = jest.fn();
    return { csrfToken: () => token, onUnauthenticated: unauthenticated, onCsrfRejected: rejected, unauthenticated, rejected };
  }

  async function send(middleware: Middleware, method: string): Promise<Request> {
    const request = new Request('http://localhost/api/x', { method, body: method === 'GET' ? undefined : '{}' });
    const result = await middleware.onRequest?.({ ...params, request });
    return result instanceof Request ? result : request;
  }

  async function receive(middleware: Middleware, status: number, body: unknown): Promise<Response> {
    const response = new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
    await middleware.onResponse?.({ ...params, request: new Request('http://localhost/api/x'), response });
    return response;
  }

  it('sends the CSRF token on every write', async () => {
    const middleware = sessionMiddleware(() => hooks());
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      expect((await send(middleware, method)).headers.get('X-CSRF-Token')).toBe('csrf-token-of-this-session');
    }
  });

  it('sends no token on reads, nor when signed out', async () => {
    expect((await send(sessionMiddleware(() => hooks()), 'GET')).headers.get('X-CSRF-Token')).toBeNull();
    expect((await send(sessionMiddleware(() => hooks(null)), 'POST')).headers.get('X-CSRF-Token')).toBeNull();
  });

  it('waits for a token that must be read first', async () => {
    const middleware = sessionMiddleware(() => ({ ...hooks(), csrfToken: () => Promise.resolve('read-just-now') }));
    expect((await send(middleware, 'POST')).headers.get('X-CSRF-Token')).toBe('read-just-now');
  });

  it('reports an expired or revoked session, and leaves the body readable', async () => {
    const h = hooks();
    const response = await receive(sessionMiddleware(() => h), 401, { code: 'UNAUTHENTICATED', message: 'Please sign in first.', details: null });
    expect(h.unauthenticated).toHaveBeenCalledTimes(1);
    expect(await response.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('does not take a wrong password for an expired session', async () => {
    const h = hooks();
    await receive(sessionMiddleware(() => h), 401, { code: 'INVALID_CREDENTIALS', message: 'x', details: null });
    await receive(sessionMiddleware(() => h), 403, { code: 'FORBIDDEN', message: 'x', details: null });
    await receive(sessionMiddleware(() => h), 401, '<html>');
    expect(h.unauthenticated).not.toHaveBeenCalled();
    expect(h.rejected).not.toHaveBeenCalled();
  });

  it('reports a refused CSRF token', async () => {
    const h = hooks();
    await receive(sessionMiddleware(() => h), 403, { code: 'CSRF_FAILED', message: 'x', details: null });
    expect(h.rejected).toHaveBeenCalledTimes(1);
    expect(h.unauthenticated).not.toHaveBeenCalled();
  });
});
