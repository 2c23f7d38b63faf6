import { unitTopicsKey } from '../../../shared/consultations/query-keys';

/** A unit's topic lists (every filter and page): a new topic, a second or a screening changes them. */
export const topicListQueryKey = (unitId: string) => unitTopicsKey(unitId);
/** One topic. */
export const topicQueryKey = (topicId: string) => ['topic', topicId] as const;

export const TOPICS_PAGE_SIZE = 20;
