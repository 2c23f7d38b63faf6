import { Module } from '@nestjs/common';
import { ConsultationsModule } from '../consultations/consultations.module';
import { TopicsController } from './topics.controller';
import { TopicsService } from './topics.service';

@Module({
  imports: [ConsultationsModule],
  controllers: [TopicsController],
  providers: [TopicsService],
})
export class TopicsModule {}
