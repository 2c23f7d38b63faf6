import { ApiProperty } from '@nestjs/swagger';
import { MESSAGE_LIMITS } from '@yishi/contracts';
import { ArrayMaxSize, ArrayUnique, IsArray, IsInt, Max, Min } from 'class-validator';

export class SetRemindersDto {
  @ApiProperty({
    type: [Number],
    example: [72, 24],
    description: `Hours before closing at which those who have not taken part are reminded (at most ${MESSAGE_LIMITS.remindersPerVote}, each after voting opens); replaces the reminders not yet sent`,
  })
  @IsArray()
  @ArrayMaxSize(MESSAGE_LIMITS.remindersPerVote)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(MESSAGE_LIMITS.reminderMaxHours, { each: true })
  hoursBefore!: number[];
}

export class VoteReminderDto {
  @ApiProperty() hoursBefore!: number;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) sentAt!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Accounts it went to (those who had not taken part then)' }) recipients!: number | null;
}

export class VoteRemindersDto {
  @ApiProperty({ format: 'uuid' }) voteId!: string;
  @ApiProperty({ format: 'date-time' }) closesAt!: string;
  @ApiProperty({ type: [VoteReminderDto], description: 'Earliest first' }) reminders!: VoteReminderDto[];
}
