import { consultationKey } from '../../../shared/consultations/query-keys';

/** A consultation's briefings (the resident pages read the same list under the same key). */
export const briefingsKey = (consultationId: string) => [...consultationKey(consultationId), 'briefings'] as const;
export const signupsKey = (consultationId: string, briefingId: string) => [...briefingsKey(consultationId), 'signups', briefingId] as const;
