// Writes the API's OpenAPI document (used to generate the web app's typed client).
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { buildOpenApiDocument, createApp } from '../app.factory';
import { loadEnv } from '../config/env';

async function main(): Promise<void> {
  const target = process.argv[2];
  if (!target) throw new Error('usage: openapi <output.json>');
  const env = { ...loadEnv(), LOG_LEVEL: 'silent' as const };
  const app = await createApp({ env, databaseUrl: 'postgres://unused/unused', withoutDatabase: true, secret: { key: Buffer.alloc(32), source: 'none' } });
  await app.init();
  const document = buildOpenApiDocument(app);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`);
  await app.close();
  process.stdout.write(`OpenAPI document written to ${target}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
