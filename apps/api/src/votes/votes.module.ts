import { Module } from '@nestjs/common';
import { CastingService } from './ballots/casting.service';
import { MissingController } from './ballots/missing.controller';
import { MissingService } from './ballots/missing.service';
import { PaperController } from './ballots/paper.controller';
import { RemindersController } from './ballots/reminders.controller';
import { RemindersService } from './ballots/reminders.service';
import { CheckInsService } from './ballots/check-ins.service';
import { PaperDesk } from './ballots/paper-desk';
import { PaperEntryService } from './ballots/paper-entry.service';
import { PaperIssuingService } from './ballots/paper-issuing.service';
import { ProxiesController } from './ballots/proxies.controller';
import { ProxiesService } from './ballots/proxies.service';
import { VoterListService } from './ballots/voter-list.service';
import { PublicResultsController, VotePublicLinkController } from './results/public-results.controller';
import { PublicResultsService } from './results/public-results.service';
import { ResultExportService } from './results/result-export.service';
import { ResultsService } from './results/results.service';
import { SealingService } from './sealing/sealing.service';
import { ShorteningsController } from './lifecycle/shortenings.controller';
import { VoteAttachmentsController } from './lifecycle/attachments.controller';
import { VoteAttachmentsService } from './lifecycle/attachments.service';
import { ShorteningsService } from './lifecycle/shortenings.service';
import { VotesController } from './lifecycle/votes.controller';
import { VotesService } from './lifecycle/votes.service';

@Module({
  controllers: [VotesController, VoteAttachmentsController, MissingController, RemindersController, PaperController, ProxiesController, PublicResultsController, VotePublicLinkController, ShorteningsController],
  providers: [VotesService, VoteAttachmentsService, MissingService, RemindersService, CastingService, SealingService, ResultsService, ResultExportService, PaperDesk, VoterListService, PaperIssuingService, PaperEntryService, CheckInsService, ProxiesService, PublicResultsService, ShorteningsService],
  exports: [VotesService, CastingService, SealingService, RemindersService],
})
export class VotesModule {}
