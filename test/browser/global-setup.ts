/**
 * Starts the built Yishi for the browser tests, as `npm start` would: on a fresh database of
 * the server named by DATABASE_URL, or on its own embedded PostgreSQL in a temporary folder.
 * Returns the teardown, which stops it with SIGTERM (PostgreSQL included) and cleans up.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FullConfig } from '@playwright/test';
import { Client } from 'pg';

const ROOT = path.resolve(__dirname, '../..');
const MAIN = path.join(ROOT, 'dist/api/apps/api/src/main.js');
/**
 * Everything the server prints goes to server.log in the run's output folder too (emptied before
 * each run; test-results/browser for the browser suite, test-results/perf for the first-page
 * benchmark, so one does not overwrite the other's), so a failure can be read afterwards, and
 * tests can read what only the log carries: the log SMS provider writes sign-up codes there
 * (`SMS to <phone>: 【议事】验证码 NNNNNN…`).
 */
const serverLog = (config?: FullConfig): string => path.join(config?.projects[0]?.outputDir ?? path.join(ROOT, 'test-results/browser'), 'server.log');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function admin<T>(url: string, work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export default async function globalSetup(config?: FullConfig): Promise<() => Promise<void>> {
  const logFile = serverLog(config);
  for (const required of [MAIN, path.join(ROOT, 'dist/web/index.html')]) {
    if (!fs.existsSync(required)) throw new Error(`${required} is missing: run \`npm run build\` first (npm test does).`);
  }
  const port = await freePort();
  const env: Record<string, string> = { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', PORT: String(port), LOG_LEVEL: 'warn',
    // Every test signs in from 127.0.0.1, like a whole community hall behind one address.
    LOGIN_ATTEMPTS_PER_ADDRESS: '1000',
    // Texts go out at any hour of the run (the log SMS provider writes them to the server log).
    MESSAGE_QUIET_HOURS: 'none',
    // The files share one database where many votes open in an hour; a person signing up meets
    // them all, and four texts a day (the default, tested in the API) would cut the one a test awaits.
    MESSAGES_PER_DAY: '50' };
  const serverUrl = process.env['DATABASE_URL'];
  let database: string | null = null;
  let folder: string | null = null;
  if (serverUrl) {
    database = `yishi_e2e_${process.pid}_${randomBytes(4).toString('hex')}`;
    await admin(serverUrl, (c) => c.query(`CREATE DATABASE ${database}`));
    const url = new URL(serverUrl);
    url.pathname = `/${database}`;
    env['DATABASE_URL'] = url.toString();
  } else {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-e2e-'));
    fs.chmodSync(folder, 0o755);
    env['EMBEDDED_PG_DIR'] = path.join(folder, 'pg');
  }

  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.createWriteStream(logFile, { flags: 'w' });
  const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Yishi did not start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      if (output.includes('Press Ctrl-C')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`Yishi exited (${code}) before it was ready:\n${output}`));
    });
  });
  process.env['YISHI_E2E_BASE_URL'] = `http://127.0.0.1:${port}`;
  process.env['YISHI_E2E_SERVER_LOG'] = logFile;

  return async () => {
    child.kill('SIGTERM');
    const code = await exited;
    await new Promise<void>((resolve) => log.end(resolve));
    if (serverUrl && database) await admin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
    if (code !== 0) throw new Error(`Yishi did not stop cleanly (exit ${code}):\n${output}`);
  };
}
