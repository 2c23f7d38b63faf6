import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LIMITS } from '@yishi/contracts';
import { REJECTION_REASONS } from '@yishi/domain';
import type { RejectionReason } from '@yishi/domain';
import { Transform } from 'class-transformer';
import { IsBoolean, Matches } from 'class-validator';
import { PlainText } from '../../../common/plain-text';
import { IsOmittable } from '../../../common/validation';

const VOTER_ID = /^v-[0-9a-f]{8,}$/;
const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

/** The text fields of a proxy (the multipart body besides the scan of the authorisation). */
export class RecordProxyFieldsDto {
  @ApiProperty({ description: 'Who gives the proxy (委托人): a voter of this vote' })
  @Matches(VOTER_ID)
  principalVoterId!: string;

  @ApiPropertyOptional({ description: 'The agent (受托人), when they are a voter of this vote' })
  @IsOmittable()
  @Matches(VOTER_ID)
  agentVoterId?: string;

  @ApiPropertyOptional({ description: 'Owners only: an agent off the roll, by the phone of their account (they then vote online for the principal)', example: '13900000001' })
  @IsOmittable()
  @Matches(MAINLAND_MOBILE, { message: 'agentPhone must be a mainland mobile number of 11 digits starting with 1' })
  agentPhone?: string;

  @ApiPropertyOptional({ description: 'The agent as written on the authorisation (default: their name on the roll or account); alone, an agent off the roll without an account, who votes on paper' })
  @IsOmittable()
  @PlainText(1, 50)
  agentName?: string;

  @ApiProperty({ description: 'A signed written authorisation was produced (its scan is then required)' })
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  written!: boolean;
}

/** The whole multipart body, for the API document. */
export class RecordProxyUploadDto extends RecordProxyFieldsDto {
  @ApiPropertyOptional({ type: 'string', format: 'binary', description: `The scan of the written authorisation (PDF or photo, at most ${LIMITS.fileBytes / 1024 / 1024} MB); required when written` })
  file?: unknown;
}

export class RevokeProxyDto {
  @ApiProperty({ description: 'Why (kept in the audit trail)', example: '委托人撤回委托' })
  @PlainText(2, 500)
  reason!: string;
}

export class ProxyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() principalName!: string;
  @ApiProperty() agentName!: string;
  @ApiProperty() written!: boolean;
  @ApiProperty({ enum: ['accepted', 'rejected'], enumName: 'ProxyStatus' }) status!: 'accepted' | 'rejected';
  @ApiProperty({ nullable: true, enum: REJECTION_REASONS, enumName: 'RejectionReason', description: 'Why the rule set refuses it (the reason the count gives)' }) rejectionReason!: RejectionReason | null;
  @ApiProperty({ type: String, nullable: true }) reasonZh!: string | null;
  @ApiProperty({ type: String, nullable: true }) reasonEn!: string | null;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) revokedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Staff only: the principal’s voter id' }) principalVoterId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Staff only: the agent’s voter id when on the roll' }) agentVoterId!: string | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'Staff only: the agent can vote online (has an account)' }) agentHasAccount!: boolean | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'Staff only: the scan of the authorisation is kept' }) hasScan!: boolean | null;
  @ApiProperty({ type: String, nullable: true, description: 'Staff only: who recorded it' }) recordedBy!: string | null;
}

export class ProxyListDto {
  @ApiProperty({ enum: ['written', 'written-same-household', 'none'], enumName: 'ProxyRegime', description: 'What the rule set allows' }) regime!: 'written' | 'written-same-household' | 'none';
  @ApiProperty({ description: 'Why the list is published, and what the rule allows (Chinese)' }) basisZh!: string;
  @ApiProperty() basisEn!: string;
  @ApiProperty() proxyCap!: number;
  @ApiProperty({ type: [ProxyDto] }) proxies!: ProxyDto[];
}
