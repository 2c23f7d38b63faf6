// Unit tests (*.spec.ts) and integration tests against a real PostgreSQL (*.int-spec.ts).
// The global setup reaches DATABASE_URL or starts an embedded server, and migrates a template
// database that each test file clones.
const path = require('node:path');

module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'api',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.int-spec.ts', '<rootDir>/test/**/*.int-spec.ts'],
  globalSetup: path.join(__dirname, 'test/jest-global-setup.ts'),
  globalTeardown: path.join(__dirname, 'test/jest-global-teardown.ts'),
  testTimeout: 60_000,
  maxWorkers: 2,
};
