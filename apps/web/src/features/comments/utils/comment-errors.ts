/**
 * What went wrong with a comment, a reply or a report, in the resident's words: the API's 409s
 * carry a `details.rule`, its 422s the field and the check that failed.
 */
import type { TFunction } from 'i18next';
import { ApiError, errorMessage } from '../../../lib/api-client';

const RULES = [
  'comment_phase',
  'current_version',
  'parent_hidden',
  'one_level_of_replies',
  'published_version',
  'already_reported',
  'already_hidden',
] as const;
type Rule = (typeof RULES)[number];

const FIELD_REASONS = ['maxLength', 'isNotEmpty', 'plainText'] as const;
type FieldReason = (typeof FIELD_REASONS)[number];

function ruleOf(error: ApiError): Rule | null {
  const rule = error.details?.['rule'];
  return (RULES as readonly unknown[]).includes(rule) ? (rule as Rule) : null;
}

function fieldReasonOf(error: ApiError): FieldReason | null {
  const fields = error.details?.['fields'];
  if (!Array.isArray(fields)) return null;
  for (const field of fields as unknown[]) {
    const reasons = (field as { reasons?: unknown } | null)?.reasons;
    if (Array.isArray(reasons)) {
      const known = reasons.find((reason): reason is FieldReason => (FIELD_REASONS as readonly unknown[]).includes(reason));
      if (known) return known;
    }
  }
  return null;
}

export interface CommentErrorView {
  message: string;
  /** The text itself is at fault (too long, empty, a control character): shown on the field. */
  onField: boolean;
}

export function commentError(error: unknown, t: TFunction, max: number): CommentErrorView {
  if (error instanceof ApiError && error.code === 'CONFLICT') {
    const rule = ruleOf(error);
    if (rule === 'current_version') {
      const number = error.details?.['currentVersionNumber'];
      return { message: t('comments.errors.current_version', { number: typeof number === 'number' ? number : '' }), onField: false };
    }
    if (rule) return { message: t(`comments.errors.${rule}`), onField: false };
  }
  if (error instanceof ApiError && error.code === 'VALIDATION_FAILED') {
    const reason = fieldReasonOf(error);
    if (reason) return { message: t(`comments.errors.field.${reason}`, { max }), onField: true };
  }
  return { message: errorMessage(error, t), onField: false };
}
