/**
 * What the OpenAPI document says beyond what the controllers' decorators say, derived in one place
 * from what each route is: who may call it (its access rule), how it authenticates (the session
 * cookie, and the CSRF header on writes), and which errors it can answer, each as an `ErrorBody`.
 */
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { OperationObject, ParameterObject, ReferenceObject, ResponseObject } from '@nestjs/swagger';
import type { ErrorCode } from '@yishi/contracts';
import { SESSION_COOKIE } from '@yishi/contracts';
import type { AccessRule } from '../auth/access.decorators';
import { ACCESS_RULE } from '../auth/access.decorators';
import { statusForCode } from '../common/error-status';
import { API_ERRORS } from './api-errors.decorator';
import { ERROR_DETAIL_SCHEMAS } from './error-body.dto';

export const SESSION_SCHEME = 'sessionCookie';
export const CSRF_SCHEME = 'csrfToken';
/** The CSRF header as documented (header names are case-insensitive; contracts' CSRF_HEADER is its lower case). */
export const CSRF_HEADER_NAME = 'X-CSRF-Token';
export const ERROR_BODY_REF = '#/components/schemas/ErrorBody';

/** Tags of the operations, in the order a reader meets them, with what each covers. */
export const OPENAPI_TAGS: [string, string][] = [
  ['auth', 'Sign-up by SMS code, sign-in, the session and its CSRF token'],
  ['me', 'What the rolls record about me'],
  ['notifications', 'My inbox'],
  ['organizations', 'The street, its communities and their units'],
  ['roles', 'Roles granted on a node of the organization tree'],
  ['invitations', 'Invitation letters that link accounts to roll entries'],
  ['rolls', 'Rolls (名册) of cooperatives and compounds: read, import, export'],
  ['topics', 'Topics (议题) raised by residents, seconded and screened'],
  ['consultations', 'Consultations and their phases'],
  ['drafts', 'Versions of a consultation’s draft, clause by clause, with attachments'],
  ['comments', 'Opinions on a draft, moderation, official answers, the adoption report'],
  ['briefings', 'Briefing sessions (宣讲) with sign-ups and attendance'],
  ['votes', 'Votes under a statute’s rule set: ballots online and on paper, proxies, turnout, results, objections'],
  ['audit', 'The audit trail'],
  ['health', 'Liveness'],
];

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What each code means, said once for every route that can answer it. */
const MEANING: Record<ErrorCode, string> = {
  VALIDATION_FAILED: 'a field or query parameter is not valid; `details.fields` lists each problem',
  MALFORMED_REQUEST: 'the request cannot be read: the body is not JSON, or a path parameter is malformed',
  PAYLOAD_TOO_LARGE: 'the body or the uploaded file is over the limit',
  UNSUPPORTED_MEDIA_TYPE: 'the uploaded file is not of an accepted type',
  NOT_FOUND: 'there is no such thing, or it is in a unit the caller may not see',
  ROUTE_NOT_FOUND: 'there is no such address in the API',
  METHOD_NOT_ALLOWED: 'the address does not take this method',
  UNAUTHENTICATED: 'no valid session: sign in first',
  FORBIDDEN: 'the caller’s roles do not allow this here (`details.reason` may say why)',
  CONFLICT: 'the thing is not in a state that allows this, or the change clashes with saved data (`details.reason` or `details.constraint`)',
  TOO_MANY_REQUESTS: 'too many attempts; `details.retryAfterSeconds` and the Retry-After header say when to try again',
  INVALID_CREDENTIALS: 'the phone number and password do not match an account',
  ACCOUNT_DISABLED: 'the account is disabled',
  CSRF_FAILED: 'a write without the session’s CSRF token in the X-CSRF-Token header',
  PASSWORD_TOO_WEAK: 'the password is too easy to guess (`details.reason`)',
  PHONE_TAKEN: 'an account already uses this phone number',
  INVALID_SMS_CODE: 'the SMS code is wrong, used or expired',
  INVALID_INVITATION: 'the invitation code is wrong, used or expired',
  INVITATION_PROOF_REQUIRED: 'the letter must be proven the reader’s own: a code sent to the roll’s phone (`phoneCode`) or the identity number (`idNumber`); `details.methods` says which the roll allows',
  INVITATION_PROOF_FAILED: 'the proof does not match what the roll holds; `details.attemptsLeft` before the letter is revoked',
  ONE_PERSON_PER_ACCOUNT: 'the account already stands for another person of this roll: one account is one person',
  ROLL_FILE_UNREADABLE: 'the roll file cannot be read as .xlsx or .csv',
  ROLL_CHANGED: 'the roll changed since the preview: preview the file again',
  ROLL_IMPORT_CLOSED: 'this import was already committed or has expired',
  SERVICE_UNAVAILABLE: 'a service the API needs is not available (`details` says which)',
  INTERNAL_ERROR: 'something failed on the server',
};

export interface Route {
  method: string;
  /** As in the document: `/api/votes/{id}/board`. */
  path: string;
  rule: AccessRule | undefined;
  declared: ErrorCode[];
  /** The controller method, for reading the rest of its metadata. */
  handler: object;
}

function join(...parts: (string | string[] | undefined)[]): string {
  const segments = parts.flatMap((p) => (Array.isArray(p) ? p : [p ?? ''])).flatMap((p) => p.split('/'));
  return `/${segments
    .filter(Boolean)
    .map((s) => (s.startsWith(':') ? `{${s.slice(1)}}` : s))
    .join('/')}`;
}

