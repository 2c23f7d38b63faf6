import { ValidationPipe } from '@nestjs/common';
import type { FieldProblem } from '@yishi/contracts';
import type { ValidationError } from 'class-validator';
import { ValidateIf } from 'class-validator';
import { DomainError } from './domain-error';

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own: FieldProblem[] = error.constraints
      ? [{ field, reasons: Object.keys(error.constraints), message: Object.values(error.constraints).join('; ') }]
      : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Global validation: unknown fields are refused, and every problem is listed by field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return new DomainError(
        'VALIDATION_FAILED',
        `Some fields are not valid: ${fields.map((f) => f.field).join(', ')}`,
        { fields },
      );
    },
  });
}

/**
 * Like class-validator's IsOptional, except that only a missing field counts as absent: `null`
 * goes on to the field's other rules and is refused by them. IsOptional lets null through, and a
 * service that reads `title?: string` then trims null (a 500). Keep IsOptional for the fields
 * whose type says `| null`, where null means something (clear it).
 */
export function IsOmittable(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}
