import { ApiProperty } from '@nestjs/swagger';
import { VOTE_LIMITS } from '@yishi/contracts';
import { IsBoolean, IsIn, IsUUID } from 'class-validator';
import { PlainText } from '../../../common/plain-text';

/** Parts of a vote's announcement that an assembly's matters reuse (kept apart so the two DTO files do not import each other). */

export class Lml63Dto {
  @ApiProperty({ enum: ['members', 'representatives'], enumName: 'Lml63Body' })
  @IsIn(['members', 'representatives'])
  body!: 'members' | 'representatives';

  @ApiProperty()
  @IsBoolean()
  rceoApplies!: boolean;
}

export class VoteAttachmentInputDto {
  @ApiProperty({ format: 'uuid', description: 'A file uploaded to POST /api/units/{unitId}/vote-attachments by the same person within a day' })
  @IsUUID()
  fileId!: string;

  @ApiProperty({ example: '门禁系统更换报价单（18万元）', maxLength: VOTE_LIMITS.attachmentTitle })
  @PlainText(1, VOTE_LIMITS.attachmentTitle)
  title!: string;
}

