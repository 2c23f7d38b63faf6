// Shared Jest settings: SWC compiles TypeScript (with decorator metadata for NestJS),
// and the workspace path aliases resolve to library sources.
const path = require('node:path');

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.tsx?$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@yishi/domain$': path.join(__dirname, 'libs/domain/src/index.ts'),
    '^@yishi/contracts$': path.join(__dirname, 'libs/contracts/src/index.ts'),
    '^@yishi/migrations$': path.join(__dirname, 'migrations/index.ts'),
  },
};
