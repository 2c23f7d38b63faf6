import fs from 'node:fs';
import { dropDatabase, stopTestServer } from './postgres';

export default async function globalTeardown(): Promise<void> {
  const server = globalThis.__YISHI_TEST_SERVER__;
  const template = process.env['YISHI_TEST_TEMPLATE'];
  if (server && template) await dropDatabase(server.adminUrl, template);
  if (server) await stopTestServer(server);
  const build = process.env['YISHI_TEST_BUILD'];
  if (build) fs.rmSync(build, { recursive: true, force: true });
}
