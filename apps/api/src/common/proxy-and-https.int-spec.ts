import type { ErrorBody } from '@yishi/contracts';
import { loadEnv } from '../config/env';
import type { TestApp } from '../../test/test-app';
import { startTestApp } from '../../test/test-app';

/** Behind one proxy that appends the address it saw to X-Forwarded-For, as nginx's $proxy_add_x_forwarded_for does. */
function throughProxy(baseUrl: string, path: string, init: { clientHeader?: string; proto?: string; body?: unknown }): Promise<Response> {
  const seenByProxy = '203.0.113.9';
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-forwarded-for': init.clientHeader ? `${init.clientHeader}, ${seenByProxy}` : seenByProxy,
  };
  if (init.proto) headers['x-forwarded-proto'] = init.proto;
  return fetch(`${baseUrl}${path}`, { method: init.body ? 'POST' : 'GET', headers, body: init.body ? JSON.stringify(init.body) : undefined });
}

describe('behind a reverse proxy: the client address and HTTPS', () => {
  let t: TestApp;
  beforeAll(async () => {
    // As an operator sets it: one proxy in front.
    const { TRUST_PROXY } = loadEnv({ TRUST_PROXY: '1' });
    t = await startTestApp({ TRUST_PROXY, LOGIN_ATTEMPTS_PER_ADDRESS: 3 });
  });
  afterAll(() => t.close());

  it('keeps the per-address sign-in limit when a client writes its own first hop into X-Forwarded-For', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 4; i += 1) {
      const res = await throughProxy(t.baseUrl, '/api/auth/login', { clientHeader: `10.0.0.${i}`, body: { phone: `1391234567${i}`, password: 'not-the-password' } });
      statuses.push(res.status);
      if (res.status === 429) expect(((await res.json()) as ErrorBody).code).toBe('TOO_MANY_REQUESTS');
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('sends HSTS only on requests that came over HTTPS', async () => {
    const overHttps = await throughProxy(t.baseUrl, '/api/health', { proto: 'https' });
    expect(overHttps.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    const overHttp = await throughProxy(t.baseUrl, '/api/health', { proto: 'http' });
    expect(overHttp.headers.get('strict-transport-security')).toBeNull();
    const direct = await fetch(`${t.baseUrl}/api/health`);
    expect(direct.headers.get('strict-transport-security')).toBeNull();
  });
});
