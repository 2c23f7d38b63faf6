/**
 * Bad input never gets a 5xx. Every operation of the OpenAPI document the app builds is sent a
 * fixed set of malformed variants — wrong types, nulls, 1 MB strings, deep nesting, lone
 * surrogates, NUL and other control characters, zero-width and right-to-left marks, huge and
 * negative numbers, extra fields, the wrong content type, an empty body, repeated and nested query
 * parameters, bad path parameters, a URL too long to read — as an anonymous visitor, a resident
 * and street staff, on the demo street (so the path parameters name real things, and a request
 * gets past the permission check to validation and the service). Each answer must be below 500,
 * and each 4xx must be the `{ code, message, details }` envelope with a known code.
 *
 * Then the cases the fuzz first found, one by one, with what a person would notice: the field
 * named, and nothing already saved lost.
 */
import type { OpenAPIObject } from '@nestjs/swagger';
import type { ErrorBody } from '@yishi/contracts';
import { CSRF_HEADER, ERROR_CODES, SESSION_COOKIE } from '@yishi/contracts';
import { randomUUID } from 'node:crypto';
import type { TestApp } from '../test/test-app';
import { startTestApp } from '../test/test-app';
import { buildOpenApiDocument } from './app.factory';
import { DEMO_PASSWORD } from './seed/demo-data';
import { seedDemoData } from './seed/seed-demo';

interface Caller {
  name: string;
  cookie: string | null;
  csrf: string | null;
}

interface Attempt {
  variant: string;
  method: string;
  path: string;
  query?: string;
  body?: string | Buffer;
  contentType?: string;
}

interface Outcome {
  status: number;
  contentType: string;
  text: string;
}

type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
};

interface Operation {
  method: string;
  template: string;
  parameters: { name: string; in: string; schema?: Schema }[];
  jsonBody: Schema | null;
  /** The operation takes a body of another kind (a multipart upload). */
  otherBody: boolean;
}

/**
 * `edge`: refused before anyone is asked who they are (the body parser, the text rule), so one
 * caller per operation is enough, taken in turn. `service`: gets past the sign-in and permission
 * checks to validation and the service, so it goes as each caller who gets that far.
 */
type Reach = 'edge' | 'service';

const KNOWN_CODES: readonly string[] = ERROR_CODES;
const CONCURRENCY = 6;

async function signIn(baseUrl: string, phone: string, name: string): Promise<Caller> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${phone} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => new RegExp(`^${SESSION_COOKIE}=([^;]+)`).exec(c)?.[1])
    .find(Boolean);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { name, cookie: cookie ?? null, csrf: csrfToken };
}

async function send(baseUrl: string, caller: Caller, attempt: Attempt): Promise<Outcome> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (caller.cookie) headers['cookie'] = `${SESSION_COOKIE}=${caller.cookie}`;
  if (caller.csrf && attempt.method !== 'GET') headers[CSRF_HEADER] = caller.csrf;
  if (attempt.contentType) headers['content-type'] = attempt.contentType;
  const url = `${baseUrl}${attempt.path}${attempt.query ? `?${attempt.query}` : ''}`;
  const hasBody = attempt.body !== undefined && attempt.method !== 'GET' && attempt.method !== 'HEAD';
  const res = await fetch(url, { method: attempt.method, headers, body: hasBody ? attempt.body : undefined });
  const contentType = res.headers.get('content-type') ?? '';
  // An event stream (a session being watched) never ends: its answer is its status and type.
  if (contentType.startsWith('text/event-stream')) {
    await res.body?.cancel();
    return { status: res.status, contentType, text: '' };
  }
  return { status: res.status, contentType, text: await res.text() };
}

/** What is wrong with an answer, or null when it is a fine refusal (or a success). */
function problemWith(outcome: Outcome): string | null {
  if (outcome.status >= 500) return `${outcome.status} ${outcome.text.slice(0, 200)}`;
  if (outcome.status < 400) return null;
  if (!outcome.contentType.includes('application/json')) return `${outcome.status} without the JSON envelope (${outcome.contentType || 'no content type'}): ${outcome.text.slice(0, 80)}`;
  let body: Partial<ErrorBody>;
  try {
    body = JSON.parse(outcome.text) as Partial<ErrorBody>;
  } catch {
    return `${outcome.status} with a body that is not JSON`;
  }
  if (typeof body.code !== 'string' || !KNOWN_CODES.includes(body.code)) return `${outcome.status} with an unknown code ${JSON.stringify(body.code)}`;
  if (typeof body.message !== 'string' || !body.message.trim()) return `${outcome.status} ${body.code} without a message`;
  if (!('details' in body) || (body.details !== null && (typeof body.details !== 'object' || Array.isArray(body.details)))) {
    return `${outcome.status} ${body.code} without details (null or an object)`;
  }
  return null;
}

