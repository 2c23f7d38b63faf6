import { Module } from '@nestjs/common';
import { SessionsController } from './sessions.controller';
import { SessionDeskService } from './session-desk.service';
import { SessionEvents } from './session-events';
import { SessionsService } from './sessions.service';

@Module({
  controllers: [SessionsController],
  providers: [SessionsService, SessionDeskService, SessionEvents],
})
export class SessionsModule {}
