import { Module } from '@nestjs/common';
import { SessionsController } from './sessions.controller';
import { SessionEvents } from './session-events';
import { SessionsService } from './sessions.service';

@Module({
  controllers: [SessionsController],
  providers: [SessionsService, SessionEvents],
})
export class SessionsModule {}
