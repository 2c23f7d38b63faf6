/**
 * One running API per test file, on its own database cloned from the migrated template, reached
 * over real HTTP on a free port. Close it in afterAll: the database is dropped with it.
 */
import type { YishiApp } from '../src/app.factory';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { DataSource as DataSourceToken } from 'typeorm';
import { cloneDatabase, dropDatabase } from './postgres';
import { createApp } from '../src/app.factory';
import type { Env } from '../src/config/env';
import type { AppSecret } from '../src/config/app-secret';
import { loadEnv } from '../src/config/env';

export const TEST_SECRET: AppSecret = { key: Buffer.from('yishi-test-secret-0123456789abcdef', 'utf8'), source: 'test' };

export interface TestApp {
  app: YishiApp;
  /** e.g. `http://127.0.0.1:41234` */
  baseUrl: string;
  dataSource: DataSource;
  databaseUrl: string;
  close(): Promise<void>;
}

function testContext(): { adminUrl: string; template: string } {
  const adminUrl = process.env['YISHI_TEST_ADMIN_URL'];
  const template = process.env['YISHI_TEST_TEMPLATE'];
  if (!adminUrl || !template) {
    throw new Error('The Jest global setup did not run: start integration tests through `npm test` or `jest -c apps/api/jest.config.js`');
  }
  return { adminUrl, template };
}

/** A database of its own for a test that talks to PostgreSQL without the HTTP app. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const { adminUrl, template } = testContext();
  const database = await cloneDatabase(adminUrl, template);
  return { url: database.url, drop: () => dropDatabase(adminUrl, database.name) };
}

export async function startTestApp(overrides: Partial<Env> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const env: Env = { ...loadEnv({}), LOG_LEVEL: 'error', DEMO_DATA: false, PORT: 0, JOBS: false, ...overrides };
  const app = await createApp({ env, databaseUrl: database.url, secret: TEST_SECRET });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    dataSource: app.get(DataSourceToken),
    databaseUrl: database.url,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
