import request from 'supertest';
import type { TestApp } from '../../test/test-app';
import { startTestApp } from '../../test/test-app';

describe('HTTP basics: one error shape, request ids, security headers, body limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ BODY_LIMIT: '1kb' });
  });
  afterAll(() => t.close());

  it('answers an unknown API address with a 404 error body, not HTML', async () => {
    const res = await request(t.baseUrl).get('/api/no-such-thing').expect(404);
    expect(res.type).toBe('application/json');
    expect(res.body).toMatchObject({ code: 'ROUTE_NOT_FOUND', details: null });
    expect((res.body as { message: string }).message).toMatch(/no such address/);
  });

  it('answers malformed JSON with 400 MALFORMED_REQUEST', async () => {
    const res = await request(t.baseUrl).post('/api/organizations/tree').set('Content-Type', 'application/json').send('{"name": ').expect(400);
    expect(res.body).toMatchObject({ code: 'MALFORMED_REQUEST', details: null });
  });

  it('refuses a body over the limit with 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await request(t.baseUrl)
      .post('/api/organizations/tree')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ text: 'x'.repeat(4096) }))
      .expect(413);
    expect(res.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('gives every response a request id, keeping a sane one the client sent', async () => {
    const generated = await request(t.baseUrl).get('/api/health');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await request(t.baseUrl).get('/api/health').set('X-Request-Id', 'abc-123');
    expect(kept.headers['x-request-id']).toBe('abc-123');
    const replaced = await request(t.baseUrl).get('/api/health').set('X-Request-Id', '<script>');
    expect(replaced.headers['x-request-id']).not.toBe('<script>');
  });

  it('sends security headers and hides the framework', async () => {
    const res = await request(t.baseUrl).get('/api/health');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });
});
