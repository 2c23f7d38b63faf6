/**
 * The API's route table, read from the controllers Nest has loaded: every method with its path
 * and the access rule it declares. Tests walk it so that no route escapes the access rules.
 */
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import type { AccessRule } from '../src/auth/access.decorators';
import { ACCESS_RULE } from '../src/auth/access.decorators';

export interface RouteInfo {
  /** e.g. `GET /api/nodes/:nodeId/roles` */
  key: string;
  method: string;
  path: string;
  rule: AccessRule | undefined;
  handler: string;
}

function join(...parts: (string | undefined)[]): string {
  return `/${parts.flatMap((p) => (p ?? '').split('/')).filter(Boolean).join('/')}`;
}

export function routeTable(app: INestApplication, prefix = 'api'): RouteInfo[] {
  const routes: RouteInfo[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      const base = Reflect.getMetadata(PATH_METADATA, controller) as string | undefined;
      const classRule = Reflect.getMetadata(ACCESS_RULE, controller) as AccessRule | undefined;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (path === undefined || method === undefined) continue;
        const full = join(prefix, base, path);
        const verb = RequestMethod[method];
        routes.push({
          key: `${verb} ${full}`,
          method: verb,
          path: full,
          rule: (Reflect.getMetadata(ACCESS_RULE, handler) as AccessRule | undefined) ?? classRule,
          handler: `${controller.name}.${name}`,
        });
      }
    }
  }
  return routes.sort((a, b) => a.key.localeCompare(b.key));
}
