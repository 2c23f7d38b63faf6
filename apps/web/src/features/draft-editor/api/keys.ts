import { consultationKey } from '../../../lib/consultation-query-keys';

/**
 * Everything about a consultation's draft: the list of versions, each version, each diff. The
 * resident pages read the same addresses under the same keys, so they share what is cached.
 */
export const versionsKey = (consultationId: string) => [...consultationKey(consultationId), 'versions'] as const;
export const versionKey = (consultationId: string, number: number) => [...versionsKey(consultationId), number] as const;
export const versionDiffKey = (consultationId: string, number: number) => [...versionKey(consultationId, number), 'diff'] as const;
