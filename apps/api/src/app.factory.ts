import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { NestFactory } from '@nestjs/core';
import { PUBLIC_RESULT_ROUTE } from '@yishi/contracts';
import type { OpenAPIObject } from '@nestjs/swagger';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import helmet from 'helmet';
import type { AppOptions } from './app.module';
import { AppModule } from './app.module';
import { cacheControlFor, compressReadAnswers } from './common/compressed-responses';
import { normalisePublicToken } from '@yishi/contracts';
import type { Card } from './common/share-cards';
import { webClientPages } from './common/share-cards';
import { PublicResultsService } from './votes/results/public-results.service';
import { requestContext } from './common/request-context';
import { createLog, logRequests, NestLog } from './common/logger';
import { completeDocument, OPENAPI_TAGS } from './openapi/contract';
import { ErrorBody, FieldProblem } from './openapi/error-body.dto';
import { NO_INDEX } from './votes/results/public-results.controller';
import { answerClientErrorWithEnvelope, bodyLimitBytes, jsonBodyParser, malformedInput, refuseOtherMediaTypes } from './common/request-edge';

/** The API's HTTP application: NestJS on Fastify. */
export type YishiApp = NestFastifyApplication;

export const API_PREFIX = 'api';
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function buildOpenApiDocument(app: YishiApp): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Yishi (议事) API')
    .setDescription(
      'Community consultation and lawful voting. Every error is an `ErrorBody` `{ code, message, details }` with a stable `code`; ' +
        'each operation lists the codes it can answer. Sign in (POST /api/auth/login) to get the session cookie; every write through ' +
        'a session also sends its CSRF token in the X-CSRF-Token header.',
    )
    .setVersion('0.1.0')
    .addServer('/', 'This Yishi server (the paths include /api)');
  for (const [name, description] of OPENAPI_TAGS) builder.addTag(name, description);
  const document = SwaggerModule.createDocument(app, builder.build(), {
    operationIdFactory: (controllerKey, methodKey) => `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
    extraModels: [ErrorBody, FieldProblem],
  });
  return completeDocument(document, app, API_PREFIX);
}

/**
 * The security headers of every answer, worked out once: helmet's, with its CSP. Its settings
 * are all fixed (no nonces), so the headers are the same for every request.
 */
function headersOf(middleware: (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: unknown) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  middleware({} as IncomingMessage, res as unknown as ServerResponse, () => undefined);
  return headers;
}

const SECURITY_HEADERS = headersOf(
  helmet({
    contentSecurityPolicy: {
      directives: {
        // Swagger UI at /api/docs styles itself inline; scripts stay same-origin only.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        // Residents may open Yishi over plain http on a LAN address; do not rewrite to https.
        'upgrade-insecure-requests': null,
      },
    },
    crossOriginEmbedderPolicy: false,
    // Sent below, and only over HTTPS.
    strictTransportSecurity: false,
  }),
);

/**
 * HSTS only on a response that went out over HTTPS (TLS here, or a trusted proxy's
 * X-Forwarded-Proto). Browsers ignore it over plain HTTP anyway, and a LAN address served over
 * HTTP has no business announcing itself HTTPS-only.
 */
const HSTS = headersOf(helmet.strictTransportSecurity());

/** Trusts the nearest `hops` addresses of X-Forwarded-For (proxy-addr's hop index starts at 0, the socket's peer). */
function trustHops(hops: number): (address: string, hop: number) => boolean {
  return (_address, hop) => hop < hops;
}

/** Whether a request target is the public result pages' (/r, /r/<key>, with or without a query). */
function isPublicResultPage(url: string): boolean {
  if (!url.startsWith(PUBLIC_RESULT_ROUTE)) return false;
  const next = url.charAt(PUBLIC_RESULT_ROUTE.length);
  return next === '' || next === '/' || next === '?';
}

/** A published result's card: its place and title, and the verdict anyone holding the link may read. */
async function publicResultCard(app: YishiApp, typed: string): Promise<Card | null> {
  const token = normalisePublicToken(typed);
  if (!token) return null;
  const result = await app.get(PublicResultsService, { strict: false }).result(token);
  const verdict = result.assembly
    ? `${result.assembly.matters.length} 项事项中 ${result.assembly.matters.filter((m) => m.passed).length} 项通过`
    : result.tally?.passed
      ? '通过'
      : '未通过';
  const stage = result.stage === 'final' ? '最终结果' : '结果公示中';
  return {
    title: `${result.unitName}：${result.title['zh-CN']} — 表决结果`,
    description: `${stage}：${verdict}。${result.rule.body['zh-CN']}的表决，任何人都可以下载核对包自行重新计票。`,
  };
}

/**
 * Builds the HTTP application: the same for `npm start`, the tests and the OpenAPI export.
 * The caller listens and closes it.
 */
export async function createApp(options: AppOptions): Promise<YishiApp> {
  const { env } = options;
  const log = createLog(env.LOG_LEVEL);
  const bodyLimit = bodyLimitBytes(env.BODY_LIMIT);
  const adapter = new FastifyAdapter({
    // A number of proxies: the address that many hops back in X-Forwarded-For (as Express counted).
    trustProxy: typeof env.TRUST_PROXY === 'number' ? trustHops(env.TRUST_PROXY) : env.TRUST_PROXY,
    bodyLimit,
    // Route parameters are ids and public keys; the URL as a whole is limited to 16 KB by Node.
    routerOptions: { maxParamLength: 2048 },
    // Every request gets an id (a sane X-Request-Id from the client, or a new one): it is echoed
    // back, logged with its request line, and stored with each audit entry.
    requestIdHeader: false,
    genReqId: (req: IncomingMessage) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    // Node's parser refusals (a URL over 16 KB) get the error envelope too.
    clientErrorHandler: answerClientErrorWithEnvelope,
  });
  const app = await NestFactory.create<YishiApp>(AppModule.register(options), adapter, {
    logger: new NestLog(log),
    // Our own JSON parser below, and no other: no urlencoded parser, so a cross-site HTML form cannot deliver a body.
    bodyParser: false,
  });
  const fastify = app.getHttpAdapter().getInstance();

  fastify.removeAllContentTypeParsers();
  // Fastify's own JSON.parse (synchronous), which refuses `__proto__` and `constructor.prototype` keys.
  const fastifyJson = fastify.getDefaultJsonParser('error', 'error');
  const parseJson = jsonBodyParser((text) => {
    let outcome: { error: Error | null; value?: unknown } = { error: null };
    void fastifyJson({} as FastifyRequest, text, (error, value) => {
      outcome = { error, value };
    });
    if (outcome.error) throw outcome.error;
    return outcome.value;
  });
  fastify.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, (request: FastifyRequest, body: string, done: (error: Error | null, body?: unknown) => void) => {
    try {
      done(null, parseJson(request, body));
    } catch (error) {
      done(error as Error);
    }
  });
  // Multipart comes from @fastify/multipart (registered by the upload interceptors); anything else is refused.
  fastify.addContentTypeParser('*', (request: FastifyRequest) => refuseOtherMediaTypes(request));

  fastify.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    reply.headers(SECURITY_HEADERS);
    if (request.protocol === 'https') reply.headers(HSTS);
    reply.header('X-Request-Id', request.id);
    // The public result pages of the web app (/r/<key>, from the QR code on a notice) are unlisted.
    if (isPublicResultPage(request.url)) reply.header('X-Robots-Tag', NO_INDEX);
    done();
  });
  // After the body is read, before the route: the edge's text rule, then the request's context
  // (its id, address and browser) for everything that runs on its behalf.
  fastify.addHook('preValidation', (request: FastifyRequest, _reply: FastifyReply, done: (error?: Error) => void) => {
    const refusal = malformedInput(request.query, request.body);
    if (refusal) {
      done(refusal);
      return;
    }
    const userAgent = request.headers['user-agent'];
    requestContext.run({ requestId: request.id, ip: request.ip ?? null, userAgent: userAgent ?? null }, done);
  });
  fastify.addHook('onSend', compressReadAnswers());
  fastify.addHook('onResponse', logRequests(log));

  if (fs.existsSync(path.join(env.WEB_DIST, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: env.WEB_DIST,
      // One route per built file, found at start-up, instead of a look-up on disk for every path.
      wildcard: false,
      // The brotli or gzip copy the web build wrote beside a file, when the client accepts it.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply: FastifyReply, file: string) => {
        reply.header('Cache-Control', cacheControlFor(file));
      },
    });
    fastify.get('/*', webClientPages(env.WEB_DIST, (token) => publicResultCard(app, token), env.PUBLIC_URL));
  }
  app.setGlobalPrefix(API_PREFIX);
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), {
    useGlobalPrefix: true,
    jsonDocumentUrl: 'docs/openapi.json',
    customSiteTitle: 'Yishi API',
  });
  return app;
}
