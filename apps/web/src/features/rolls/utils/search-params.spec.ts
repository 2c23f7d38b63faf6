import { describe, expect, it } from '@jest/globals';
import { readRollSearch, writeRollSearch } from './search-params';

const BUILDING = '89aca3e5-408e-4892-99c9-e28b904745ac';

describe('the roll search in the address', () => {
  it('reads the defaults from an empty query', () => {
    expect(readRollSearch(new URLSearchParams())).toEqual({ q: '', page: 1, buildingId: null });
  });

  it('reads a search, a page and a building', () => {
    expect(readRollSearch(new URLSearchParams(`q=%20陈%20&page=3&building=${BUILDING}`))).toEqual({ q: '陈', page: 3, buildingId: BUILDING });
  });

  it('ignores what it cannot use', () => {
    expect(readRollSearch(new URLSearchParams('page=-2&building=not-an-id'))).toEqual({ q: '', page: 1, buildingId: null });
    expect(readRollSearch(new URLSearchParams('page=1.5')).page).toBe(1);
    expect(readRollSearch(new URLSearchParams(`q=${'x'.repeat(80)}`)).q).toHaveLength(50);
  });

  it('writes only what differs from the defaults, and reads back what it wrote', () => {
    expect(writeRollSearch({ q: '', page: 1, buildingId: null }).toString()).toBe('');
    const search = { q: 'NC-801', page: 2, buildingId: BUILDING };
    expect(readRollSearch(writeRollSearch(search))).toEqual(search);
  });
});
