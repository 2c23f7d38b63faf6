// Unit tests of the recount CLI's printing, the fixtures kept in sync with the format code, and
// the built CLI run on every fixture folder (build first: the test target depends on it).
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'recount',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
