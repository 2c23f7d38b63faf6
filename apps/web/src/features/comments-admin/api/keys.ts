import type { QueryClient } from '@tanstack/react-query';
import { ALL_UNIT_CONSULTATIONS_KEY, consultationKey } from '../../../shared/consultations/query-keys';

/** Every cached list of a consultation's comments (the resident pages' too) starts here. */
export const commentsKey = (consultationId: string) => [...consultationKey(consultationId), 'comments'] as const;

/**
 * After an opinion changed (answered, hidden, recorded): its lists, the adoption report, the
 * consultation's counts, wherever they are cached.
 */
export async function refreshOpinions(queryClient: QueryClient, consultationId: string): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: commentsKey(consultationId) }),
    queryClient.invalidateQueries({ queryKey: [...consultationKey(consultationId), 'report'] }),
    queryClient.invalidateQueries({ queryKey: [...consultationKey(consultationId), 'detail'] }),
    queryClient.invalidateQueries({ queryKey: ALL_UNIT_CONSULTATIONS_KEY }),
  ]);
}
