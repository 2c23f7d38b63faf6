import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { TypeOrmModule } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { cacheControlFor } from './common/compressed-responses';
import { createValidationPipe } from './common/validation';
import type { Env } from './config/env';
import { dataSourceOptions } from './database/data-source';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import type { AppSecret } from './config/app-secret';
import { CommentsModule } from './comments/comments.module';
import { ConsultationsModule } from './consultations/consultations.module';
import { CoreModule } from './core.module';
import { HealthModule } from './health/health.module';
import { InvitationsModule } from './invitations/invitations.module';
import { MeModule } from './me/me.module';
import { NotificationsModule } from './notifications/notifications.module';
import { StorageModule } from './storage/storage.module';
import { VotesModule } from './votes/votes.module';
import { RolesModule } from './roles/roles.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { RollsModule } from './rolls/rolls.module';
import { TopicsModule } from './topics/topics.module';
import { BriefingsModule } from './briefings/briefings.module';
import { SessionsModule } from './sessions/sessions.module';

export interface AppOptions {
  env: Env;
  databaseUrl: string;
  /** APP_SECRET, or the generated key kept in .data (resolved once by the caller). */
  secret: AppSecret;
  /** Skip connecting to PostgreSQL (used to print the OpenAPI document). */
  withoutDatabase?: boolean;
  /** This process's share of DB_POOL_SIZE (all of it when one process serves). */
  poolSize?: number;
}

@Module({})
export class AppModule {
  static register({ env, databaseUrl, secret, withoutDatabase = false, poolSize = env.DB_POOL_SIZE }: AppOptions): DynamicModule {
    const serveWeb = fs.existsSync(path.join(env.WEB_DIST, 'index.html'));
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          // Synchronous writes keep log lines and the start-up banner in order.
          pinoHttp: [
            {
            level: env.LOG_LEVEL,
            // The request-id middleware in app.factory.ts has already set req.id.
            genReqId: (req) => (req as { id?: string }).id ?? randomUUID(),
            // What a request line needs, and no headers: those carry the session cookie and the
            // CSRF token, which no log should hold (and serialising them cost more than the rest).
            // Read straight off the request and response (wrapSerializers: false): pino-http's
            // standard serialisers would first copy every header of both on every request, only
            // for these three fields and the status to be picked out of the copies.
            wrapSerializers: false,
            serializers: {
              req: (req: { id?: unknown; method?: string; url?: string; originalUrl?: string }) => ({ id: req.id, method: req.method, url: req.originalUrl ?? req.url }),
              res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
              err: pino.stdSerializers.err,
            },
            autoLogging: { ignore: (req) => req.url === '/api/health' },
            },
            pino.destination({ dest: 1, sync: true }),
          ],
        }),
        TypeOrmModule.forRoot({ ...dataSourceOptions(databaseUrl, poolSize), manualInitialization: withoutDatabase }),
        ...(serveWeb
          ? [
              ServeStaticModule.forRoot({
                rootPath: env.WEB_DIST,
                exclude: ['/api/{*rest}'],
                serveStaticOptions: {
                  index: 'index.html',
                  cacheControl: false,
                  // Compressed copies are served before this (see compressed-responses.ts), alike.
                  setHeaders: (res: ServerResponse, file: string) => {
                    res.setHeader('Cache-Control', cacheControlFor(file));
                    res.setHeader('Vary', 'Accept-Encoding');
                  },
                },
              }),
            ]
          : []),
        CoreModule.register(env, secret),
        StorageModule.register(env),
        NotificationsModule,
        AuthModule,
        HealthModule,
        OrganizationsModule,
        InvitationsModule,
        RolesModule,
        MeModule,
        ConsultationsModule,
        VotesModule,
        CommentsModule,
        AuditModule,
        RollsModule,
        TopicsModule,
        BriefingsModule,
        SessionsModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}
