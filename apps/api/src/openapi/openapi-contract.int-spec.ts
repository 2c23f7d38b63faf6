/**
 * The OpenAPI document as a client developer reads it: it passes the spectral:oas ruleset, every
 * response has a type, every error is an ErrorBody documented on the routes that can answer it,
 * and the session cookie and CSRF header are declared where they are needed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { RequestMethod } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA } from '@nestjs/common/constants.js';
import type { YishiApp } from '../app.factory';
import type { OpenAPIObject, OperationObject, ParameterObject, ReferenceObject, ResponseObject, SchemaObject } from '@nestjs/swagger';
import { CSRF_HEADER, ERROR_CODES, PASSWORD_PROBLEMS, REFUSAL_REASONS, SESSION_COOKIE } from '@yishi/contracts';
import type { ErrorCode } from '@yishi/contracts';
import { API_PREFIX, buildOpenApiDocument, createApp } from '../app.factory';
import { loadEnv } from '../config/env';
import { statusForCode } from '../common/error-status';
import { TEST_SECRET } from '../../test/test-app';
import { apiRoutes } from './contract';

const ROOT = path.resolve(__dirname, '../../../..');
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

interface Finding {
  code: string | number;
  path: string[];
  message: string;
  severity: number;
}

function operations(document: OpenAPIObject): { key: string; method: string; path: string; operation: OperationObject }[] {
  return Object.entries(document.paths).flatMap(([p, item]) =>
    METHODS.flatMap((method) => {
      const operation = item[method];
      return operation ? [{ key: `${method.toUpperCase()} ${p}`, method: method.toUpperCase(), path: p, operation }] : [];
    }),
  );
}

/** Every schema object under `value`, with where it sits. */
function schemas(value: unknown, at: string, found: { at: string; schema: SchemaObject }[] = []): { at: string; schema: SchemaObject }[] {
  if (!value || typeof value !== 'object') return found;
  if (Array.isArray(value)) {
    value.forEach((v, i) => schemas(v, `${at}[${i}]`, found));
    return found;
  }
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const here = `${at}.${key}`;
    if (!child || typeof child !== 'object') continue;
    if (key === 'schema' || key === 'items' || (key === 'additionalProperties' && !Array.isArray(child)) || /\.(properties|schemas)$/.test(at)) {
      found.push({ at: here, schema: child });
    }
    schemas(child, here, found);
  }
  return found;
}

function isRef(value: unknown): value is ReferenceObject {
  return typeof value === 'object' && value !== null && '$ref' in value;
}

