import type { DynamicModule } from '@nestjs/common';
import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit/audit.service';
import { RateLimitService } from './auth/rate-limit.service';
import type { AppSecret } from './config/app-secret';
import { APP_SECRET } from './config/app-secret';
import type { Env } from './config/env';
import { ENV } from './config/env';
import { JobsService } from './jobs/jobs.service';
import { PermissionsService } from './permissions/permissions.service';
import { HttpSmsProvider, LogSmsProvider, SmsProvider } from './sms/sms-provider';

/** What every feature uses: permission checks, the audit trail, rate limits, scheduled jobs, the secret, SMS. */
@Global()
@Module({})
export class CoreModule {
  static register(env: Env, secret: AppSecret): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        PermissionsService,
        AuditService,
        RateLimitService,
        JobsService,
        { provide: ENV, useValue: env },
        { provide: APP_SECRET, useValue: secret },
        { provide: SmsProvider, useFactory: (): SmsProvider => (env.SMS_PROVIDER === 'http' ? new HttpSmsProvider(env.SMS_GATEWAY_URL!, env.SMS_GATEWAY_TOKEN!) : new LogSmsProvider()) },
      ],
      exports: [PermissionsService, AuditService, RateLimitService, JobsService, ENV, APP_SECRET, SmsProvider],
    };
  }
}