function operations(document: OpenAPIObject): Operation[] {
  const found: Operation[] = [];
  for (const [template, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const op = item[method];
      if (!op) continue;
      const content = (op.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined)?.content ?? {};
      found.push({
        method: method.toUpperCase(),
        template,
        parameters: (op.parameters ?? []) as Operation['parameters'],
        jsonBody: content['application/json']?.schema ?? null,
        otherBody: Object.keys(content).some((type) => type !== 'application/json'),
      });
    }
  }
  return found;
}

/** A plausible value for a schema: the variants below break it one way at a time. */
function sample(document: OpenAPIObject, schema: Schema | undefined, depth = 0): unknown {
  if (!schema || depth > 6) return 'x';
  if (schema.$ref) return sample(document, resolve(document, schema), depth + 1);
  const union = schema.allOf ?? schema.oneOf ?? schema.anyOf;
  if (union?.[0]) return sample(document, union[0], depth + 1);
  if (schema.enum?.length) return schema.enum[0];
  switch (schema.type) {
    case 'string':
      if (schema.format === 'uuid') return randomUUID();
      if (schema.format === 'date-time') return new Date(Date.now() + 7 * 86_400_000).toISOString();
      if (schema.format === 'date') return new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
      return '测试内容';
    case 'number':
    case 'integer':
      return 1;
    case 'boolean':
      return true;
    case 'array':
      return [sample(document, schema.items, depth + 1)];
    default:
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, value]) => [key, sample(document, value, depth + 1)]));
  }
}

function resolve(document: OpenAPIObject, schema: Schema): Schema {
  const name = schema.$ref!.replace('#/components/schemas/', '');
  return (document.components?.schemas?.[name] ?? {}) as Schema;
}

/** The value with every string (keys aside) replaced. */
function mapStrings(value: unknown, replace: (text: string) => unknown): unknown {
  if (typeof value === 'string') return replace(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, replace));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, replace)]));
  return value;
}

function mapNumbers(value: unknown, replace: (n: number) => unknown): unknown {
  if (typeof value === 'number') return replace(value);
  if (Array.isArray(value)) return value.map((v) => mapNumbers(v, replace));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapNumbers(v, replace)]));
  return value;
}

function mapArrays(value: unknown, replace: (a: unknown[]) => unknown): unknown {
  if (Array.isArray(value)) return replace(value.map((v) => mapArrays(v, replace)));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapArrays(v, replace)]));
  return value;
}

/** Replaces each array not inside another array (its items keep their own arrays as they are). */
function mapOuterArrays(value: unknown, replace: (a: unknown[]) => unknown): unknown {
  if (Array.isArray(value)) return replace(value);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapOuterArrays(v, replace)]));
  return value;
}

function wrongType(value: unknown): unknown {
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number') return '十二';
  if (typeof value === 'boolean') return 'yes';
  if (Array.isArray(value)) return { 0: (value as unknown[])[0] ?? 'x' };
  if (value && typeof value === 'object') return 'x';
  return {};
}

const MEGABYTE_TEXT = '议'.repeat(350_000); // ~1 MB in UTF-8
const DEEP_OBJECT = `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`;
const DEEP_ARRAY = `${'['.repeat(3000)}${']'.repeat(3000)}`;

