import { describe, expect, it } from '@jest/globals';
import { adoptionReportPath, clausePath, consultationPath, readReaderLocation } from './links';

const ID = '5b0d6c1e-1c2f-4f7e-9a51-0c8a3c1d2e3f';

describe('the reader’s place in the address', () => {
  it('is the overview of the current version by default', () => {
    expect(readReaderLocation('', '')).toEqual({ view: { kind: 'overview' }, version: null, commentId: null });
  });

  it('opens one clause from its hash, the changes from #changes', () => {
    expect(readReaderLocation('', '#clause-3').view).toEqual({ kind: 'clause', number: 3 });
    expect(readReaderLocation('', '#changes').view).toEqual({ kind: 'changes' });
  });

  it('ignores a hash or a query it does not understand', () => {
    expect(readReaderLocation('?version=abc&comment=<script>', '#clause-0').view).toEqual({ kind: 'overview' });
    expect(readReaderLocation('?version=abc&comment=<script>', '#clause-x')).toEqual({ view: { kind: 'overview' }, version: null, commentId: null });
    expect(readReaderLocation('?version=0', '').version).toBeNull();
  });

  it('reads the version and the comment a notification points at', () => {
    expect(readReaderLocation(`?version=2&comment=${ID.toUpperCase()}`, '#clause-12')).toEqual({
      view: { kind: 'clause', number: 12 },
      version: 2,
      commentId: ID,
    });
  });

  it('round-trips through the paths it builds', () => {
    const path = consultationPath(ID, { version: 2, view: { kind: 'clause', number: 3 }, comment: ID });
    expect(path).toBe(`/consultations/${ID}?version=2&comment=${ID}#clause-3`);
    const url = new URL(path, 'http://x');
    expect(readReaderLocation(url.search, url.hash)).toEqual({ view: { kind: 'clause', number: 3 }, version: 2, commentId: ID });
    expect(clausePath(ID, 4)).toBe(`/consultations/${ID}#clause-4`);
    expect(consultationPath(ID, { view: { kind: 'changes' } })).toBe(`/consultations/${ID}#changes`);
    expect(adoptionReportPath(ID)).toBe(`/consultations/${ID}/report`);
  });
});