/** Every route of the loaded controllers, with its access rule and the errors it declares. */
export function apiRoutes(app: INestApplication, prefix: string): Route[] {
  const routes: Route[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      const base = Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined;
      const classRule = Reflect.getMetadata(ACCESS_RULE, controller) as AccessRule | undefined;
      const classErrors = (Reflect.getMetadata(API_ERRORS, controller) as ErrorCode[] | undefined) ?? [];
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (path === undefined || method === undefined) continue;
        routes.push({
          method: RequestMethod[method],
          path: join(prefix, base, path),
          rule: (Reflect.getMetadata(ACCESS_RULE, handler) as AccessRule | undefined) ?? classRule,
          declared: [...classErrors, ...((Reflect.getMetadata(API_ERRORS, handler) as ErrorCode[] | undefined) ?? [])],
          handler,
        });
      }
    }
  }
  return routes;
}

function isParameter(p: ParameterObject | ReferenceObject): p is ParameterObject {
  return !('$ref' in p);
}

/**
 * The codes a route can answer: those its shape implies — a body can be malformed, too large or
 * invalid, a query invalid, a path parameter malformed or naming nothing the caller may see, a
 * non-public route needs a session (and the CSRF header on writes), a permission can be missing —
 * and those it declares with `@ApiErrors` (what its service throws).
 */
export function routeErrorCodes(route: Route, operation: OperationObject): ErrorCode[] {
  const codes = new Set<ErrorCode>();
  const parameters = (operation.parameters ?? []).filter(isParameter);
  if (operation.requestBody) {
    codes.add('VALIDATION_FAILED').add('MALFORMED_REQUEST').add('PAYLOAD_TOO_LARGE');
  }
  if (parameters.some((p) => p.in === 'query')) codes.add('VALIDATION_FAILED');
  if (parameters.some((p) => p.in === 'path')) codes.add('MALFORMED_REQUEST').add('NOT_FOUND');
  const kind = route.rule?.kind;
  if (kind !== 'public') {
    codes.add('UNAUTHENTICATED');
    if (!SAFE_METHODS.has(route.method)) codes.add('CSRF_FAILED');
  }
  // A route without a rule is refused to everyone (403), like a missing permission.
  if (kind === 'permission' || kind === undefined) codes.add('FORBIDDEN');
  for (const code of route.declared) codes.add(code);
  return [...codes];
}

function accessText(route: Route): string {
  const writes = !SAFE_METHODS.has(route.method);
  const csrf = writes ? ` Send the session’s CSRF token (\`csrfToken\` of GET /api/auth/session) in the ${CSRF_HEADER_NAME} header.` : '';
  switch (route.rule?.kind) {
    case 'public':
      return 'Open to anyone, signed in or not.';
    case 'signed-in':
      return `Needs a signed-in session (the ${SESSION_COOKIE} cookie).${csrf}`;
    case 'permission':
      return (
        `Needs a signed-in session (the ${SESSION_COOKIE} cookie) whose roles grant this route’s action on the street, ` +
        `community or unit the request is about: otherwise 403, or 404 when the thing lies in a unit the caller may not see.${csrf}`
      );
    case undefined:
      return 'Declares no access rule: refused to everyone.';
  }
}

function errorResponse(codes: ErrorCode[]): ResponseObject {
  const response: ResponseObject = {
    description: codes.map((code) => `\`${code}\`: ${MEANING[code]}.`).join(' '),
    content: { 'application/json': { schema: { $ref: ERROR_BODY_REF } } },
  };
  if (codes.includes('TOO_MANY_REQUESTS')) {
    response.headers = { 'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer' } } };
  }
  return response;
}

/**
 * Declares the security schemes and completes every operation: its security requirement, its
 * error responses (all `ErrorBody`, grouped by status), and a description of who may call it when
 * the controller gave none.
 */
export function completeDocument(document: OpenAPIObject, app: INestApplication, prefix: string): OpenAPIObject {
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ...ERROR_DETAIL_SCHEMAS },
    securitySchemes: {
      ...document.components?.securitySchemes,
      [SESSION_SCHEME]: {
        type: 'apiKey',
        in: 'cookie',
        name: SESSION_COOKIE,
        description: 'The HttpOnly session cookie that POST /api/auth/login and POST /api/auth/signup set.',
      },
      [CSRF_SCHEME]: {
        type: 'apiKey',
        in: 'header',
        name: CSRF_HEADER_NAME,
        description: 'The session’s CSRF token (`csrfToken` of GET /api/auth/session, login and signup), required with the cookie on every write: POST, PUT, PATCH, DELETE.',
      },
    },
  };
  for (const route of apiRoutes(app, prefix)) {
    const operation = document.paths[route.path]?.[route.method.toLowerCase() as 'get'];
    if (!operation) continue;
    const kind = route.rule?.kind;
    if (kind === 'public') operation.security = [];
    else operation.security = [SAFE_METHODS.has(route.method) ? { [SESSION_SCHEME]: [] } : { [SESSION_SCHEME]: [], [CSRF_SCHEME]: [] }];
    const byStatus = new Map<number, ErrorCode[]>();
    for (const code of routeErrorCodes(route, operation)) {
      const status = statusForCode(code);
      byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
    }
    for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
      operation.responses[String(status)] = errorResponse(codes);
    }
    operation.description ||= accessText(route);
  }
  // A tag no one described yet is still declared, so that every operation's tag is defined.
  const declared = new Set((document.tags ?? []).map((t) => t.name));
  for (const tag of Object.values(document.paths).flatMap((item) => Object.values(item as Record<string, OperationObject>).flatMap((op) => op.tags ?? []))) {
    if (!declared.has(tag)) {
      document.tags = [...(document.tags ?? []), { name: tag }];
      declared.add(tag);
    }
  }
  return document;
}
