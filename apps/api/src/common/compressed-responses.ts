/**
 * What goes over the wire compressed. The web client's files are compressed once, at build time
 * (brotli and gzip beside each file, see apps/web/vite.config.ts), and served as they are with
 * the right Content-Encoding; API answers to reads are compressed on the fly above 1 KB. Writes
 * (a ballot cast, a comment) answer a few hundred bytes: they are left alone, so the hot path
 * pays nothing for compression.
 */
import fs from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import compression from 'compression';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Built assets carry a content hash and never change; the page that names them must be
 * revalidated, or a phone could keep loading files a release removed.
 */
export function cacheControlFor(file: string): string {
  if (file.endsWith('.html')) return 'no-cache';
  return /[\\/]assets[\\/]/.test(file) ? 'public, max-age=31536000, immutable' : 'public, max-age=3600';
}

type Encoding = 'br' | 'gzip';
const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

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

/** Every file under `root` with a precompressed copy beside it, by URL path (`/assets/index-3f2a.js`). */
function findPrecompressed(root: string): Map<string, Set<Encoding>> {
  const found = new Map<string, Set<Encoding>>();
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!entry.name.endsWith('.br') && !entry.name.endsWith('.gz')) {
        const encodings = new Set((Object.keys(SUFFIX) as Encoding[]).filter((e) => fs.existsSync(full + SUFFIX[e])));
        if (encodings.size > 0) found.set(`/${path.relative(root, full).split(path.sep).join('/')}`, encodings);
      }
    }
  };
  if (fs.existsSync(root)) walk(root);
  return found;
}

/**
 * Serves the brotli or gzip copy the web build wrote beside a file, when the client accepts it:
 * same Content-Type and caching as the file itself, `Vary: Accept-Encoding` either way. Anything
 * else (no copy, a client taking neither) goes on to the static files as before.
 */
export function servePrecompressed(root: string): RequestHandler {
  const precompressed = findPrecompressed(root);
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const urlPath = req.path === '/' ? '/index.html' : req.path;
    const available = precompressed.get(urlPath);
    if (!available) return next();
    res.vary('Accept-Encoding');
    const encoding = chooseEncoding(req.get('accept-encoding'), available);
    if (!encoding) return next();
    res.type(path.extname(urlPath));
    res.setHeader('Content-Encoding', encoding);
    res.sendFile(path.join(root, urlPath + SUFFIX[encoding]), { cacheControl: false, headers: { 'Cache-Control': cacheControlFor(urlPath) } }, (error) => {
      if (error) next(error);
    });
  };
}

/** Answers smaller than this go as they are: compressing them saves less than it costs. */
const COMPRESS_FROM_BYTES = 1024;
const BROTLI_QUALITY = 4;
/** A 256 KB window: far more than any answer needs, a sixteenth of brotli's default allocation. */
const BROTLI_WINDOW_BITS = 18;
const BOTH: ReadonlySet<Encoding> = new Set(['br', 'gzip']);

/**
 * The whole answer compressed in one call, when it is a complete body of a compressible type of at
 * least COMPRESS_FROM_BYTES and the client takes brotli or gzip; null to send it as it is.
 */
function compressedAnswer(req: Request, res: Response, body: unknown): Buffer | null {
  if (typeof body !== 'string' && !Buffer.isBuffer(body)) return null;
  if (res.getHeader('Content-Encoding') !== undefined || !compression.filter(req, res)) return null;
  const type = String(res.getHeader('Content-Type') ?? '');
  if (type === '' || type.startsWith('text/event-stream')) return null;
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  if (bytes.length < COMPRESS_FROM_BYTES) return null;
  const encoding = chooseEncoding(req.get('accept-encoding'), BOTH);
  res.vary('Accept-Encoding');
  if (!encoding) return null;
  res.setHeader('Content-Encoding', encoding);
  // Express names the charset of a text body it encodes itself; the bytes handed on are UTF-8 as well.
  if (typeof body === 'string' && !/;\s*charset=/i.test(type)) res.setHeader('Content-Type', `${type}; charset=utf-8`);
  return encoding === 'br'
    ? brotliCompressSync(bytes, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [zlibConstants.BROTLI_PARAM_LGWIN]: BROTLI_WINDOW_BITS, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: bytes.length } })
    : gzipSync(bytes, { level: zlibConstants.Z_BEST_SPEED });
}

/**
 * API answers to reads (GET, HEAD) over 1 KB, brotli or gzip at a fast setting. Not the session
 * state under /api/auth, which carries the CSRF token: a compressed secret beside text an
 * attacker can influence leaks through the size (BREACH), and the answer is small anyway.
 *
 * An answer sent whole (every JSON answer, `res.send`) is compressed in one call; only a streamed
 * one (a file download) goes through the `compression` package's stream. Measured on this machine
 * (a 4.6 KB JSON answer, Express, 20 clients): a compressing stream per answer cost 600–700 µs of
 * CPU for gzip and 1,000–1,200 µs for brotli, whatever the level, where the one-shot call costs
 * 40–80 µs; under bench:pages the stream was a fifth of the API's CPU on the pages people open most.
 */
export function compressReadAnswers(): RequestHandler {
  // A server-sent event stream is never compressed: compression would hold its events back.
  const streamed = compression({
    threshold: COMPRESS_FROM_BYTES,
    level: zlibConstants.Z_BEST_SPEED,
    brotli: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [zlibConstants.BROTLI_PARAM_LGWIN]: BROTLI_WINDOW_BITS } },
    filter: (req, res) => !String(res.getHeader('Content-Type') ?? '').startsWith('text/event-stream') && compression.filter(req, res),
  });
  return (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path.startsWith('/api/auth/')) return next();
    // Express's res.json hands res.send the whole body: compress it there, once. The stream above
    // then finds the answer encoded and leaves it alone.
    const send = res.send;
    res.send = function sendCompressed(this: Response, body?: unknown): Response {
      return send.call(this, compressedAnswer(req, this, body) ?? body);
    };
    streamed(req, res, next);
  };
}
