import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Env } from './env';
import { WORKSPACE_ROOT } from './env';

export interface AppSecret {
  key: Buffer;
  /** `env` when APP_SECRET is set, else the file the generated key lives in. */
  source: string;
}

/** APP_SECRET, or a key generated once and kept (mode 0600) in .data/app-secret. */
export function resolveAppSecret(env: Env, file = path.join(WORKSPACE_ROOT, '.data', 'app-secret')): AppSecret {
  if (env.APP_SECRET) {
    return { key: Buffer.from(env.APP_SECRET, 'utf8'), source: 'env' };
  }
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  }
  return { key: Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'utf8'), source: file };
}

/** Nest injection token for the AppSecret. */
export const APP_SECRET = Symbol('APP_SECRET');
