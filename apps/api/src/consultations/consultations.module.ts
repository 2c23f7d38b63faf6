import { Module } from '@nestjs/common';
import { ConsultationAccess } from './consultation-access.service';
import { ConsultationsController } from './consultations.controller';
import { ConsultationsService } from './consultations.service';

@Module({
  controllers: [ConsultationsController],
  providers: [ConsultationsService, ConsultationAccess],
  exports: [ConsultationsService, ConsultationAccess],
})
export class ConsultationsModule {}
