import { Module } from '@nestjs/common';
import { ConsultationAccess } from './consultation-access.service';
import { ConsultationsController } from './consultations.controller';
import { ConsultationsService } from './consultations.service';
import { DraftsController } from './drafts.controller';
import { DraftsService } from './drafts.service';

@Module({
  controllers: [ConsultationsController, DraftsController],
  providers: [ConsultationsService, ConsultationAccess, DraftsService],
  exports: [ConsultationsService, ConsultationAccess],
})
export class ConsultationsModule {}
