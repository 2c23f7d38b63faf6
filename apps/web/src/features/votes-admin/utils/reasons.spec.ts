import { describe, expect, it } from '@jest/globals';
import { rejectionText } from './reasons';

describe('rejectionText', () => {
  it('says why the count would not take a ballot, in the reader’s language', () => {
    expect(rejectionText('not-designated-co-owner', 'zh-CN')).toMatch(/共有/);
    expect(rejectionText('proxy-agent-other-household', 'en')).toMatch(/household/);
  });

  it('leaves the desk’s own reasons to the desk', () => {
    expect(rejectionText('has_paper', 'zh-CN')).toBeNull();
  });
});