/** Malformed JSON bodies for an operation, built from its schema. */
function bodyVariants(document: OpenAPIObject, schema: Schema): { variant: string; reach: Reach; body: string | Buffer; contentType?: string }[] {
  const base = sample(document, schema);
  const object = base && typeof base === 'object' && !Array.isArray(base) ? (base as Record<string, unknown>) : {};
  const json = (value: unknown): string => JSON.stringify(value);
  return [
    { variant: 'every field null', reach: 'service', body: json(Object.fromEntries(Object.keys(object).map((k) => [k, null]))) },
    { variant: 'every field of the wrong type', reach: 'service', body: json(Object.fromEntries(Object.entries(object).map(([k, v]) => [k, wrongType(v)]))) },
    { variant: 'lone surrogate in every text', reach: 'service', body: json(mapStrings(base, (s) => `\ud800备注${s}`)) },
    { variant: 'NUL in every text', reach: 'service', body: json(mapStrings(base, (s) => `标题\u0000${s}`)) },
    { variant: 'control characters in every text', reach: 'service', body: json(mapStrings(base, (s) => `${s}\u0007\u001b[2J\u0085\u009b`)) },
    { variant: 'zero-width and right-to-left marks in every text', reach: 'service', body: json(mapStrings(base, (s) => `\u200b\u202e${s}\u2066\u200f\ufeff`)) },
    { variant: 'every text blank', reach: 'service', body: json(mapStrings(base, () => '   ')) },
    { variant: 'huge numbers', reach: 'service', body: json(mapNumbers(base, () => 1e308)) },
    { variant: 'numbers beyond JSON doubles', reach: 'service', body: json(mapNumbers(base, () => 0)).replace(/(?<=[:[,])0(?=[,\]}])/g, '1e999') },
    { variant: 'negative and fractional numbers', reach: 'service', body: json(mapNumbers(base, () => -2147483649.5)) },
    { variant: 'arrays of arrays', reach: 'service', body: json(mapArrays(base, (a) => [a, a])) },
    // Each outermost array 5,000 long; arrays inside them keep their length — 5,000 matters of 5,000 candidates each would be a body of
    // gigabytes, which is the body limit's test (answered 413 while the client is still writing), not the validators'.
    { variant: 'huge arrays', reach: 'service', body: json(mapOuterArrays(base, (a) => Array.from({ length: 5000 }, () => a[0] ?? 1))) },
    { variant: 'extra fields', reach: 'service', body: `{${json(object).slice(1, -1)}${Object.keys(object).length ? ',' : ''}"unexpected":1,"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}` },
    { variant: 'a top-level array', reach: 'edge', body: '[{}]' },
    { variant: 'a top-level string', reach: 'edge', body: '"测试"' },
    { variant: 'a top-level null', reach: 'edge', body: 'null' },
    { variant: 'JSON nested 3,000 levels deep', reach: 'edge', body: DEEP_OBJECT },
    { variant: 'arrays nested 3,000 levels deep', reach: 'edge', body: DEEP_ARRAY },
    { variant: 'truncated JSON', reach: 'edge', body: json(base).slice(0, -1) },
    { variant: 'an empty body', reach: 'edge', body: '' },
    { variant: 'invalid UTF-8', reach: 'edge', body: Buffer.concat([Buffer.from('{"title":"'), Buffer.from([0xed, 0xa0, 0x80, 0xff]), Buffer.from('"}')]) },
    { variant: 'the wrong content type (text)', reach: 'edge', body: json(base), contentType: 'text/plain' },
    { variant: 'the wrong content type (form)', reach: 'edge', body: 'title=x&reason=y', contentType: 'application/x-www-form-urlencoded' },
    { variant: 'JSON in another charset', reach: 'edge', body: json(base), contentType: 'application/json; charset=latin1' },
  ];
}

/** Malformed query strings: for each declared parameter, and an undeclared one. */
function queryVariants(names: string[]): { variant: string; reach: Reach; query: string }[] {
  const all = names.length ? names : ['unexpected'];
  const every = (value: string): string => all.map((name) => `${name}=${value}`).join('&');
  return [
    { variant: 'repeated query parameters', reach: 'edge', query: all.map((name) => `${name}=a&${name}=b`).join('&') },
    { variant: 'nested query parameters', reach: 'edge', query: all.map((name) => `${name}[a][b]=1`).join('&') },
    { variant: 'NUL in the query', reach: 'edge', query: every('a%00b') },
    { variant: 'control characters in the query', reach: 'edge', query: every('%07%1B%C2%85') },
    { variant: 'right-to-left override in the query', reach: 'edge', query: every('%E2%80%AEabc%E2%80%8B') },
    { variant: 'an encoded lone surrogate in the query', reach: 'edge', query: every('%ED%A0%80') },
    { variant: 'invalid UTF-8 in the query', reach: 'edge', query: every('%FF%FE') },
    { variant: 'a broken percent escape in the query', reach: 'edge', query: every('%E4%B8') },
    { variant: 'huge numbers in the query', reach: 'service', query: every('1e309') },
    { variant: 'negative numbers in the query', reach: 'service', query: every('-99999999999999999999') },
    { variant: 'words for numbers in the query', reach: 'service', query: every('NaN') },
    { variant: 'an empty query value', reach: 'service', query: every('') },
  ];
}

