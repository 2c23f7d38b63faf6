import { describe, expect, it } from '@jest/globals';
import { checkTopic, choosePhotos } from './topic-form';
import { DEFAULT_TOPIC_SEARCH, readTopicSearch, writeTopicSearch } from './topic-search';

describe('the topic list’s filters in the address', () => {
  it('read the defaults from an empty or unreadable query', () => {
    expect(readTopicSearch(new URLSearchParams(''))).toEqual(DEFAULT_TOPIC_SEARCH);
    expect(readTopicSearch(new URLSearchParams('status=deleted&channel=fax&page=-2&mine=yes'))).toEqual(DEFAULT_TOPIC_SEARCH);
  });

  it('round-trip a filtered page', () => {
    const search = { status: 'declined' as const, channel: 'suggestion_box' as const, mine: true, page: 3 };
    expect(writeTopicSearch(search).toString()).toBe('status=declined&channel=suggestion_box&mine=1&page=3');
    expect(readTopicSearch(writeTopicSearch(search))).toEqual(search);
    expect(writeTopicSearch(DEFAULT_TOPIC_SEARCH).toString()).toBe('');
  });
});

describe('a topic before it is sent', () => {
  it('needs a title of one line and at most 100 characters; the text is optional up to 2000', () => {
    expect(checkTopic({ title: '  ', body: '' })).toEqual({ title: 'titleRequired' });
    expect(checkTopic({ title: '东门路灯太暗', body: '' })).toEqual({});
    expect(checkTopic({ title: '字'.repeat(101), body: '字'.repeat(2001) })).toEqual({ title: 'titleTooLong', body: 'bodyTooLong' });
  });

  const file = (name: string, size = 1000) => new File([new Uint8Array(size)], name);

  it('takes up to three photos of the allowed kinds and refuses the rest, saying why', () => {
    const first = choosePhotos([], [file('a.jpg'), file('b.PNG'), file('c.gif'), file('d.webp'), file('e.jpeg')]);
    expect(first.photos.map((f) => f.name)).toEqual(['a.jpg', 'b.PNG', 'd.webp']);
    expect(first.refused).toEqual([
      { name: 'c.gif', problem: { kind: 'wrongType', extension: '.gif' } },
      { name: 'e.jpeg', problem: { kind: 'tooMany', max: 3 } },
    ]);
    expect(choosePhotos([], [file('empty.jpg', 0)]).refused[0]?.problem).toEqual({ kind: 'empty' });
  });
});
