// `npm start`: build what changed (Nx caches the rest), then run the API, which serves the web
// client on the same port and, without DATABASE_URL, starts its own PostgreSQL.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { assertNodeVersion, bin, QUIET_ENV, ROOT, run } from './run.mjs';

assertNodeVersion();
console.log('Building Yishi (the first time takes a little while)…');
const status = run(bin('nx'), ['run-many', '-t', 'build', '-p', 'api', 'web', '--parallel=2', '--output-style=static']);
if (status !== 0) {
  console.error('yishi: the build failed (see above).');
  process.exit(status);
}
Object.assign(process.env, QUIET_ENV);
await import(pathToFileURL(path.join(ROOT, 'dist/api/apps/api/src/main.js')).href);
