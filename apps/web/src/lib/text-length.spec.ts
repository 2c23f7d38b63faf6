import { describe, expect, it } from '@jest/globals';
import { characterCount, checkPlainText, counterBucket } from './text-length';

describe('text lengths', () => {
  it('count characters, not UTF-16 units', () => {
    expect(characterCount('路灯太暗')).toBe(4);
    expect(characterCount('👍好')).toBe(2);
  });

  it('tell a writer once per step how close the limit is', () => {
    expect(counterBucket(10, 1000)).toBe('plenty');
    expect(counterBucket(900, 1000)).toBe('hundred');
    expect(counterBucket(985, 1000)).toBe('twenty');
    expect(counterBucket(1000, 1000)).toBe('full');
    expect(counterBucket(1001, 1000)).toBe('over');
  });

  it('refuse an empty or too long text, trimmed first', () => {
    expect(checkPlainText('   ', 10)).toBe('empty');
    expect(checkPlainText('', 10, false)).toBeNull();
    expect(checkPlainText(` ${'字'.repeat(10)} `, 10)).toBeNull();
    expect(checkPlainText('字'.repeat(11), 10)).toBe('tooLong');
  });
});
