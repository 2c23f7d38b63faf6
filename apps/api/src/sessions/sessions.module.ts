import { Module } from '@nestjs/common';
import { SessionsController } from './sessions.controller';
import { SessionOfficersService } from './session-officers.service';
import { SessionRoomController } from './session-room.controller';
import { SessionMinutesController } from './session-minutes.controller';
import { SessionMinutesService } from './session-minutes.service';
import { SessionRoomService } from './session-room.service';
import { SessionSpeakersService } from './session-speakers.service';
import { SessionDeskService } from './session-desk.service';
import { SessionEvents } from './session-events';
import { SessionsService } from './sessions.service';

@Module({
  controllers: [SessionsController, SessionRoomController, SessionMinutesController],
  providers: [SessionsService, SessionDeskService, SessionEvents, SessionOfficersService, SessionRoomService, SessionSpeakersService, SessionMinutesService],
})
export class SessionsModule {}