describe('the OpenAPI document a client developer reads', () => {
  let app: YishiApp;
  let document: OpenAPIObject;

  beforeAll(async () => {
    const env = { ...loadEnv({}), LOG_LEVEL: 'silent' as const };
    app = await createApp({ env, databaseUrl: 'postgres://unused/unused', withoutDatabase: true, secret: TEST_SECRET });
    await app.init();
    document = buildOpenApiDocument(app);
  });
  afterAll(() => app.close());

  it('passes spectral lint with the spectral:oas ruleset (.spectral.yaml): no error, no warning', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-openapi-'));
    try {
      const input = path.join(folder, 'openapi.json');
      const output = path.join(folder, 'findings.json');
      fs.writeFileSync(input, JSON.stringify(document));
      const cli = require.resolve('@stoplight/spectral-cli/dist/index.js');
      const run = spawnSync(process.execPath, [cli, 'lint', input, '--ruleset', path.join(ROOT, '.spectral.yaml'), '--format', 'json', '--output', output, '--fail-severity', 'hint'], {
        encoding: 'utf8',
        timeout: 50_000,
      });
      if (!fs.existsSync(output)) throw new Error(`spectral did not run (status ${String(run.status)}): ${run.stderr || run.stdout}`);
      const findings = JSON.parse(fs.readFileSync(output, 'utf8')) as Finding[];
      const readable = findings.filter((f) => f.severity <= 1).map((f) => `${['error', 'warning'][f.severity]} ${String(f.code)} at ${f.path.join('.')}: ${f.message}`);
      expect(readable).toEqual([]);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('types every response: no bare object, arrays with items, a body type for every answer that has one', () => {
    const problems: string[] = [];
    for (const { at, schema } of schemas(document, '')) {
      if (isRef(schema) || schema.allOf || schema.oneOf || schema.anyOf) continue;
      if (Object.keys(schema).length === 0) problems.push(`${at}: an empty schema`);
      if (schema.type === 'object' && !schema.properties && !schema.additionalProperties) problems.push(`${at}: a bare object`);
      if (schema.type === 'array' && !schema.items) problems.push(`${at}: an array without items`);
      if (!schema.type && !schema.enum && Object.keys(schema).some((k) => k !== 'description' && k !== 'nullable')) problems.push(`${at}: no type`);
    }
    for (const { key, operation } of operations(document)) {
      for (const [status, response] of Object.entries(operation.responses)) {
        if (status === '204' || status.startsWith('3') || isRef(response)) continue; // no content; a redirect's body is not for reading
        const content = (response as ResponseObject).content;
        if (!content || Object.values(content).some((media) => !media.schema)) problems.push(`${key} ${status}: no body type`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('documents the success status each route answers with', () => {
    const wrong: string[] = [];
    for (const route of apiRoutes(app, API_PREFIX)) {
      const handler = route.handler;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod;
      const sent = (Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined) ?? (method === RequestMethod.POST ? 201 : 200);
      const operation = document.paths[route.path]?.[route.method.toLowerCase() as 'get'];
      const documented = Object.keys(operation?.responses ?? {}).filter((s) => s.startsWith(String(sent)[0]!));
      if (documented.join() !== String(sent)) wrong.push(`${route.method} ${route.path}: sends ${sent}, documents ${documented.join(', ') || 'nothing'}`);
    }
    expect(wrong).toEqual([]);
  });

  it('declares the session cookie and the CSRF header, and requires them where the access guard does', () => {
    const schemes = document.components?.securitySchemes ?? {};
    expect(schemes['sessionCookie']).toMatchObject({ type: 'apiKey', in: 'cookie', name: SESSION_COOKIE });
    expect(schemes['csrfToken']).toMatchObject({ type: 'apiKey', in: 'header' });
    expect((schemes['csrfToken'] as { name: string }).name.toLowerCase()).toBe(CSRF_HEADER);

    const routes = apiRoutes(app, API_PREFIX);
    expect(routes.length).toBe(operations(document).length);
    const security = (r: (typeof routes)[number]) => document.paths[r.path]?.[r.method.toLowerCase() as 'get']?.security;
    const login = routes.find((r) => r.path === '/api/auth/login')!;
    expect(security(login)).toEqual([]);
    const castBallot = routes.find((r) => r.path === '/api/votes/{id}/ballots')!;
    expect(security(castBallot)).toEqual([{ sessionCookie: [], csrfToken: [] }]);
    const board = routes.find((r) => r.path === '/api/votes/{id}/board')!;
    expect(security(board)).toEqual([{ sessionCookie: [] }]);
    for (const route of routes) {
      const expected = route.rule?.kind === 'public' ? [] : route.method === 'GET' ? [{ sessionCookie: [] }] : [{ sessionCookie: [], csrfToken: [] }];
      expect({ route: `${route.method} ${route.path}`, security: security(route) }).toEqual({ route: `${route.method} ${route.path}`, security: expected });
    }
  });

  it('has one ErrorBody schema with every error code, and every error response refers to it', () => {
    const errorBody = document.components?.schemas?.['ErrorBody'] as SchemaObject;
    expect(errorBody.required).toEqual(['code', 'message', 'details']);
    expect(document.components?.schemas?.['ErrorCode']).toMatchObject({ type: 'string', enum: [...ERROR_CODES] });
    for (const { key, operation } of operations(document)) {
      const errors = Object.entries(operation.responses).filter(([status]) => Number(status) >= 400);
      // Only a public route that takes nothing has no error of its own to document.
      const takesNothing = operation.security?.length === 0 && !operation.requestBody && !operation.parameters?.length;
      expect({ key, documentsErrors: errors.length > 0 || takesNothing }).toEqual({ key, documentsErrors: true });
      for (const [status, response] of errors) {
        expect({ key, status, content: (response as ResponseObject).content }).toEqual({
          key,
          status,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
        });
      }
    }
  });

  it('carries the refusal reasons as the RefusalReason enum, which details.reason of an ErrorBody refers to', () => {
    expect(document.components?.schemas?.['RefusalReason']).toMatchObject({ type: 'string', enum: [...REFUSAL_REASONS] });
    expect(document.components?.schemas?.['PasswordProblem']).toMatchObject({ type: 'string', enum: [...PASSWORD_PROBLEMS] });
    const details = (document.components?.schemas?.['ErrorBody'] as SchemaObject).properties?.['details'] as SchemaObject;
    expect(details.properties?.['reason']).toMatchObject({ anyOf: [{ $ref: '#/components/schemas/RefusalReason' }, { $ref: '#/components/schemas/PasswordProblem' }] });
    expect(details.properties?.['rule']).toMatchObject({ allOf: [{ $ref: '#/components/schemas/RefusalReason' }] });
  });

  it('documents the 4xx each route can answer: by its access rule, its input, and what its service throws', () => {
    const statuses = (key: string): string[] => {
      const [method, p] = key.split(' ');
      return Object.keys(document.paths[p!]![method!.toLowerCase() as 'get']!.responses).filter((s) => s >= '400');
    };
    const described = (key: string, status: number): string => {
      const [method, p] = key.split(' ');
      return (document.paths[p!]![method!.toLowerCase() as 'get']!.responses[String(status)] as ResponseObject).description;
    };
    // Public, no input: nothing a well-formed call can get wrong.
    expect(statuses('GET /api/organizations/tree')).toEqual([]);
    // Public with a body: sign-in's own failures and its rate limit.
    expect(statuses('POST /api/auth/login')).toEqual(['400', '401', '403', '413', '429']);
    expect(described('POST /api/auth/login', 401)).toContain('`INVALID_CREDENTIALS`');
    expect(described('POST /api/auth/login', 403)).toContain('`ACCOUNT_DISABLED`');
    expect(document.paths['/api/auth/login']!.post!.responses['429']).toMatchObject({ headers: { 'Retry-After': { schema: { type: 'integer' } } } });
    // Signed in, a write with a body: 401 without a session, 403 without the CSRF header.
    expect(statuses('POST /api/me/invitations')).toEqual(['400', '401', '403', '409', '413', '429']);
    expect(described('POST /api/me/invitations', 403)).toContain('`CSRF_FAILED`');
    // A permission on a thing named in the path: 403 and 404; a state that forbids it: 409.
    expect(statuses('GET /api/votes/{id}/result')).toEqual(['400', '401', '403', '404', '409']);
    expect(described('GET /api/votes/{id}/result', 403)).toBe('`FORBIDDEN`: the caller’s roles do not allow this here (`details.reason` may say why).');
    expect(described('GET /api/votes/{id}/result', 404)).toContain('`NOT_FOUND`');
    // A roll import: its own codes, each under the status the exception filter gives it.
    expect(described('POST /api/units/{unitId}/roll/imports', 400)).toContain('`ROLL_FILE_UNREADABLE`');
    expect(described('POST /api/units/{unitId}/roll/imports', 415)).toContain('`UNSUPPORTED_MEDIA_TYPE`');
    expect(described('POST /api/units/{unitId}/roll/imports/{importId}/commit', statusForCode('ROLL_CHANGED'))).toContain('`ROLL_CHANGED`');
    // Health: 503 is an ErrorBody too (the exception filter wraps the health report in details).
    expect(described('GET /api/health', 503)).toContain('`SERVICE_UNAVAILABLE`');

    const codesIn = (text: string): ErrorCode[] => ERROR_CODES.filter((code) => text.includes(`\`${code}\``));
    for (const { key, operation } of operations(document)) {
      for (const [status, response] of Object.entries(operation.responses).filter(([s]) => s >= '400')) {
        const codes = codesIn((response as ResponseObject).description);
        expect({ key, status, codes: codes.length > 0, statuses: codes.map(statusForCode) }).toEqual({ key, status, codes: true, statuses: codes.map(() => Number(status)) });
      }
      const parameters = (operation.parameters ?? []) as ParameterObject[];
      if (parameters.some((p) => p.in === 'path')) expect({ key, has404: '404' in operation.responses }).toEqual({ key, has404: true });
      if (operation.requestBody) expect({ key, has400: '400' in operation.responses }).toEqual({ key, has400: true });
    }
  });

  it('answers an anonymous caller 401 UNAUTHENTICATED on every non-public route, as each documents', async () => {
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    const mismatches: string[] = [];
    for (const { key, method, path: p, operation } of operations(document)) {
      if (operation.security?.length === 0) continue; // public: answers anyone (and may touch the database, which this app has not)
      const url = `http://127.0.0.1:${port}${p.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000001')}`;
      const res = await fetch(url, { method, headers: { 'content-type': 'application/json' }, body: method === 'GET' ? undefined : '{}' });
      const body = (await res.json()) as { code?: string };
      const documented = (operation.responses['401'] as ResponseObject | undefined)?.description ?? '';
      if (res.status !== 401 || body.code !== 'UNAUTHENTICATED' || !documented.includes('`UNAUTHENTICATED`')) {
        mismatches.push(`${key}: answered ${res.status} ${String(body.code)}, documents ${documented || 'no 401'}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('names every enum: a client gets a type for each set of values', () => {
    const inline = schemas(document.components?.schemas, 'components.schemas')
      .filter(({ at, schema }) => schema.enum && !/^components\.schemas\.[^.]+$/.test(at))
      .map(({ at }) => at);
    for (const { key, operation } of operations(document)) {
      for (const p of (operation.parameters ?? []) as ParameterObject[]) {
        if (p.schema && !isRef(p.schema) && p.schema.enum) inline.push(`${key} ${p.in} ${p.name}`);
      }
    }
    expect(inline).toEqual([]);
  });
});
