// `npm test`: lint, typecheck and build every project, then the unit and integration tests
// (PostgreSQL from DATABASE_URL when set, an embedded one otherwise), then the browser tests.
import { assertNodeVersion, bin, run } from './run.mjs';

assertNodeVersion();
const steps = [
  ['lint, typecheck and build', bin('nx'), ['run-many', '-t', 'lint', 'typecheck', 'build', '--parallel=2', '--output-style=static']],
  ['unit and integration tests', bin('nx'), ['run-many', '-t', 'test', '--parallel=1', '--output-style=static']],
  ['browser tests', process.execPath, ['test/browser/run.mjs']],
];
const started = Date.now();
for (const [name, command, args] of steps) {
  const stepStarted = Date.now();
  console.log(`\n=== ${name} ===`);
  const status = run(command, args);
  console.log(`=== ${name}: ${status === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - stepStarted) / 1000).toFixed(0)} s ===`);
  if (status !== 0) {
    process.exit(status);
  }
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
