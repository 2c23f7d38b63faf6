import { Module } from '@nestjs/common';
import { ConsultationsModule } from '../consultations/consultations.module';
import { BriefingsController } from './briefings.controller';
import { BriefingsService } from './briefings.service';

@Module({
  imports: [ConsultationsModule],
  controllers: [BriefingsController],
  providers: [BriefingsService],
})
export class BriefingsModule {}
