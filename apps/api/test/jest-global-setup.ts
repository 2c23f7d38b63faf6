import type { TestServer } from './postgres';
import { createTemplate, startTestServer } from './postgres';
import { copyBuildForTests } from './run-built-api';

declare global {
  var __YISHI_TEST_SERVER__: TestServer | undefined;
}

/**
 * Starts (or reaches) PostgreSQL once per Jest run and builds the migrated template database; copies
 * the build for the tests that run it (run-built-api.ts), before any test file can rebuild dist/.
 */
export default async function globalSetup(): Promise<void> {
  copyBuildForTests();
  const server = await startTestServer();
  globalThis.__YISHI_TEST_SERVER__ = server;
  process.env['YISHI_TEST_ADMIN_URL'] = server.adminUrl;
  process.env['YISHI_TEST_TEMPLATE'] = await createTemplate(server.adminUrl);
}
