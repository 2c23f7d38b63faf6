import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { InvitationsModule } from '../invitations/invitations.module';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { InPersonResetController } from './in-person-reset.controller';
import { InPersonResetService } from './in-person-reset.service';
import { LocalAuthGuard, LocalStrategy } from './local.strategy';
import { SessionService } from './session.service';

@Module({
  imports: [PassportModule, InvitationsModule],
  controllers: [AuthController, InPersonResetController],
  providers: [AuthService, InPersonResetService, SessionService, LocalStrategy, LocalAuthGuard, { provide: APP_GUARD, useClass: AccessGuard }],
})
export class AuthModule {}
