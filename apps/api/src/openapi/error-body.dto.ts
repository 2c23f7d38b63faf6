import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { ERROR_CODES } from '@yishi/contracts';
import type { ErrorBody as ErrorBodyShape, ErrorCode } from '@yishi/contracts';

/** One problem with one field, in `details.fields` of a `VALIDATION_FAILED` error. */
export class FieldProblem {
  @ApiProperty({ description: 'Dotted path of the offending field, e.g. `members.3.birthDate`' }) field!: string;
  @ApiProperty({ type: [String], description: 'Machine-readable reasons (validator names), e.g. `isNotEmpty`' }) reasons!: string[];
  @ApiProperty({ description: 'Human-readable explanation in English' }) message!: string;
}

/**
 * The body of every error the API answers (4xx and 5xx): a stable code to translate and branch
 * on, an English message for people, and details whose shape depends on the code.
 */
export class ErrorBody implements ErrorBodyShape {
  @ApiProperty({ enum: ERROR_CODES, enumName: 'ErrorCode', description: 'Stable: once published, a code never changes meaning' })
  code!: ErrorCode;

  @ApiProperty({ description: 'What went wrong, in English (the web client shows its own words, chosen by `code`)' })
  message!: string;

  @ApiProperty({
    type: 'object',
    nullable: true,
    additionalProperties: true,
    description: 'More about the error; its fields depend on the code (null when there is nothing more to say).',
    properties: {
      fields: { type: 'array', items: { $ref: getSchemaPath(FieldProblem) }, description: '`VALIDATION_FAILED`: each problem, by field' },
      reason: { type: 'string', description: '`CONFLICT`, `FORBIDDEN`, `PASSWORD_TOO_WEAK` and others: why, as a stable word (e.g. `full`, `not_open`)' },
      retryAfterSeconds: { type: 'integer', description: '`TOO_MANY_REQUESTS`: seconds until a new attempt is taken (also the Retry-After header)' },
      constraint: { type: 'string', nullable: true, description: '`CONFLICT` from the database: the constraint the change broke' },
    },
  })
  details!: Record<string, unknown> | null;
}
