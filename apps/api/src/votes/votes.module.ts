import { Module } from '@nestjs/common';
import { CastingService } from './casting.service';
import { PaperController } from './paper.controller';
import { PaperService } from './paper.service';
import { ProxiesController } from './proxies.controller';
import { ProxiesService } from './proxies.service';
import { PublicResultsController, VotePublicLinkController } from './public-results.controller';
import { PublicResultsService } from './public-results.service';
import { ResultExportService } from './result-export.service';
import { ResultsService } from './results.service';
import { SealingService } from './sealing.service';
import { ShorteningsController } from './shortenings.controller';
import { ShorteningsService } from './shortenings.service';
import { VotesController } from './votes.controller';
import { VotesService } from './votes.service';

@Module({
  controllers: [VotesController, PaperController, ProxiesController, PublicResultsController, VotePublicLinkController, ShorteningsController],
  providers: [VotesService, CastingService, SealingService, ResultsService, ResultExportService, PaperService, ProxiesService, PublicResultsService, ShorteningsService],
  exports: [VotesService, CastingService, SealingService],
})
export class VotesModule {}
