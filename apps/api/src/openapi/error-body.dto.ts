import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger';
import { ERROR_CODES, PASSWORD_PROBLEMS, REFUSAL_REASONS } from '@yishi/contracts';
import type { ErrorBody as ErrorBodyShape, ErrorCode } from '@yishi/contracts';

export const REFUSAL_REASON_REF = '#/components/schemas/RefusalReason';
export const PASSWORD_PROBLEM_REF = '#/components/schemas/PasswordProblem';

/**
 * Named enums of the error details, added to `components.schemas` (decorators name an enum only on
 * a class property, and these live in the free-form `details`): a client gets a type for each.
 */
export const ERROR_DETAIL_SCHEMAS: Record<string, SchemaObject> = {
  RefusalReason: {
    type: 'string',
    enum: [...REFUSAL_REASONS],
    description: 'Why a request was refused (`details.reason` of `CONFLICT`, `FORBIDDEN`, `NOT_FOUND`): stable words, translated by the client',
  },
  PasswordProblem: {
    type: 'string',
    enum: [...PASSWORD_PROBLEMS],
    description: 'What is wrong with a new password (`details.reason` of `PASSWORD_TOO_WEAK`)',
  },
};

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
      reason: {
        anyOf: [{ $ref: REFUSAL_REASON_REF }, { $ref: PASSWORD_PROBLEM_REF }],
        description: '`CONFLICT`, `FORBIDDEN`, `NOT_FOUND`: why, as a stable word (a `RefusalReason`, e.g. `full`, `not_open`); `PASSWORD_TOO_WEAK`: what is wrong with the password (a `PasswordProblem`)',
      },
      rule: { allOf: [{ $ref: REFUSAL_REASON_REF }], description: '`CONFLICT`, `FORBIDDEN` of the comments: the rule that refuses it, the same words as `reason`' },
      retryAfterSeconds: { type: 'integer', description: '`TOO_MANY_REQUESTS`: seconds until a new attempt is taken (also the Retry-After header)' },
      constraint: { type: 'string', nullable: true, description: '`CONFLICT` from the database: the constraint the change broke' },
    },
  })
  details!: Record<string, unknown> | null;
}