const BAD_PATH_VALUES: [string, string][] = [
  ['not an id', 'not-an-id'],
  ['NUL in the path', 'a%00b'],
  ['a huge number in the path', '99999999999999999999999'],
  ['a negative number in the path', '-1'],
];

describe('malformed input of every kind, on every operation, never gets a 5xx', () => {
  let t: TestApp;
  let document: OpenAPIObject;
  let ids: Record<string, string>;
  let callers: Caller[];

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.app);
    document = buildOpenApiDocument(t.app);
    const one = async (sql: string): Promise<string> => ((await t.dataSource.query<{ id: string }[]>(sql))[0]?.id ?? randomUUID());
    // Real things of the demo street, by the path segment that names them.
    ids = {
      units: await one(`SELECT id FROM org_node WHERE name = '御水岸'`),
      nodes: await one(`SELECT id FROM org_node WHERE name = '御水岸'`),
      consultations: await one(`SELECT id FROM consultation ORDER BY created_at LIMIT 1`),
      votes: await one(`SELECT id FROM vote WHERE status = 'open' ORDER BY created_at LIMIT 1`),
      comments: await one(`SELECT id FROM comment ORDER BY created_at LIMIT 1`),
      briefings: await one(`SELECT id FROM briefing ORDER BY created_at LIMIT 1`),
      topics: await one(`SELECT id FROM topic ORDER BY created_at LIMIT 1`),
      // The tenant's grant: the callers below keep theirs whatever happens to it.
      roles: await one(`SELECT g.id FROM role_grant g JOIN app_user u ON u.id = g.user_id WHERE u.phone = '13800000014' LIMIT 1`),
      versions: '1',
      papers: '1',
    };
    callers = [
      { name: 'anonymous', cookie: null, csrf: null },
      await signIn(t.baseUrl, '13800000012', 'resident'),
      await signIn(t.baseUrl, '13800000002', 'street staff'),
    ];
  });
  afterAll(() => t.close());

  /** The path with each parameter named by what precedes it, or one bad value in all of them. */
  function fill(template: string, bad?: string): string {
    const segments = template.split('/');
    return segments
      .map((segment, i) => {
        if (!/^\{\w+\}$/.test(segment)) return segment;
        if (bad !== undefined) return bad;
        return ids[segments[i - 1] ?? ''] ?? randomUUID();
      })
      .join('/');
  }

  /**
   * The attempts on one operation, each with who sends it: `service` variants as every caller
   * who gets past sign-in on this operation, `edge` variants as one caller, taken in turn.
   */
  function plan(op: Operation, opIndex: number, reaching: Caller[]): { caller: Caller; attempt: Attempt }[] {
    const path = fill(op.template);
    const planned: { caller: Caller; attempt: Attempt }[] = [];
    let turn = opIndex;
    const add = (reach: Reach, attempt: Attempt): void => {
      if (reach === 'service') for (const caller of reaching) planned.push({ caller, attempt });
      else planned.push({ caller: callers[turn++ % callers.length]!, attempt });
    };
    const queryNames = op.parameters.filter((p) => p.in === 'query').map((p) => p.name);
    if (queryNames.length) {
      for (const { variant, reach, query } of queryVariants(queryNames)) add(reach, { variant, method: op.method, path, query });
    } else {
      // An undeclared parameter is ignored by the route, so it goes malformed in itself.
      add('edge', { variant: 'NUL in an undeclared query parameter', method: op.method, path, query: 'unexpected=a%00b' });
    }
    if (op.template.includes('{')) {
      // Path parameters are read after sign-in, alike for everyone signed in: one of them each.
      const signedIn = reaching.filter((c) => c.cookie);
      for (const [i, [variant, value]] of BAD_PATH_VALUES.entries()) {
        const attempt = { variant, method: op.method, path: fill(op.template, value) };
        if (signedIn.length) planned.push({ caller: signedIn[(opIndex + i) % signedIn.length]!, attempt });
        else add('edge', attempt);
      }
    }
    add('edge', { variant: 'a URL over 16 KB', method: op.method, path, query: `q=${'x'.repeat(17_000)}` });
    if (op.jsonBody) {
      for (const { variant, reach, body, contentType } of bodyVariants(document, op.jsonBody)) {
        add(reach, { variant, method: op.method, path, body, contentType: contentType ?? 'application/json' });
      }
      add('edge', { variant: '1 MB strings', method: op.method, path, body: JSON.stringify(mapStrings(sample(document, op.jsonBody), () => MEGABYTE_TEXT)), contentType: 'application/json' });
    } else if (!op.otherBody && op.method !== 'GET' && op.method !== 'DELETE') {
      add('edge', { variant: 'a body nobody asked for, nested 3,000 levels deep', method: op.method, path, body: DEEP_OBJECT, contentType: 'application/json' });
    }
    return planned;
  }

  /** A JSON request as street staff (who may do everything on the demo street). */
  async function asStaff(method: string, path: string, body?: unknown): Promise<{ status: number; body: ErrorBody & Record<string, unknown> }> {
    const outcome = await send(t.baseUrl, callers[2]!, { variant: 'case', method, path, body: body === undefined ? undefined : JSON.stringify(body), contentType: 'application/json' });
    expect(problemWith(outcome)).toBeNull();
    return { status: outcome.status, body: JSON.parse(outcome.text || 'null') as ErrorBody & Record<string, unknown> };
  }

  const fieldsOf = (body: ErrorBody): string[] => ((body.details?.['fields'] as { field: string }[] | undefined) ?? []).map((f) => f.field);

  it('refuses JSON nested 3,000 levels deep before anything reads it, even from an anonymous caller', async () => {
    const outcome = await send(t.baseUrl, callers[0]!, { variant: 'case', method: 'POST', path: '/api/auth/login', body: DEEP_OBJECT, contentType: 'application/json' });
    expect([outcome.status, JSON.parse(outcome.text)]).toEqual([400, { code: 'MALFORMED_REQUEST', message: expect.stringContaining('nested') as unknown, details: { maxDepth: 32 } }]);
  });

  it('refuses a lone surrogate and a NUL in free text, naming the field, and keeps what was saved', async () => {
    const id = ids['consultations']!;
    const before = (await asStaff('GET', `/api/consultations/${id}`)).body;
    const surrogate = await asStaff('PATCH', `/api/consultations/${id}`, { summary: '\ud800备注' });
    expect([surrogate.status, surrogate.body.code, fieldsOf(surrogate.body)]).toEqual([400, 'VALIDATION_FAILED', ['summary']]);
    const nul = await asStaff('PATCH', `/api/consultations/${id}`, { title: '标题\u0000' });
    expect([nul.status, nul.body.code, fieldsOf(nul.body)]).toEqual([400, 'VALIDATION_FAILED', ['title']]);
    const cancel = await asStaff('POST', `/api/votes/${ids['votes']!}/cancel`, { reason: '\ud800取消' });
    expect([cancel.status, fieldsOf(cancel.body)]).toEqual([400, ['reason']]);
    const after = (await asStaff('GET', `/api/consultations/${id}`)).body;
    expect([after['title'], after['summary']]).toEqual([before['title'], before['summary']]);
    expect((await asStaff('GET', `/api/votes/${ids['votes']!}`)).body['status']).toBe('open');
  });

  it('refuses null where a field may only be left out: the title of a consultation, the reason to show a comment again', async () => {
    const id = ids['consultations']!;
    const title = (await asStaff('GET', `/api/consultations/${id}`)).body['title'];
    const patch = await asStaff('PATCH', `/api/consultations/${id}`, { title: null });
    expect([patch.status, patch.body.code, fieldsOf(patch.body)]).toEqual([400, 'VALIDATION_FAILED', ['title']]);
    expect((await asStaff('GET', `/api/consultations/${id}`)).body['title']).toBe(title);
    const unhide = await asStaff('POST', `/api/comments/${ids['comments']!}/unhide`, { reason: null });
    expect([unhide.status, unhide.body.code, fieldsOf(unhide.body)]).toEqual([400, 'VALIDATION_FAILED', ['reason']]);
    const asResident = await send(t.baseUrl, callers[1]!, { variant: 'case', method: 'POST', path: `/api/comments/${ids['comments']!}/unhide`, body: '{"reason":null}', contentType: 'application/json' });
    expect(problemWith(asResident)).toBeNull();
    expect(asResident.status).toBeGreaterThanOrEqual(400);
  });

  it('refuses clauses sent as arrays of arrays, and leaves the draft as it was', async () => {
    const id = ids['consultations']!;
    const created = await asStaff('POST', `/api/consultations/${id}/versions`);
    expect(created.status).toBe(201);
    const number = created.body['number'] as number;
    const draft = (await asStaff('GET', `/api/consultations/${id}/versions/${number}`)).body;
    const clause = { body: '生活垃圾每周清运一次。' };
    const nested = await asStaff('PUT', `/api/consultations/${id}/versions/${number}`, { title: '草案', clauses: [[clause], [clause]] });
    expect([nested.status, nested.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(fieldsOf(nested.body)).toEqual(['clauses']);
    expect((await asStaff('GET', `/api/consultations/${id}/versions/${number}`)).body).toEqual(draft);
  });

  it('refuses repeated and NUL-bearing query parameters on the voter list, the papers and the print sheet', async () => {
    for (const path of [`/api/votes/${ids['votes']!}/voters`, `/api/votes/${ids['votes']!}/papers`, `/api/votes/${ids['votes']!}/papers/print`]) {
      for (const query of ['group=1%00', 'group=1&group=2']) {
        const outcome = await send(t.baseUrl, callers[2]!, { variant: 'case', method: 'GET', path, query });
        expect([path, query, outcome.status]).toEqual([path, query, 400]);
        expect(JSON.parse(outcome.text)).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [expect.objectContaining({ field: 'group' })] } });
      }
    }
  });

  it('answers a URL over 16 KB with 431 and the error envelope', async () => {
    const outcome = await send(t.baseUrl, callers[0]!, { variant: 'case', method: 'GET', path: '/api/health', query: `q=${'x'.repeat(17_000)}` });
    expect(outcome.status).toBe(431);
    expect(JSON.parse(outcome.text)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: null });
  });

  it('refuses a body sent as anything but JSON with 415', async () => {
    const outcome = await send(t.baseUrl, callers[2]!, { variant: 'case', method: 'PATCH', path: `/api/consultations/${ids['consultations']!}`, body: '{"title":"x"}', contentType: 'text/plain' });
    expect(outcome.status).toBe(415);
    expect(JSON.parse(outcome.text)).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('answers each variant with a 2xx or a 4xx envelope, never a 5xx', async () => {
    const ops = operations(document);
    expect(ops.length).toBeGreaterThan(80);
    // Signing out would end the callers' sessions half-way: those two go anonymous only.
    const endsSession = (op: Operation): boolean => /\/auth\/logout/.test(op.template);
    const queue: { caller: Caller; op: Operation; attempt: Attempt }[] = [];
    for (const [opIndex, op] of ops.entries()) {
      // Who gets past sign-in here: an anonymous caller only on the public operations.
      const anonymous = await send(t.baseUrl, callers[0]!, { variant: 'probe', method: op.method, path: fill(op.template) });
      const reaching = callers.filter((c) => (c.cookie ? !endsSession(op) : anonymous.status !== 401));
      for (const { caller, attempt } of plan(op, opIndex, reaching)) {
        if (caller.cookie && endsSession(op)) continue;
        queue.push({ caller, op, attempt });
      }
    }
    const problems: string[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < queue.length) {
          const { caller, op, attempt } = queue[next++]!;
          const outcome = await send(t.baseUrl, caller, attempt).catch((error: unknown): Outcome => ({ status: 599, contentType: '', text: `no answer: ${String(error)}` }));
          statuses.set(outcome.status, (statuses.get(outcome.status) ?? 0) + 1);
          const problem = problemWith(outcome);
          if (problem) problems.push(`${caller.name} ${op.method} ${op.template} [${attempt.variant}] → ${problem}`);
        }
      }),
    );
    expect(problems.sort()).toEqual([]);
    // The variants reached validation and the services, not only the sign-in wall.
    expect(statuses.get(400) ?? 0).toBeGreaterThan(queue.length / 2);
    expect(queue.length).toBeGreaterThan(2000);
    // Over two thousand requests: about 20 s on a quiet two-core machine, more when CI shares it.
  }, 180_000);
});
