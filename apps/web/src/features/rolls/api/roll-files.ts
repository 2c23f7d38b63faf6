import type { components } from '../../../api/schema';

export type RollFileFormat = components['schemas']['RollFileFormat'];
export const ROLL_FILE_FORMATS: readonly RollFileFormat[] = ['xlsx', 'csv'];

/**
 * Addresses of the roll's files, opened as plain links (the session cookie authenticates a GET;
 * the API names the file): `GET …/roll/export` (the current roll, identity numbers as their last
 * four) and `GET …/roll/template` (an empty file with notes on each column).
 */
export function rollFileUrl(unitId: string, file: 'export' | 'template', format: RollFileFormat): string {
  return `/api/units/${encodeURIComponent(unitId)}/roll/${file}?format=${format}`;
}
