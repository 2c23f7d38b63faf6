/**
 * What every request must be before any route sees it, checked once at the edge so that no
 * controller, pipe or service has to: a JSON body not nested deeper than a person's data ever is,
 * sent as JSON; text in the body and the query that is well-formed Unicode without control
 * characters; one value per query parameter. A refusal is the usual `{ code, message, details }`
 * with a 4xx, also for what Node's HTTP parser refuses before Fastify runs (a URL over 16 KB).
 *
 * Field rules on top of this one (line breaks, bidirectional overrides, lengths) are the DTOs'
 * (see plain-text.ts). Decided there, not here: the bidirectional overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069) are refused in what people write (names, titles, comments),
 * where they make text read otherwise than it was typed; elsewhere (a password, a code) they are
 * harmless bytes. Zero-width characters (U+200B–U+200D, U+2060, U+FEFF) and the plain direction
 * marks (U+200E, U+200F) pass everywhere: emoji sequences and some scripts need them, and they
 * cannot reorder text.
 */
import type { Socket } from 'node:net';
import { STATUS_CODES } from 'node:http';
import type { ErrorBody, FieldProblem } from '@yishi/contracts';
import type { FastifyRequest } from 'fastify';
import { DomainError } from './domain-error';

/** Deeper than any body the API takes (a draft's clauses are four levels), far below a stack overflow. */
export const MAX_JSON_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x7b, 0x5b]); // { [
const CLOSERS = new Set([0x7d, 0x5d]); // } ]

/** Whether JSON text nests objects and arrays deeper than `max`: one linear pass, strings skipped. */
export function jsonNestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i += 1;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (OPENERS.has(c)) {
      depth += 1;
      if (depth > max) return true;
    } else if (CLOSERS.has(c)) {
      depth -= 1;
    }
  }
  return false;
}

/** A body-size setting (`100kb`, `1mb`, `512b`) in bytes, as BODY_LIMIT gives it. */
export function bodyLimitBytes(limit: string): number {
  const match = /^(\d+)(b|kb|mb)$/i.exec(limit.trim());
  if (!match) throw new Error(`Not a body size: ${limit}`);
  const unit = match[2]!.toLowerCase();
  return Number(match[1]) * (unit === 'mb' ? 1024 * 1024 : unit === 'kb' ? 1024 : 1);
}

const NOT_JSON = (contentType: string | undefined): DomainError =>
  new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the request body as application/json.', { contentType: contentType ?? null });

/** The charset of a JSON body may only be UTF-8 (RFC 8259), said or unsaid. */
function utf8OrUnsaid(contentType: string | undefined): boolean {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase();
  return charset === undefined || charset === 'utf-8' || charset === 'utf8';
}

type JsonParse = (text: string) => unknown;

/**
 * The one JSON body parser: the depth is checked on the raw text before it is parsed, so a body
 * nested 3,000 levels deep never reaches class-transformer (which recurses once per level); an
 * empty body is an empty object (as it was with body-parser); the top level must be an object.
 * `parse` is Fastify's own (it refuses `__proto__` and `constructor.prototype` keys).
 */
export function jsonBodyParser(parse: JsonParse): (request: FastifyRequest, body: string) => unknown {
  return (request, body) => {
    const contentType = request.headers['content-type'];
    if (!utf8OrUnsaid(contentType)) throw NOT_JSON(contentType);
    if (body.length === 0) return {};
    if (jsonNestsDeeperThan(body, MAX_JSON_DEPTH)) {
      throw new DomainError('MALFORMED_REQUEST', `The JSON body is nested more than ${MAX_JSON_DEPTH} levels deep.`, { maxDepth: MAX_JSON_DEPTH });
    }
    const value = parse(body);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new DomainError('VALIDATION_FAILED', 'The JSON body must be an object.', { fields: [{ field: 'body', reasons: ['isObject'], message: 'The JSON body must be an object.' }] });
    }
    return value;
  };
}

/** Every other media type: JSON, and multipart for the routes that take uploads, are all there is. */
export function refuseOtherMediaTypes(request: FastifyRequest): never {
  throw NOT_JSON(request.headers['content-type']);
}

