import { describe, expect, it } from '@jest/globals';
import { ApiError, errorMessageKey, toApiError, unwrap } from './api-client';

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
