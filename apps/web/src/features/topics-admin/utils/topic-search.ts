/**
 * The screening queue's filters in the address (?status=open&channel=hotline&page=2), so a reload
 * or a shared link shows the same list. The queue opens on the topics still waiting: 待筛选.
 */
import type { IntakeChannel, TopicStatus } from '@yishi/contracts';
import { INTAKE_CHANNELS, TOPIC_STATUSES } from '@yishi/contracts';
import type { TopicSearch } from '../api/list-topics';

/** `status=all` in the address: every status. */
export const ALL = 'all';

export function readTopicSearch(params: URLSearchParams): TopicSearch {
  const status = params.get('status');
  const channel = params.get('channel');
  const page = Number(params.get('page'));
  return {
    status: status === ALL ? null : (TOPIC_STATUSES as readonly string[]).includes(status ?? '') ? (status as TopicStatus) : 'open',
    channel: (INTAKE_CHANNELS as readonly string[]).includes(channel ?? '') ? (channel as IntakeChannel) : null,
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

export function writeTopicSearch(search: TopicSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.status !== 'open') params.set('status', search.status ?? ALL);
  if (search.channel) params.set('channel', search.channel);
  if (search.page > 1) params.set('page', String(search.page));
  return params;
}
