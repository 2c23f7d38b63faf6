import { Module } from '@nestjs/common';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';
import { RollLinksService } from './roll-links.service';

@Module({
  controllers: [InvitationsController],
  providers: [InvitationsService, RollLinksService],
  exports: [InvitationsService],
})
export class InvitationsModule {}
