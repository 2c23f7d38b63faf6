import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createApp } from '../app.factory';
import { loadEnv } from '../config/env';
import { createTestDatabase, TEST_SECRET } from '../../test/test-app';
import { JobsService } from './jobs.service';

describe('scheduled jobs when the API stops', () => {
  it('lets a running job finish its work before the database connections close', async () => {
    const database = await createTestDatabase();
    try {
      const env = { ...loadEnv({}), LOG_LEVEL: 'silent' as const, DEMO_DATA: false, PORT: 0, JOBS: true };
      const app = await createApp({ env, databaseUrl: database.url, secret: TEST_SECRET });
      const jobs = app.get(JobsService);
      const dataSource = app.get(DataSource);
      let started!: () => void;
      const running = new Promise<void>((resolve) => (started = resolve));
      const outcome: { finished?: boolean; error?: string } = {};
      jobs.register({
        name: 'test.slow',
        everyMs: 60_000,
        run: async () => {
          started();
          try {
            // Work still in progress when the stop comes (a stop is Ctrl-C at any moment).
            const [row] = await dataSource.query<[{ answer: number }]>('SELECT pg_sleep(0.5), 42 AS answer');
            outcome.finished = row.answer === 42;
          } catch (error) {
            outcome.error = error instanceof Error ? error.message : String(error);
            throw error;
          }
        },
      });
      const logged = jest.spyOn(Logger.prototype, 'error');
      await app.listen(0, '127.0.0.1');
      await running;
      await app.close();
      expect(outcome).toEqual({ finished: true });
      // Nor did any job, ours or the API's own, fail because the stop pulled its connection away.
      expect(logged.mock.calls.map((call) => String(call[1] ?? call[0]))).toEqual([]);
      // Nothing runs after the stop: a due job does not start on a closed pool.
      expect(dataSource.isInitialized).toBe(false);
    } finally {
      await database.drop();
    }
  });

  it('keeps answering when more jobs fall due at once than the pool has connections', async () => {
    const database = await createTestDatabase();
    try {
      const env = { ...loadEnv({}), LOG_LEVEL: 'silent' as const, DEMO_DATA: false, PORT: 0, JOBS: true };
      // Three connections, as a process gets when API_WORKERS shares DB_POOL_SIZE among many.
      const app = await createApp({ env, databaseUrl: database.url, secret: TEST_SECRET, poolSize: 3 });
      const jobs = app.get(JobsService);
      const dataSource = app.get(DataSource);
      const ran = new Set<string>();
      for (let i = 0; i < 12; i++) {
        jobs.register({
          name: `test.crowd-${i}`,
          everyMs: 60_000,
          run: async () => {
            await dataSource.query('SELECT pg_sleep(0.02)');
            ran.add(`test.crowd-${i}`);
          },
        });
      }
      await app.listen(0, '127.0.0.1');
      const { port } = app.getHttpServer().address() as { port: number };
      for (let deadline = Date.now() + 20_000; ran.size < 12 && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 50));
      expect(ran.size).toBe(12);
      // A request still finds a connection to work with.
      expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
      await app.close();
    } finally {
      await database.drop();
    }
  });

  it('runs a job on one instance at a time, and again once it is free', async () => {
    const database = await createTestDatabase();
    try {
      const env = { ...loadEnv({}), LOG_LEVEL: 'silent' as const, DEMO_DATA: false, PORT: 0, JOBS: false };
      const apps = [await createApp({ env, databaseUrl: database.url, secret: TEST_SECRET }), await createApp({ env, databaseUrl: database.url, secret: TEST_SECRET })];
      await Promise.all(apps.map((app) => app.init()));
      let runs = 0;
      for (const app of apps) {
        app.get(JobsService).register({
          name: 'test.once',
          everyMs: 60_000,
          run: async () => {
            runs += 1;
            await app.get(DataSource).query('SELECT pg_sleep(0.3)');
          },
        });
      }
      const [a, b] = apps.map((app) => app.get(JobsService));
      // Side by side, on two instances and twice on one: it runs once.
      const side = await Promise.all([a!.runOnce('test.once'), b!.runOnce('test.once'), a!.runOnce('test.once')]);
      expect(side.filter(Boolean)).toHaveLength(1);
      expect(side[2]).toBe(false);
      expect(runs).toBe(1);
      // Free again, the other instance takes it.
      expect(await b!.runOnce('test.once')).toBe(true);
      expect(runs).toBe(2);
      await Promise.all(apps.map((app) => app.close()));
    } finally {
      await database.drop();
    }
  });
});
