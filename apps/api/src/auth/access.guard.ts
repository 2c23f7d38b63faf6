import type { ExecutionContext } from '@nestjs/common';
import { BadRequestException, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { CSRF_HEADER } from '@yishi/contracts';
import type { Request } from 'express';
import type { Actor } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { equalStrings } from '../common/keyed-hash';
import { PermissionsService } from '../permissions/permissions.service';
import type { AccessRule } from './access.decorators';
import { ACCESS_RULE, ACCESS_TARGET } from './access.decorators';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The global guard. A route without an access rule is refused; a public route still learns who
 * is calling when a valid session cookie comes along; every other route needs a session, and
 * every write through a session needs its CSRF token in the X-CSRF-Token header. A `@Permission`
 * route's declaration is enforced here, on the target its parameter names (PermissionsService.
 * authorize), and the resolved target is left on the request for the service.
 */
@Injectable()
export class AccessGuard extends AuthGuard('session-cookie') {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly permissions: PermissionsService,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [context.getHandler(), context.getClass()]);
    const request = context.switchToHttp().getRequest<Request>();
    if (!rule) {
      this.logger.error(`${request.method} ${request.path} declares no access rule: refused`);
      throw new DomainError('FORBIDDEN', 'This route is not open to anyone.');
    }
    if (rule.kind === 'public') {
      await (super.canActivate(context) as Promise<boolean>).catch(() => false);
      return true;
    }
    await (super.canActivate(context) as Promise<boolean>);
    const actor = request.user as Actor;
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.header(CSRF_HEADER);
      if (!sent || !equalStrings(sent, actor.csrfToken)) {
        throw new DomainError('CSRF_FAILED', 'The page is out of date: reload it and try again.');
      }
    }
    if (rule.kind === 'permission') {
      const id: unknown = request.params[rule.param];
      if (id === undefined) throw new Error(`${request.method} ${request.path} declares its target by the parameter "${rule.param}", which the route does not have`);
      // The route's ParseUUIDPipe runs after the guard: answer as it would.
      if (typeof id !== 'string' || !UUID.test(id)) throw new BadRequestException('Validation failed (uuid is expected)');
      const from = rule.buildingFrom;
      const buildingId = from ? ('body' in from ? bodyUuid(request.body, from.body) : bodyUuid(request.query, from.query)) : undefined;
      (request as Request & { [ACCESS_TARGET]?: unknown })[ACCESS_TARGET] = await this.permissions.authorize(actor, { action: rule.action, on: rule.on, id, allow: rule.allow, buildingId });
    }
    return true;
  }

  override handleRequest<T>(error: unknown, actor: T): T {
    if (error instanceof Error) throw error;
    if (error) throw new DomainError('UNAUTHENTICATED', 'Please sign in first.');
    if (!actor) throw new DomainError('UNAUTHENTICATED', 'Please sign in first.');
    return actor;
  }
}

/** A building named in the JSON body (or the query); anything else names none (the validation pipe then answers for it). */
function bodyUuid(body: unknown, field: string): string | null {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[field] : undefined;
  return typeof value === 'string' && UUID.test(value) ? value : null;
}
