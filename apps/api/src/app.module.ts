import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiExceptionFilter } from './common/api-exception.filter';
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
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot({ ...dataSourceOptions(databaseUrl, poolSize, { preparedReads: true }), manualInitialization: withoutDatabase }),
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
