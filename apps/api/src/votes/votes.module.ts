import { Module } from '@nestjs/common';
import { CastingService } from './casting.service';
import { ResultsService } from './results.service';
import { SealingService } from './sealing.service';
import { VotesController } from './votes.controller';
import { VotesService } from './votes.service';

@Module({
  controllers: [VotesController],
  providers: [VotesService, CastingService, SealingService, ResultsService],
  exports: [VotesService, CastingService, SealingService],
})
export class VotesModule {}
