/**
 * The topic list's filters live in the address (`?status=open&channel=online&mine=1&page=2`), so
 * the back button, a reload and a shared link show the same list.
 */
import type { IntakeChannel, TopicStatus } from '@yishi/contracts';
import { INTAKE_CHANNELS, TOPIC_STATUSES } from '@yishi/contracts';

export interface TopicSearch {
  status: TopicStatus | null;
  channel: IntakeChannel | null;
  mine: boolean;
  /** 1-based. */
  page: number;
}

export const DEFAULT_TOPIC_SEARCH: TopicSearch = { status: null, channel: null, mine: false, page: 1 };

export function readTopicSearch(params: URLSearchParams): TopicSearch {
  const status = params.get('status');
  const channel = params.get('channel');
  const page = Number(params.get('page'));
  return {
    status: (TOPIC_STATUSES as readonly (string | null)[]).includes(status) ? (status as TopicStatus) : null,
    channel: (INTAKE_CHANNELS as readonly (string | null)[]).includes(channel) ? (channel as IntakeChannel) : null,
    mine: params.get('mine') === '1',
    page: Number.isSafeInteger(page) && page >= 1 ? page : 1,
  };
}

/** The address's query for a search: nothing for the defaults. */
export function writeTopicSearch(search: TopicSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.status) params.set('status', search.status);
  if (search.channel) params.set('channel', search.channel);
  if (search.mine) params.set('mine', '1');
  if (search.page > 1) params.set('page', String(search.page));
  return params;
}
