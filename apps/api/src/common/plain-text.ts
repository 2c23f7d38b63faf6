import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, Length, Matches } from 'class-validator';
import type { FieldReason } from '@yishi/contracts';
import type { DomainError } from './domain-error';
import { invalid } from './refusals';

/**
 * What a person writes is kept as plain text — trimmed, line breaks as `\n` — and never rendered
 * as HTML (the web escapes it). Refused: control characters other than the newline, the Unicode
 * line and paragraph separators, and the bidirectional overrides that make text read differently
 * from what was typed. Lengths count characters (code points), as PostgreSQL's length() does.
 */
const FORBIDDEN = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
const MULTI_LINE = new RegExp(`^[^${FORBIDDEN.source.slice(1, -1)}]*$`, 'u');
const SINGLE_LINE = new RegExp(`^[^\\n${FORBIDDEN.source.slice(1, -1)}]*$`, 'u');

export interface PlainTextRule {
  /** The request field, for the error. */
  field: string;
  /** Most characters. */
  max: number;
  /** A single line (names, headings): no newline either. */
  singleLine?: boolean;
}

/** A 400 about one field: the same as `invalid` of common/refusals (which new code calls). */
export function invalidField(field: string, reason: FieldReason, message: string): DomainError {
  return invalid(field, reason, message);
}

/** The text as it will be stored, or null when it is empty; anything not allowed is refused, never dropped. */
export function optionalPlainText(value: string, rule: PlainTextRule): string | null {
  const text = value.replace(/\r\n?/g, '\n').trim();
  if (!text) return null;
  if (FORBIDDEN.test(text) || (rule.singleLine && text.includes('\n'))) {
    throw invalidField(rule.field, 'plainText', `${rule.field} may contain ${rule.singleLine ? 'no line breaks and ' : ''}no control characters.`);
  }
  const length = [...text].length;
  if (length > rule.max) throw invalidField(rule.field, 'maxLength', `${rule.field} must be at most ${rule.max} characters long (it has ${length}).`);
  return text;
}

/** As optionalPlainText, but an empty text is refused. */
export function plainText(value: string, rule: PlainTextRule): string {
  const text = optionalPlainText(value, rule);
  if (text === null) throw invalidField(rule.field, 'isNotEmpty', `${rule.field} must not be empty.`);
  return text;
}

/** The same rules as a DTO decorator: a text field of `min`–`max` characters; `multiLine` allows line breaks. */
export function PlainText(min: number, max: number, options: { multiLine?: boolean } = {}): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : value)),
    IsString(),
    Length(min, max),
    Matches(options.multiLine ? MULTI_LINE : SINGLE_LINE, {
      message: ({ property }) => `${property} may not contain control characters${options.multiLine ? ' other than line breaks' : ' or line breaks'}`,
    }),
  );
}
