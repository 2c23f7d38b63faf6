import 'reflect-metadata';
import net from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApp } from './app.factory';
import { StartupError } from './common/startup-error';
import { resolveAppSecret } from './config/app-secret';
import type { Env } from './config/env';
import { InvalidEnvironmentError, loadEnv } from './config/env';
import type { ResolvedDatabase } from './database/resolve-database';
import { resolveDatabase } from './database/resolve-database';
import { buildDemoData, DEMO_PASSWORD } from './seed/demo-data';
import { seedDemoData } from './seed/seed-demo';

/** Fails fast, before the database starts, when another program holds the port. */
async function assertPortFree(host: string, port: number): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new StartupError(`Port ${port} is already in use (is Yishi already running?): stop that program, or start on another port, e.g. PORT=${port + 1} npm start`)
          : new StartupError(`Cannot listen on ${host}:${port} (${error.code ?? error.message}): set HOST and PORT to an address this machine has.`),
      ),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

function banner(env: Env, address: string, database: ResolvedDatabase, seeded: boolean): string {
  const lines = [
    '',
    `  Yishi 议事 is running: ${address}/`,
    `  API documentation:    ${address}/api/docs`,
    `  Database:             ${database.description}`,
    `  SMS:                  codes are written to this log (no SMS gateway configured)`,
  ];
  if (env.DEMO_DATA) {
    lines.push(
      '',
      `  Demo data ${seeded ? 'created' : 'already present'} (桂城街道 · 南村经济社 · 御水岸). Demo accounts, password ${DEMO_PASSWORD}:`,
      ...buildDemoData().accounts.map((a) => `    ${a.phone}  ${a.purpose}`),
    );
  }
  lines.push('', '  Press Ctrl-C to stop (the database stops with it).', '');
  return lines.join('\n');
}

async function main(): Promise<void> {
  const env = loadEnv();
  await assertPortFree(env.HOST, env.PORT);
  const database = await resolveDatabase(env);
  let app: NestExpressApplication | undefined;
  let stopping: Promise<void> | undefined;
  const shutdown = (signal: string): Promise<void> =>
    (stopping ??= (async () => {
      process.stdout.write(`\n  ${signal}: stopping Yishi…\n`);
      await app?.close().catch(() => undefined);
      await database.embedded?.stop().catch(() => undefined);
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void shutdown(signal).then(() => process.exit(0));
    });
  }
  try {
    app = await createApp({ env, databaseUrl: database.url, secret: resolveAppSecret(env) });
    // With the app, the seed also opens the demo consultation and votes through the API's services.
    const seeded = env.DEMO_DATA ? (await seedDemoData(app)).seeded : false;
    await app.listen(env.PORT, env.HOST);
    const server = app.getHttpServer() as net.Server;
    const { port } = server.address() as net.AddressInfo;
    const host = env.HOST === '0.0.0.0' || env.HOST === '::' ? 'localhost' : env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST;
    process.stdout.write(banner(env, `http://${host}:${port}`, database, seeded));
  } catch (error) {
    await shutdown('error');
    throw error;
  }
}

main().catch((error: unknown) => {
  if (error instanceof StartupError) {
    process.stderr.write(`yishi: ${error.message}\n`);
  } else if (error instanceof InvalidEnvironmentError) {
    process.stderr.write(`yishi: invalid configuration: ${error.problems.join('; ')}. See the configuration table in README.md.\n`);
  } else {
    process.stderr.write(`yishi: could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
