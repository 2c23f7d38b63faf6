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
import { createValidationPipe } from './common/validation';
import type { Env } from './config/env';
import { ENV } from './config/env';
import { dataSourceOptions } from './database/data-source';
import { HealthModule } from './health/health.module';
import { OrganizationsModule } from './organizations/organizations.module';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export interface AppOptions {
  env: Env;
  databaseUrl: string;
  /** Skip connecting to PostgreSQL (used to print the OpenAPI document). */
  withoutDatabase?: boolean;
}

@Module({})
export class AppModule {
  static register({ env, databaseUrl, withoutDatabase = false }: AppOptions): DynamicModule {
    const serveWeb = fs.existsSync(path.join(env.WEB_DIST, 'index.html'));
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          // Synchronous writes keep log lines and the start-up banner in order.
          pinoHttp: [
            {
            level: env.LOG_LEVEL,
            genReqId: (req, res) => {
              const incoming = req.headers['x-request-id'];
              const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
              res.setHeader('X-Request-Id', id);
              return id;
            },
            redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
            autoLogging: { ignore: (req) => req.url === '/api/health' },
            },
            pino.destination({ dest: 1, sync: true }),
          ],
        }),
        TypeOrmModule.forRoot({ ...dataSourceOptions(databaseUrl), manualInitialization: withoutDatabase }),
        ...(serveWeb
          ? [
              ServeStaticModule.forRoot({
                rootPath: env.WEB_DIST,
                exclude: ['/api/{*rest}'],
                serveStaticOptions: {
                  index: 'index.html',
                  cacheControl: false,
                  // Built assets carry a content hash and never change; the page that names them
                  // must be revalidated, or a phone could keep loading files a release removed.
                  setHeaders: (res: ServerResponse, file: string) => {
                    res.setHeader(
                      'Cache-Control',
                      file.endsWith('.html') ? 'no-cache' : /[\\/]assets[\\/]/.test(file) ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
                    );
                  },
                },
              }),
            ]
          : []),
        HealthModule,
        OrganizationsModule,
      ],
      providers: [
        { provide: ENV, useValue: env },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}