/** Lone surrogates: text no database, JSON encoder or font can keep. */
const LONE_SURROGATE = /\p{Cs}/u;
/** C0 and C1 control characters and DEL, except tab, line feed and carriage return (text areas send those). */
const CONTROL_IN_BODY = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;
/** In a query parameter (a search, a filter, a cursor), no control character at all. */
const CONTROL_IN_QUERY = /[\u0000-\u001f\u007f-\u009f]/u;
/** Enough to say what is wrong; a body of ten thousand bad strings gets the first ones. */
const MAX_PROBLEMS = 20;

function textProblem(field: string, text: string, controls: RegExp): FieldProblem | null {
  if (LONE_SURROGATE.test(text)) {
    return { field, reasons: ['wellFormedText'], message: `${field} is not well-formed Unicode text (it holds half of a surrogate pair).` };
  }
  if (controls.test(text)) {
    return { field, reasons: ['noControlCharacters'], message: `${field} may not contain control characters${controls === CONTROL_IN_BODY ? ' other than tabs and line breaks' : ''}.` };
  }
  return null;
}

function collectBodyProblems(value: unknown, field: string, problems: FieldProblem[]): void {
  if (problems.length >= MAX_PROBLEMS) return;
  if (typeof value === 'string') {
    const problem = textProblem(field || 'body', value, CONTROL_IN_BODY);
    if (problem) problems.push(problem);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => collectBodyProblems(item, field ? `${field}.${i}` : String(i), problems));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const name = field ? `${field}.${key}` : key;
      const problem = textProblem(name, key, CONTROL_IN_QUERY);
      if (problem) problems.push({ ...problem, message: `The name of the field ${problem.message}` });
      collectBodyProblems(item, name, problems);
    }
  }
}

function collectQueryProblems(query: Record<string, unknown>, problems: FieldProblem[]): void {
  for (const [name, value] of Object.entries(query)) {
    if (problems.length >= MAX_PROBLEMS) return;
    const keyProblem = textProblem(name, name, CONTROL_IN_QUERY);
    if (keyProblem) {
      problems.push(keyProblem);
    } else if (typeof value !== 'string') {
      problems.push({ field: name, reasons: ['singleValue'], message: `${name} may be given once, as one value.` });
    } else {
      const problem = textProblem(name, value, CONTROL_IN_QUERY);
      if (problem) problems.push(problem);
    }
  }
}

/**
 * The edge's text rule, after the body is parsed and before routing goes on: applies to every
 * string of the body (and every key) and every query parameter. It refuses; it never rewrites
 * what was sent. Null when the request passes.
 */
export function malformedInput(query: unknown, body: unknown): DomainError | null {
  const problems: FieldProblem[] = [];
  if (query !== null && typeof query === 'object') collectQueryProblems(query as Record<string, unknown>, problems);
  collectBodyProblems(body, '', problems);
  if (problems.length === 0) return null;
  return new DomainError('VALIDATION_FAILED', `Some fields are not valid: ${problems.map((p) => p.field).join(', ')}`, { fields: problems });
}

/** Node's own refusals, before Fastify: a URL or headers over 16 KB, a request Node cannot parse. */
function clientErrorAnswer(code: string | undefined): { status: number; body: ErrorBody } {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return { status: 431, body: { code: 'PAYLOAD_TOO_LARGE', message: 'The address or the headers of the request are too long.', details: null } };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, body: { code: 'MALFORMED_REQUEST', message: 'The request took too long to arrive.', details: null } };
    default:
      return { status: 400, body: { code: 'MALFORMED_REQUEST', message: 'The request could not be read.', details: null } };
  }
}

/**
 * Fastify's `clientErrorHandler`: answers what Node's HTTP parser refuses with the error envelope
 * instead of an empty body, only when nothing of a response has gone out on the connection yet.
 */
export function answerClientErrorWithEnvelope(error: NodeJS.ErrnoException, socket: Socket & { _httpMessage?: { headersSent?: boolean } | null }): void {
  if (error.code !== 'ECONNRESET' && socket.writable && !socket._httpMessage?.headersSent) {
    const { status, body } = clientErrorAnswer(error.code);
    const json = JSON.stringify(body);
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
    );
  }
  socket.destroy(error);
}
