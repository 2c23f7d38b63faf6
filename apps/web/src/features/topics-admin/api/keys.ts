import type { QueryClient } from '@tanstack/react-query';
import { ALL_UNIT_CONSULTATIONS_KEY, unitTopicsKey } from '../../../shared/consultations/query-keys';

/** One topic, as the resident pages cache it too. */
export const topicKey = (topicId: string) => ['topic', topicId] as const;

/** After a topic changed: the unit's lists of topics, the topic; a new consultation shows in the unit's list. */
export async function refreshTopics(queryClient: QueryClient, unitId: string, topicId: string | null, consultationsToo = false): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: unitTopicsKey(unitId) }),
    topicId ? queryClient.invalidateQueries({ queryKey: topicKey(topicId) }) : Promise.resolve(),
    consultationsToo ? queryClient.invalidateQueries({ queryKey: ALL_UNIT_CONSULTATIONS_KEY }) : Promise.resolve(),
  ]);
}
