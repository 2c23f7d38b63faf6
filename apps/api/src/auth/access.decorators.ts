import { createParamDecorator, SetMetadata } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';
import type { Action } from '@yishi/contracts';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../common/actor';
import type { AccessException, AccessTarget, TargetKind } from '../permissions/targets';

/**
 * Every route declares who may call it — `@Public()`, `@SignedIn()` or `@Permission(action, on)` —
 * and the global AccessGuard refuses any route that declares none (a test walks the route table).
 *
 * `@Permission` is enforced by the guard, exactly as declared: the route parameter `param` names
 * an entity of kind `on`; the one resolver (permissions/targets.ts) finds the node(s) it belongs to,
 * and the caller needs a role there that allows `action` (404 when no role of theirs reaches it,
 * 403 when their role there does not allow it). `allow` names who may act besides those roles,
 * by how they stand to the target (a voter on the vote's frozen electorate, the agent of an
 * accepted proxy, the topic's author); the guard checks those too. Services add checks only on
 * top (a voter casts only for themself, the entity is in the right state), never instead.
 */
export interface PermissionTarget {
  /** What the route parameter refers to. */
  on: TargetKind;
  /** The route parameter that holds its id. */
  param: string;
  /** For a building-scoped action: the JSON body field, or the query parameter, naming the building (a building head prints their own building's letters, sees their own building's missing voters). */
  buildingFrom?: { body: string } | { query: string };
  /** Who may act besides the roles that allow the action. */
  allow?: readonly AccessException[];
}

export type AccessRule = { kind: 'public' } | { kind: 'signed-in' } | ({ kind: 'permission'; action: Action } & PermissionTarget);

export const ACCESS_RULE = 'yishi:access-rule';

export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);
export const SignedIn = (): MethodDecorator & ClassDecorator => SetMetadata(ACCESS_RULE, { kind: 'signed-in' } satisfies AccessRule);
export const Permission = (action: Action, target: PermissionTarget): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_RULE, { kind: 'permission', action, ...target } satisfies AccessRule);

/** The signed-in actor (routes other than @Public always have one). */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const user = ctx.switchToHttp().getRequest<FastifyRequest & { user?: Actor }>().user;
  if (!user) throw new Error('CurrentActor used on a route without a signed-in actor');
  return user;
});

/** The signed-in actor, or null on a public route called anonymously. */
export const OptionalActor = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Actor | null => ctx.switchToHttp().getRequest<FastifyRequest & { user?: Actor }>().user ?? null,
);

/** Where the guard leaves the target it resolved for a `@Permission` route. */
export const ACCESS_TARGET = Symbol('yishi:access-target');

/** The target the guard resolved and allowed (only on `@Permission` routes): services need not look it up again. */
export const CurrentTarget = createParamDecorator((_: unknown, ctx: ExecutionContext): AccessTarget => {
  const target = ctx.switchToHttp().getRequest<FastifyRequest & { [ACCESS_TARGET]?: AccessTarget }>()[ACCESS_TARGET];
  if (!target) throw new Error('CurrentTarget used on a route without @Permission');
  return target;
});
