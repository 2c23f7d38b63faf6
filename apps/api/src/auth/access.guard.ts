import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { BadRequestException, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { CSRF_HEADER, SESSION_COOKIE } from '@yishi/contracts';
import type { FastifyRequest } from 'fastify';
import { readCookie } from './session-cookie';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { equalStrings } from '../common/keyed-hash';
import { requestContext } from '../common/request-context';
import { sessionWithTargetAccess } from '../permissions/access-reads';
import { PermissionsService } from '../permissions/permissions.service';
import { TARGET_RECORD } from '../permissions/targets';
import type { AccessRule } from './access.decorators';
import { ACCESS_RULE, ACCESS_TARGET } from './access.decorators';
import { SessionService, tokenHashOf } from './session.service';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type GuardedRequest = FastifyRequest & { user?: Actor; [ACCESS_TARGET]?: unknown };

/**
 * The global guard. A route without an access rule is refused; a public route still learns who
 * is calling when a valid session cookie comes along; every other route needs a session, and
 * every write through a session needs its CSRF token in the X-CSRF-Token header. A `@Permission`
 * route's declaration is enforced here, on the target its parameter names (PermissionsService.
 * authorizeLoaded), and the resolved target is left on the request for the service.
 *
 * The session is the cookie's (SessionService): looked up on its own for a public or signed-in
 * route, and for a `@Permission` route in the same statement that reads the target with the
 * caller's grants on it (sessionWithTargetAccess), one round trip to the database instead of two,
 * every request reading the session as it stands (a revoked session stops at once). For a read,
 * that statement also reads the consultation or vote the target hangs from, which the service's
 * own first read of it then takes instead of asking again (takeTargetRecord).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly permissions: PermissionsService,
    private readonly sessions: SessionService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [context.getHandler(), context.getClass()]);
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    if (!rule) {
      this.logger.error(`${request.method} ${request.routeOptions.url ?? request.url} declares no access rule: refused`);
      throw new DomainError('FORBIDDEN', 'This route is not open to anyone.');
    }
    const token = readCookie(request.headers.cookie, SESSION_COOKIE);
    if (rule.kind === 'public') {
      // Who is calling, if a valid session says so; anything wrong with it leaves the call anonymous.
      const actor = token ? await this.sessions.actorFor(token).catch(() => null) : null;
      if (actor) request.user = actor;
      return true;
    }
    const tokenHash = token ? tokenHashOf(token) : null;
    if (!tokenHash) throw unauthenticated();
    if (rule.kind === 'signed-in') {
      this.signedIn(request, await this.sessions.actorFor(token!));
      return true;
    }
    const id: unknown = (request.params as Record<string, unknown> | undefined)?.[rule.param];
    if (id === undefined) {
      this.signedIn(request, await this.sessions.actorFor(token!));
      throw new Error(`${request.method} ${request.routeOptions.url ?? request.url} declares its target by the parameter "${rule.param}", which the route does not have`);
    }
    if (typeof id !== 'string' || !UUID.test(id)) {
      this.signedIn(request, await this.sessions.actorFor(token!));
      // The route's ParseUUIDPipe runs after the guard: answer as it would.
      throw new BadRequestException('Validation failed (uuid is expected)');
    }
    const reading = SAFE_METHODS.has(request.method);
    const read = await sessionWithTargetAccess(this.dataSource, tokenHash, rule.on, id, reading);
    const actor = this.signedIn(request, await this.sessions.actorOf(read));
    const current = requestContext.getStore();
    if (current && read?.target && reading) {
      // A read changes no grant: the service's own access reads are answered from this one, and
      // its first read of the consultation or vote the target hangs from (takeTargetRecord).
      current.access = { userId: actor.id, grants: read.target.grants, ancestries: read.target.ancestries ?? {} };
      const table = TARGET_RECORD[rule.on]?.table;
      if (table && read.target.record) current.record = { table, row: read.target.record, nodes: read.target.nodes ?? [] };
    }
    const from = rule.buildingFrom;
    const buildingId = from ? ('body' in from ? bodyUuid(request.body, from.body) : bodyUuid(request.query, from.query)) : undefined;
    request[ACCESS_TARGET] = await this.permissions.authorizeLoaded(actor, { action: rule.action, on: rule.on, id, allow: rule.allow, buildingId }, read!.target);
    return true;
  }

  /** The request's actor, with its CSRF token checked on a write: 401 without a live session. */
  private signedIn(request: GuardedRequest, actor: Actor | null): Actor {
    if (!actor) throw unauthenticated();
    request.user = actor;
    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers[CSRF_HEADER.toLowerCase()];
      const sent = typeof header === 'string' ? header : undefined;
      if (!sent || !equalStrings(sent, actor.csrfToken)) {
        throw new DomainError('CSRF_FAILED', 'The page is out of date: reload it and try again.');
      }
    }
    return actor;
  }
}

function unauthenticated(): DomainError {
  return new DomainError('UNAUTHENTICATED', 'Please sign in first.');
}

/** A building named in the JSON body (or the query); anything else names none (the validation pipe then answers for it). */
function bodyUuid(body: unknown, field: string): string | null {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[field] : undefined;
  return typeof value === 'string' && UUID.test(value) ? value : null;
}
