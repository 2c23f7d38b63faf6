import { cacheControlFor, chooseEncoding } from './compressed-responses';

describe('which compressed copy a client gets', () => {
  const both = new Set(['br', 'gzip'] as const);

  it('prefers brotli when the client takes it as gladly as gzip, whatever order it lists them in', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd', both)).toBe('br');
    expect(chooseEncoding('br;q=1.0, gzip;q=0.8', both)).toBe('br');
    expect(chooseEncoding('*', both)).toBe('br');
  });

  it('falls back to gzip, and to none, as the client says', () => {
    expect(chooseEncoding('gzip, br;q=0.5', both)).toBe('gzip');
    expect(chooseEncoding('gzip, deflate', both)).toBe('gzip');
    expect(chooseEncoding('br', new Set(['gzip'] as const))).toBeNull();
    expect(chooseEncoding('identity', both)).toBeNull();
    expect(chooseEncoding('br;q=0, gzip;q=0', both)).toBeNull();
    expect(chooseEncoding(undefined, both)).toBeNull();
  });

  it('caches hashed assets for a year and the page not at all', () => {
    expect(cacheControlFor('/srv/dist/web/assets/index-3f2a.js')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('/index.html')).toBe('no-cache');
    expect(cacheControlFor('/favicon.svg')).toBe('public, max-age=3600');
  });
});
