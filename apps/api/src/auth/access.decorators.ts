import { createParamDecorator, SetMetadata } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';
import type { Action } from '@yishi/contracts';
import type { Request } from 'express';
import type { Actor } from '../common/actor';

/**
 * Every route declares who may call it — `@Public()`, `@SignedIn()` or `@Permission(action)` —
 * and the global AccessGuard refuses any route that declares none (a test walks the route table).
 * `@Permission` states the action; the service checks it against the node the request is about.
 */
export type AccessRule = { kind: 'public' } | { kind: 'signed-in' } | { kind: 'permission'; action: Action };

export const ACCESS_RULE = 'yishi:access-rule';

export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);
export const SignedIn = (): MethodDecorator & ClassDecorator => SetMetadata(ACCESS_RULE, { kind: 'signed-in' } satisfies AccessRule);
export const Permission = (action: Action): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_RULE, { kind: 'permission', action } satisfies AccessRule);

/** The signed-in actor (routes other than @Public always have one). */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const user = ctx.switchToHttp().getRequest<Request>().user as Actor | undefined;
  if (!user) throw new Error('CurrentActor used on a route without a signed-in actor');
  return user;
});

/** The signed-in actor, or null on a public route called anonymously. */
export const OptionalActor = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Actor | null => (ctx.switchToHttp().getRequest<Request>().user as Actor | undefined) ?? null,
);
