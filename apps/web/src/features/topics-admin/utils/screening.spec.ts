import { describe, expect, it } from '@jest/globals';
import type { OfflineTopicDraft } from './offline-topic';
import { checkOfflineTopic, toOfflineTopicRequest } from './offline-topic';
import { readTopicSearch, writeTopicSearch } from './topic-search';

describe('the queue’s address', () => {
  it('opens on the topics waiting for screening', () => {
    expect(readTopicSearch(new URLSearchParams(''))).toEqual({ status: 'open', channel: null, page: 1 });
    expect(writeTopicSearch({ status: 'open', channel: null, page: 1 }).toString()).toBe('');
  });

  it('keeps every status, a channel and a page, and ignores nonsense', () => {
    const search = readTopicSearch(new URLSearchParams('status=all&channel=hotline&page=3'));
    expect(search).toEqual({ status: null, channel: 'hotline', page: 3 });
    expect(writeTopicSearch(search).toString()).toBe('status=all&channel=hotline&page=3');
    expect(readTopicSearch(new URLSearchParams('status=gone&channel=x&page=-1'))).toEqual({ status: 'open', channel: null, page: 1 });
  });
});

describe('an offline topic', () => {
  const draft: OfflineTopicDraft = {
    channel: 'suggestion_box',
    title: ' 东门路灯不亮 ',
    body: '',
    collectorName: '1栋楼长 潘志明',
    collectedOn: '2026-05-12',
    anonymous: true,
    residentName: '会被忽略',
  };

  it('is sent with its provenance, and no name when anonymous', () => {
    expect(checkOfflineTopic(draft, 1, '2026-05-12')).toEqual({});
    expect(toOfflineTopicRequest(draft)).toEqual({ channel: 'suggestion_box', title: '东门路灯不亮', collectorName: '1栋楼长 潘志明', collectedOn: '2026-05-12', anonymous: true });
    expect(toOfflineTopicRequest({ ...draft, anonymous: false, residentName: ' 苏阿姨 ' }).residentName).toBe('苏阿姨');
  });

  it('needs a channel, a title, a collector, a past date, a name unless anonymous, at most three photos', () => {
    const empty: OfflineTopicDraft = { channel: '', title: '', body: '', collectorName: '', collectedOn: '', anonymous: false, residentName: '' };
    expect(checkOfflineTopic(empty, 4, '2026-05-12')).toEqual({
      channel: 'channel',
      title: 'titleRequired',
      collectorName: 'collector',
      collectedOn: 'date',
      residentName: 'resident',
      photos: 'tooManyPhotos',
    });
    expect(checkOfflineTopic({ ...draft, collectedOn: '2026-05-13' }, 0, '2026-05-12').collectedOn).toBe('future');
  });
});
