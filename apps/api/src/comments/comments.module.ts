import { Module } from '@nestjs/common';
import { ConsultationsModule } from '../consultations/consultations.module';
import { AdoptionReportService } from './adoption-report.service';
import { CommentsController } from './comments.controller';
import { CommentsService } from './comments.service';
import { ModerationService } from './moderation.service';

/** Comments, offline opinions, moderation, official answers and the adoption report (issue 5, items 5–7). */
@Module({
  imports: [ConsultationsModule],
  controllers: [CommentsController],
  providers: [CommentsService, ModerationService, AdoptionReportService],
})
export class CommentsModule {}
