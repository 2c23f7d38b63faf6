/**
 * What an API refusal says beyond its code, for placing and wording it: the fields a
 * VALIDATION_FAILED names (`details.fields[].field`, dotted paths such as `clauses.2.body`), and
 * the stable reason of a 409 CONFLICT (`details.reason`, or `details.rule` where the API names a
 * rule), which the screens translate. Anything unexpected gives nothing, never a throw.
 */
import { ApiError } from './api-client';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The dotted paths of the fields a VALIDATION_FAILED error names, in its order; [] otherwise. */
export function invalidFieldPaths(error: unknown): string[] {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED' || !error.details) return [];
  const fields = error.details['fields'];
  if (!Array.isArray(fields)) return [];
  return fields.map((field) => (isRecord(field) && typeof field['field'] === 'string' ? field['field'] : null)).filter((path): path is string => path !== null);
}

/** The reason of a 409 CONFLICT (`details.reason`, else `details.rule`); null for anything else. */
export function conflictReason(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.code !== 'CONFLICT' || !error.details) return null;
  const reason = error.details['reason'] ?? error.details['rule'];
  return typeof reason === 'string' ? reason : null;
}

/** A whole number in an error's details (`details.numbers`, `details.taken`…), or null. */
export function detailNumber(error: unknown, key: string): number | null {
  if (!(error instanceof ApiError) || !error.details) return null;
  const value = error.details[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** A list of whole numbers in an error's details (`details.numbers`), or []. */
export function detailNumbers(error: unknown, key: string): number[] {
  if (!(error instanceof ApiError) || !error.details) return [];
  const value = error.details[key];
  return Array.isArray(value) ? value.filter((n): n is number => typeof n === 'number' && Number.isFinite(n)) : [];
}

/** The machine-readable reasons of the fields a VALIDATION_FAILED error names (`details.fields[].reasons`), in order; [] otherwise. */
export function fieldReasons(error: unknown): string[] {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED' || !error.details) return [];
  const fields = error.details['fields'];
  if (!Array.isArray(fields)) return [];
  return fields.flatMap((field) => (isRecord(field) && Array.isArray(field['reasons']) ? field['reasons'].filter((r): r is string => typeof r === 'string') : []));
}

/** The stable `details.reason` of any refusal (a 403's as well as a 409's); null when there is none. */
export function refusalReason(error: unknown): string | null {
  if (!(error instanceof ApiError) || !error.details) return null;
  const reason = error.details['reason'];
  return typeof reason === 'string' ? reason : null;
}
