import { defineConfig } from '@playwright/test';
import browserSuite from '../browser/playwright.config';

/**
 * The first-page benchmark (`npm run bench:first-page`): not a test of the suite, a measurement that
 * prints its figures. It starts the built app the way the browser tests do (their global setup: a
 * fresh database from DATABASE_URL, or an embedded PostgreSQL), in the same Debian Chromium.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.bench.ts',
  outputDir: '../../test-results/perf',
  globalSetup: '../browser/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 5 * 60_000,
  reporter: [['line']],
  use: { ...browserSuite.use, trace: 'off', screenshot: 'off' },
});
