import type { ExecutionContext } from '@nestjs/common';
import { Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { CSRF_HEADER } from '@yishi/contracts';
import type { Request } from 'express';
import type { Actor } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { equalStrings } from '../common/keyed-hash';
import type { AccessRule } from './access.decorators';
import { ACCESS_RULE } from './access.decorators';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The global guard. A route without an access rule is refused; a public route still learns who
 * is calling when a valid session cookie comes along; every other route needs a session, and
 * every write through a session needs its CSRF token in the X-CSRF-Token header.
 */
@Injectable()
export class AccessGuard extends AuthGuard('session-cookie') {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(private readonly reflector: Reflector) {
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
    return true;
  }

  override handleRequest<T>(error: unknown, actor: T): T {
    if (error instanceof Error) throw error;
    if (error) throw new DomainError('UNAUTHENTICATED', 'Please sign in first.');
    if (!actor) throw new DomainError('UNAUTHENTICATED', 'Please sign in first.');
    return actor;
  }
}
