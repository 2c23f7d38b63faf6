import type { FieldReason, RefusalReason } from '@yishi/contracts';
import { DomainError } from './domain-error';

/**
 * The services' refusals, built one way. Each returns the DomainError to throw (the exception
 * filter gives it its status and its `{ code, message, details }` body):
 *
 *   throw conflict('closed', 'Voting has closed.');                          // 409 { reason: 'closed' }
 *   throw conflict('full', 'This briefing is full.', { capacity });          // 409 { reason: 'full', capacity }
 *   throw forbidden('not_eligible', 'You are not on the electorate …');      // 403 { reason: 'not_eligible' }
 *   throw invalid('closesAt', 'invalid', 'Voting must close after it opens.'); // 400 { fields: [{ field, reasons: ['invalid'], message }] }
 *
 * The reason comes first, then the English message, then any further details (always after the
 * reason, so a detail never overwrites it by accident … except on purpose, by naming `reason`).
 * `invalid` names the field first, as the request does: field, reason, message, details.
 * Reasons are typed: a new one is added to REFUSAL_REASONS (or FIELD_REASONS) in libs/contracts,
 * where the web's translation test and the OpenAPI document find it.
 */

/** 409 CONFLICT: the request is well formed, but the state of things refuses it. Details: `{ reason, ...details }`. */
export function conflict(reason: RefusalReason, message: string, details: Record<string, unknown> = {}): DomainError {
  return new DomainError('CONFLICT', message, { reason, ...details });
}

/** 403 FORBIDDEN with a reason a role check alone does not give (a second person, one's own topic). Details: `{ reason, ...details }`. */
export function forbidden(reason: RefusalReason, message: string, details: Record<string, unknown> = {}): DomainError {
  return new DomainError('FORBIDDEN', message, { reason, ...details });
}

/**
 * 400 VALIDATION_FAILED about one field, as the validation pipe words its own: details
 * `{ fields: [{ field, reasons: [reason], message }], ...details }`. A service that has no word of
 * its own for what is wrong says `'invalid'`.
 */
export function invalid(field: string, reason: FieldReason, message: string, details: Record<string, unknown> = {}): DomainError {
  return new DomainError('VALIDATION_FAILED', message, { fields: [{ field, reasons: [reason], message }], ...details });
}
