import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { TestApp } from '../../test/test-app';
import { startTestApp } from '../../test/test-app';
import { WORKSPACE_ROOT } from '../config/env';

const WEB_DIST = path.join(WORKSPACE_ROOT, 'dist', 'web');

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The bytes as they came over the wire, not decompressed. */
  body: Buffer;
}

/** A GET that leaves the body as sent (fetch would decompress it). */
function rawGet(baseUrl: string, urlPath: string, acceptEncoding: string | null): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = acceptEncoding === null ? {} : { 'accept-encoding': acceptEncoding };
    http
      .get(`${baseUrl}${urlPath}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

describe('compressed answers: the web client precompressed, API reads on the fly', () => {
  let t: TestApp;
  let firstScript: string;
  beforeAll(async () => {
    if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
      throw new Error(`${WEB_DIST} is missing: run \`npx nx run web:build\` first (npm test does).`);
    }
    t = await startTestApp();
    const page = await rawGet(t.baseUrl, '/', null);
    firstScript = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(page.body.toString('utf8'))?.[1] ?? '';
  });
  afterAll(() => t?.close());

  it('serves the first page\'s JavaScript as brotli, gzip or plain as the phone asks, cached for a year', async () => {
    expect(firstScript).toMatch(/^\/assets\/.+\.js$/);
    const original = fs.readFileSync(path.join(WEB_DIST, firstScript));

    const br = await rawGet(t.baseUrl, firstScript, 'gzip, deflate, br');
    expect([br.status, br.headers['content-encoding']]).toEqual([200, 'br']);
    expect(brotliDecompressSync(br.body).equals(original)).toBe(true);
    expect(br.body.length).toBeLessThan(original.length * 0.4);

    const gzip = await rawGet(t.baseUrl, firstScript, 'gzip');
    expect([gzip.status, gzip.headers['content-encoding']]).toEqual([200, 'gzip']);
    expect(gunzipSync(gzip.body).equals(original)).toBe(true);

    const plain = await rawGet(t.baseUrl, firstScript, null);
    expect([plain.status, plain.headers['content-encoding']]).toEqual([200, undefined]);
    expect(plain.body.equals(original)).toBe(true);

    for (const answer of [br, gzip, plain]) {
      expect(answer.headers['content-type']).toMatch(/^(text|application)\/javascript/);
      expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(answer.headers['vary']).toMatch(/Accept-Encoding/i);
    }
  });

  it('keeps the page itself revalidated, so a new release is picked up', async () => {
    for (const encoding of ['br', 'gzip', null]) {
      const page = await rawGet(t.baseUrl, '/', encoding);
      expect(page.status).toBe(200);
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.headers['content-type']).toMatch(/^text\/html/);
    }
  });

  it('compresses a large API read and leaves a small one alone', async () => {
    const large = await rawGet(t.baseUrl, '/api/docs/openapi.json', 'gzip');
    expect(large.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(large.body).toString('utf8'))).toHaveProperty('paths');
    const small = await rawGet(t.baseUrl, '/api/health', 'gzip, br');
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('gives a phone that takes brotli the same JSON in brotli, with its length, type and caching right', async () => {
    const plain = await rawGet(t.baseUrl, '/api/docs/openapi.json', null);
    expect(plain.headers['content-encoding']).toBeUndefined();
    for (const [accept, encoding, decode] of [
      ['gzip, deflate, br, zstd', 'br', brotliDecompressSync],
      ['gzip', 'gzip', gunzipSync],
    ] as const) {
      const answer = await rawGet(t.baseUrl, '/api/docs/openapi.json', accept);
      expect([answer.status, answer.headers['content-encoding']]).toEqual([200, encoding]);
      expect(answer.headers['content-type']).toBe(plain.headers['content-type']);
      expect(answer.headers['vary']).toMatch(/accept-encoding/i);
      expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
      expect(answer.body.length).toBeLessThan(plain.body.length / 3);
      expect(decode(answer.body).equals(plain.body)).toBe(true);
      // Asked again with the validator it was given: not modified, nothing sent.
      const again = await new Promise<number>((resolve, reject) =>
        http.get(`${t.baseUrl}/api/docs/openapi.json`, { headers: { 'accept-encoding': accept, 'if-none-match': String(answer.headers['etag']) } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        }).on('error', reject),
      );
      expect(again).toBe(304);
    }
  });
});
