import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { NestExpressApplication, NestExpressBodyParserOptionsFor } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import { PUBLIC_RESULT_ROUTE } from '@yishi/contracts';
import type { OpenAPIObject } from '@nestjs/swagger';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { AppOptions } from './app.module';
import { AppModule } from './app.module';
import { compressReadAnswers, servePrecompressed } from './common/compressed-responses';
import { normalisePublicToken } from '@yishi/contracts';
import type { Card } from './common/share-cards';
import { shareCards } from './common/share-cards';
import { PublicResultsService } from './votes/results/public-results.service';
import { requestContext } from './common/request-context';
import { completeDocument, OPENAPI_TAGS } from './openapi/contract';
import { ErrorBody, FieldProblem } from './openapi/error-body.dto';
import { NO_INDEX } from './votes/results/public-results.controller';
import { answerClientErrorsWithEnvelope, refuseDeepJson, refuseMalformedInput } from './common/request-edge';

export const API_PREFIX = 'api';
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function buildOpenApiDocument(app: NestExpressApplication): OpenAPIObject {
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
 * HSTS only on a response that went out over HTTPS (`req.secure`: TLS here, or a trusted proxy's
 * X-Forwarded-Proto). Browsers ignore it over plain HTTP anyway, and a LAN address served over
 * HTTP has no business announcing itself HTTPS-only.
 */
function strictTransportSecurityOverHttps(): (req: Request, res: Response, next: NextFunction) => void {
  const hsts = helmet.strictTransportSecurity();
  return (req, res, next) => (req.secure ? hsts(req, res, next) : next());
}

/** A published result's card: its place and title, and the verdict anyone holding the link may read. */
async function publicResultCard(app: NestExpressApplication, typed: string): Promise<Card | null> {
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
export async function createApp(options: AppOptions): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(options), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  app.set('trust proxy', options.env.TRUST_PROXY);
  app.disable('x-powered-by');
  // JSON only: no urlencoded or multipart parser, so a cross-site HTML form cannot deliver a body.
  // Nest's types leave out body-parser's `verify` (it uses it for rawBody, which is off here).
  app.useBodyParser('json', { limit: options.env.BODY_LIMIT, verify: refuseDeepJson } as NestExpressBodyParserOptionsFor<'json'>);
  app.use(refuseMalformedInput);
  answerClientErrorsWithEnvelope(app.getHttpServer());
  app.use(cookieParser());
  // Every request gets an id (a sane X-Request-Id from the client, or a new one): it is echoed
  // back, logged with each line by pino, and stored with each audit entry.
  app.use((req: Request & { id?: string }, res: Response, next: NextFunction) => {
    const incoming = req.get('x-request-id');
    req.id = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', req.id);
    requestContext.run({ requestId: req.id, ip: req.ip ?? null, userAgent: req.get('user-agent') ?? null }, next);
  });
  // The public result pages of the web app (/r/<key>, from the QR code on a notice) are unlisted.
  app.use(PUBLIC_RESULT_ROUTE, (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('X-Robots-Tag', NO_INDEX);
    next();
  });
  app.use(
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
  app.use(strictTransportSecurityOverHttps());
  app.use(compressReadAnswers());
  app.use(servePrecompressed(options.env.WEB_DIST));
  app.use(shareCards(options.env.WEB_DIST, (token) => publicResultCard(app, token), options.env.PUBLIC_URL));
  app.setGlobalPrefix(API_PREFIX);
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), {
    useGlobalPrefix: true,
    jsonDocumentUrl: 'docs/openapi.json',
    customSiteTitle: 'Yishi API',
  });
  return app;
}
