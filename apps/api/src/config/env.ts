import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/** The folder holding Yishi's package.json, found from this file both in sources and in `dist/`. */
function findWorkspaceRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === 'yishi') {
      return dir;
    }
    if (path.dirname(dir) === dir) {
      return process.cwd();
    }
  }
}

export const WORKSPACE_ROOT = findWorkspaceRoot(__dirname);

const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const port = z.coerce.number().int().min(0).max(65535);

/** proxy-addr's names for address ranges (as Fastify's trustProxy takes them), usable in TRUST_PROXY beside addresses and CIDR ranges. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.includes(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const family = net.isIP(address);
  if (!family || rest.length > 0) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

/**
 * Which proxies in front of Yishi to believe about the client's address and protocol: `false`
 * (none), a number of hops (the address is the one that many proxies back in X-Forwarded-For),
 * or the proxies' own addresses / CIDR ranges. `true` is refused: it believes the whole header,
 * whose first entries the client writes itself, so anyone could reset the per-address limits.
 */
const trustProxy = z.string().transform((raw, ctx): false | number | string[] => {
  const value = raw.trim();
  if (/^(false|no|0)$/i.test(value)) return false;
  if (/^(true|yes)$/i.test(value)) {
    ctx.addIssue({
      code: 'custom',
      message:
        'may not be true: that believes every address in X-Forwarded-For, including those the client wrote itself, so anyone could escape the per-address limits; give the number of proxies in front of Yishi (usually 1) or their addresses',
    });
    return z.NEVER;
  }
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops <= 16) return hops;
  }
  const entries = value.split(',').map((entry) => entry.trim());
  if (entries.every((entry) => entry && isProxyAddress(entry))) return entries;
  ctx.addIssue({ code: 'custom', message: 'must be false, a number of proxies from 1 to 16, or a comma-separated list of their addresses or CIDR ranges' });
  return z.NEVER;
});

/**
 * Every environment variable Yishi reads, validated once at start-up. The README's configuration
 * table lists the same variables; an invalid value stops the start with a message naming it.
 */
export const envSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  EMBEDDED_PG_DIR: z.string().min(1).default(path.join(WORKSPACE_ROOT, '.data', 'postgres')),
  EMBEDDED_PG_PORT: port.default(0),
  DEMO_DATA: booleanString.default(true),
  WEB_DIST: z.string().min(1).default(path.join(WORKSPACE_ROOT, 'dist', 'web')),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i, 'must be a size such as 100kb or 1mb')
    .default('100kb'),
  TRUST_PROXY: trustProxy.default(false),
  /**
   * Sign-in attempts allowed per client address in 15 minutes (per phone number it is 5 failures).
   * Raise it where many residents share one address: a community hall's Wi-Fi, a carrier's NAT.
   */
  LOGIN_ATTEMPTS_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(30),
  /** Run scheduled work (phase changes, reminders, closing votes) in this instance. */
  JOBS: booleanString.default(true),
  /**
   * How many processes serve HTTP: `1`, a number, or `auto` (one per core). Node runs each on
   * one core; on a server of its own the API wants one per core. They share the port and the
   * database pool below; only the first runs the scheduled work.
   */
  API_WORKERS: z
    .union([z.literal('auto'), z.coerce.number().int().min(1).max(64)], { message: 'must be auto or a whole number from 1 to 64' })
    .default(1)
    .transform((n) => (n === 'auto' ? os.availableParallelism() : n)),
  /** Connections to PostgreSQL the API opens at most, all workers together. */
  DB_POOL_SIZE: z.coerce.number().int().min(2).max(1000).default(20),
  /**
   * Key for the keyed hashes of identity numbers, SMS codes and invitation codes. Unset, Yishi
   * keeps a generated one in .data/app-secret (fine for one machine; set it for a deployment).
   */
  APP_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Where uploaded photos and attachments are kept (the local-folder storage). */
  STORAGE_DIR: z.string().min(1).default(path.join(WORKSPACE_ROOT, '.data', 'uploads')),
  /**
   * Where text messages go: `log` writes them to the log; `http` posts each to an SMS gateway at
   * SMS_GATEWAY_URL (JSON `{ to, text }`, bearer SMS_GATEWAY_TOKEN; see the README).
   */
  SMS_PROVIDER: z.enum(['log', 'http']).default('log'),
  SMS_GATEWAY_URL: z.string().url().optional(),
  SMS_GATEWAY_TOKEN: z.string().min(1).optional(),
  /** A WeChat service account for template messages; all three or none. */
  WECHAT_APP_ID: z.string().regex(/^wx[0-9a-f]{16}$/, 'must be a service account AppID such as wx0123456789abcdef').optional(),
  WECHAT_APP_SECRET: z.string().min(16).optional(),
  WECHAT_TEMPLATE_ID: z.string().min(1).optional(),
  /** WeChat's API and sign-in addresses (changed only to test against a local stand-in). */
  WECHAT_API_BASE: z.string().url().default('https://api.weixin.qq.com'),
  WECHAT_OAUTH_BASE: z.string().url().default('https://open.weixin.qq.com'),
  /** The address residents reach Yishi at, e.g. https://yishi.example.cn; links in texts use it. */
  PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^/]+$/, 'must be a scheme and host without a path, e.g. https://yishi.example.cn')
    .optional(),
  /** Text messages (SMS or WeChat) one person receives at most in 24 hours; the rest stay in the inbox. */
  MESSAGES_PER_DAY: z.coerce.number().int().min(1).max(50).default(4),
  /** Hours (China time) in which no text goes out, e.g. `21-8`; `none` to send at any hour. */
  MESSAGE_QUIET_HOURS: z
    .string()
    .regex(/^(none|([01]?\d|2[0-3])-([01]?\d|2[0-3]))$/, 'must be none or two hours such as 21-8')
    .default('21-8'),
}).superRefine((env, ctx) => {
  if (env.SMS_PROVIDER === 'http' && (!env.SMS_GATEWAY_URL || !env.SMS_GATEWAY_TOKEN)) {
    ctx.addIssue({ code: 'custom', path: ['SMS_PROVIDER'], message: 'http needs SMS_GATEWAY_URL and SMS_GATEWAY_TOKEN' });
  }
  const wechat = [env.WECHAT_APP_ID, env.WECHAT_APP_SECRET, env.WECHAT_TEMPLATE_ID].filter(Boolean).length;
  if (wechat !== 0 && wechat !== 3) {
    ctx.addIssue({ code: 'custom', path: ['WECHAT_APP_ID'], message: 'WECHAT_APP_ID, WECHAT_APP_SECRET and WECHAT_TEMPLATE_ID go together' });
  }
});

export type Env = z.infer<typeof envSchema>;

export class InvalidEnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment: ${problems.join('; ')}`);
  }
}

/** Parses the environment; empty strings count as unset so `PORT= npm start` means the default. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new InvalidEnvironmentError(
      result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message} (got ${JSON.stringify(cleaned[String(issue.path[0])] ?? null)})`),
    );
  }
  return result.data;
}

/** Nest injection token for the validated environment. */
export const ENV = Symbol('ENV');
