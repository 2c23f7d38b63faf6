/**
 * The floor under any HTTP layer in Node for a cast, for `npm run bench:cast`: `node:http` with
 * the very cast transaction the API runs (castOnConnection), on a pool like the API's, in as many
 * processes as the API has, and nothing else: no framework, no session lookup, no access check, no
 * validation, no logging. The voter is named by a header. It shows how much of the gap between
 * the API and the bare transaction any Node server would pay on this machine, whatever its
 * framework. Never part of Yishi: it takes anyone's word for who they are.
 *
 * Environment: DATABASE_URL, APP_SECRET, BARE_WORKERS (processes), BARE_POOL_SIZE (connections in
 * all, shared among them). Each process prints `bare cast server listening on <port>` once it listens.
 */
import cluster from 'node:cluster';
import http from 'node:http';
import { Pool } from 'pg';
import { PreparingClient } from '../database/preparing-client';
import { DomainError } from '../common/domain-error';
import { castOnConnection } from '../votes/ballots/casting.service';

const WORKERS = Math.max(1, Number(process.env['BARE_WORKERS'] ?? 1));
const POOL_SIZE = Number(process.env['BARE_POOL_SIZE'] ?? 20);

if (cluster.isPrimary && WORKERS > 1) {
  cluster.setupPrimary({ exec: __filename });
  for (let i = 0; i < WORKERS; i += 1) cluster.fork();
  const stop = (): void => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
} else {
  const secret = Buffer.from(process.env['APP_SECRET'] ?? '', 'utf8');
  const pool = new Pool({ connectionString: process.env['DATABASE_URL'], max: Math.max(2, Math.floor(POOL_SIZE / WORKERS)), pipeline: true, Client: PreparingClient });
  const route = /^\/votes\/([0-9a-f-]{36})\/ballots$/;
  const server = http.createServer((req, res) => {
    const match = req.method === 'POST' ? route.exec(req.url ?? '') : null;
    const userId = req.headers['x-bench-user'];
    if (!match || typeof userId !== 'string') {
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        try {
          const { choice } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { choice: string };
          const client = await pool.connect();
          const receipt = await castOnConnection(client, (error) => client.release(error), secret, { userId, voteId: match[1]!, rawChoice: choice });
          const body = JSON.stringify(receipt);
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
        } catch (error) {
          res.writeHead(error instanceof DomainError ? 409 : 500, { 'content-type': 'text/plain' }).end(error instanceof Error ? error.message : String(error));
        }
      })();
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(Number(process.env['PORT'] ?? 0), '127.0.0.1', () => {
    const address = server.address();
    process.stdout.write(`bare cast server listening on ${typeof address === 'object' && address ? address.port : '?'}\n`);
  });
  process.on('SIGTERM', () => {
    server.close();
    void pool.end().finally(() => process.exit(0));
  });
}
