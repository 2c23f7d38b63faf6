/**
 * What goes over the wire compressed. The web client's files are compressed once, at build time
 * (brotli and gzip beside each file, see apps/web/vite.config.ts), and served as they are with
 * the right Content-Encoding; API answers to reads are compressed on the fly above 1 KB. Writes
 * (a ballot cast, a comment) answer a few hundred bytes: they are left alone, so the hot path
 * pays nothing for compression.
 */
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Built assets carry a content hash and never change; the page that names them must be
 * revalidated, or a phone could keep loading files a release removed.
 */
export function cacheControlFor(compressedOrNot: string): string {
  // A precompressed copy (index.html.br) is cached as the file it stands for.
  const file = compressedOrNot.replace(/\.(br|gz)$/, '');
  if (file.endsWith('.html')) return 'no-cache';
  return /[\\/]assets[\\/]/.test(file) ? 'public, max-age=31536000, immutable' : 'public, max-age=3600';
}

type Encoding = 'br' | 'gzip';

/** The quality (0–1) the client gives each encoding in Accept-Encoding; `*` stands for the rest. */
function encodingQualities(header: string | undefined): (name: string) => number {
  const given = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    given.set(name, q === undefined ? 1 : Number(q) || 0);
  }
  return (name) => given.get(name) ?? given.get('*') ?? 0;
}

/** Brotli when the client takes it at least as gladly as gzip (it is smaller), else gzip, else none. */
export function chooseEncoding(acceptEncoding: string | undefined, available: ReadonlySet<Encoding>): Encoding | null {
  const quality = encodingQualities(acceptEncoding);
  const br = available.has('br') ? quality('br') : 0;
  const gzip = available.has('gzip') ? quality('gzip') : 0;
  if (br > 0 && br >= gzip) return 'br';
  return gzip > 0 ? 'gzip' : null;
}

const BOTH: ReadonlySet<Encoding> = new Set(['br', 'gzip']);
/** What is worth compressing: text, JSON, JavaScript, XML, SVG; never an event stream (it would hold events back). */
const COMPRESSIBLE = /^(text\/(?!event-stream)|application\/(json|javascript|xml|[\w.+-]+\+(json|xml))|image\/svg\+xml)/i;
const THRESHOLD = 1024;
/**
 * Brotli's quality 3: on the area's adoption report page (40.6 KB of JSON), its opinions page
 * (22.4 KB) and the tree (8.3 KB), 161 / 89 / 56 µs against quality 4's 240 / 131 / 84 µs, for
 * 2.2 / 1.7 / 0.7 % more bytes (5,835 against 5,707 for the report).
 */
const BROTLI_QUALITY = 3;
/** A 256 KB window: far more than any answer needs, a sixteenth of brotli's default. */
const BROTLI_WINDOW_BITS = 18;

function addVary(reply: FastifyReply, name: string): void {
  const vary = reply.getHeader('vary');
  const current = Array.isArray(vary) ? vary.join(', ') : vary === undefined ? '' : String(vary);
  if (current === '*' || current.toLowerCase().split(/\s*,\s*/).includes(name.toLowerCase())) return;
  reply.header('vary', current ? `${current}, ${name}` : name);
}

/**
 * API answers to reads (GET, HEAD) over 1 KB, gzip or brotli at a fast setting: an `onSend`
 * hook, so only answers sent whole (JSON, a page) are compressed; files sent as streams are
 * downloads of their own format. Not the session state under /api/auth, which carries the CSRF
 * token: a compressed secret beside text an attacker can influence leaks through the size
 * (BREACH), and the answer is small anyway. The web client's own files are compressed at build
 * time and served as they are (@fastify/static's `preCompressed`).
 */
export function compressReadAnswers(): (request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (error: Error | null, payload?: unknown) => void) => void {
  return (request, reply, payload, done) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || request.url.startsWith('/api/auth/') || (typeof payload !== 'string' && !Buffer.isBuffer(payload))) {
      done(null, payload);
      return;
    }
    if (reply.hasHeader('content-encoding') || !COMPRESSIBLE.test(String(reply.getHeader('content-type') ?? ''))) {
      done(null, payload);
      return;
    }
    addVary(reply, 'Accept-Encoding');
    const size = Buffer.byteLength(payload);
    const encoding = size < THRESHOLD ? null : chooseEncoding(request.headers['accept-encoding'], BOTH);
    if (!encoding) {
      done(null, payload);
      return;
    }
    // One call on the whole answer, at a fast setting: a compressing stream per answer cost
    // 600-1,200 µs of CPU (brotli's default 4 MB window allocated each time), gzip's default
    // level 6 five times level 1 for a few per cent fewer bytes; this costs 40-80 µs for 5 KB.
    const compressed =
      encoding === 'br'
        ? brotliCompressSync(payload, { params: { [zlib.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [zlib.BROTLI_PARAM_LGWIN]: BROTLI_WINDOW_BITS, [zlib.BROTLI_PARAM_SIZE_HINT]: size } })
        : gzipSync(payload, { level: zlib.Z_BEST_SPEED });
    reply.header('content-encoding', encoding);
    reply.removeHeader('content-length');
    done(null, compressed);
  };
}
