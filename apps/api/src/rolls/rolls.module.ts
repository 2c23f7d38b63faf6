import { Module } from '@nestjs/common';
import { RollExportService } from './roll-export.service';
import { RollImportService } from './roll-import.service';
import { RollsController } from './rolls.controller';
import { RollsService } from './rolls.service';

@Module({
  controllers: [RollsController],
  providers: [RollsService, RollImportService, RollExportService],
})
export class RollsModule {}
