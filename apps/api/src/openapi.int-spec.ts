import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import type { TestApp } from '../test/test-app';
import { startTestApp } from '../test/test-app';

describe('the OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('is browsable at /api/docs', async () => {
    const res = await request(t.baseUrl).get('/api/docs').expect(200);
    expect(res.text).toContain('swagger-ui');
  });

  it('is served as JSON and matches the copy the web client is generated from', async () => {
    const res = await request(t.baseUrl).get('/api/docs/openapi.json').expect(200);
    const document = res.body as { paths: Record<string, { get?: { operationId?: string } }> };
    expect(document.paths['/api/organizations/tree']?.get?.operationId).toBe('getOrganizationTree');
    const committed = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../web/src/api/openapi.json'), 'utf8')) as unknown;
    // When this fails, the API changed: run `npm run api:client` and commit the regenerated client.
    expect(res.body).toEqual(committed);
  });
});
