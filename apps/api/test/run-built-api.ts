/**
 * Runs the built API (`dist/api`, what `npm start` runs) as a child process, to test what a
 * person starting Yishi sees: the banner, one-line errors, and a clean stop on Ctrl-C.
 *
 * The test files run a copy of the build, made by the global setup before any of them starts
 * (copyBuildForTests), never dist/ itself: `npm start` (main-stop.int-spec) builds first, and Nx
 * may rewrite or restore dist/api and dist/web while another test file is starting the API from
 * them (a module missing mid-build failed main.int-spec).
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const DIST = path.resolve(__dirname, '../../../dist');
/** Where the global setup says the run's copy of the build is. */
const COPY_VARIABLE = 'YISHI_TEST_BUILD';

/** The run's copy of the build: the API's entry point and commands, and the web client's files. */
export interface BuiltCopy {
  /** dist/api/apps/api/src/main.js of the copy. */
  main: string;
  /** A command of the copy (dist/api/apps/api/src/cli/<name>.js). */
  cli(name: string): string;
  /** The copy of dist/web (WEB_DIST). */
  web: string;
}

/**
 * For the global setup: copies dist/api and dist/web (without source maps) into a folder of dist/
 * of its own, beside the build, so that relative requires and node_modules resolve as before, and
 * names it to the test files. Nothing to copy (no build yet) leaves builtCopy to say so.
 */
export function copyBuildForTests(): string | null {
  if (!fs.existsSync(path.join(DIST, 'api/apps/api/src/main.js'))) return null;
  // A run stopped before its teardown (Ctrl-C) left its copy: gone after a day, never one in use.
  for (const name of fs.readdirSync(DIST).filter((n) => n.startsWith('.test-build-'))) {
    const stale = path.join(DIST, name);
    if (Date.now() - fs.statSync(stale).mtimeMs > 24 * 3600_000) fs.rmSync(stale, { recursive: true, force: true });
  }
  const root = fs.mkdtempSync(path.join(DIST, '.test-build-'));
  for (const part of ['api', 'web']) {
    if (fs.existsSync(path.join(DIST, part))) fs.cpSync(path.join(DIST, part), path.join(root, part), { recursive: true, filter: (source) => !source.endsWith('.map') });
  }
  process.env[COPY_VARIABLE] = root;
  return root;
}

/** The run's copy of the build (copyBuildForTests); throws when there was no build to copy. */
export function builtCopy(): BuiltCopy {
  const root = process.env[COPY_VARIABLE];
  if (!root || !fs.existsSync(path.join(root, 'api/apps/api/src/main.js'))) {
    throw new Error(`${path.join(DIST, 'api/apps/api/src/main.js')} is missing: run \`npx nx run api:build\` first (npm test does).`);
  }
  return {
    main: path.join(root, 'api/apps/api/src/main.js'),
    cli: (name) => path.join(root, `api/apps/api/src/cli/${name}.js`),
    web: path.join(root, 'web'),
  };
}

export interface RunningApi {
  child: ChildProcess;
  output(): string;
  /** Resolves with the output once `pattern` appears; rejects if the process exits first. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves with the exit code (or signal name). */
  exited: Promise<number | string>;
}

/** The copy's API with only the environment given (and the copy's web client, as `npm start` serves dist/web). */
export function runBuiltApi(env: Record<string, string | undefined>): RunningApi {
  const built = builtCopy();
  const child = spawn(process.execPath, [built.main], {
    env: { PATH: process.env['PATH'], HOME: process.env['HOME'], LOG_LEVEL: 'warn', WEB_DIST: built.web, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer): void => {
    output += chunk.toString('utf8');
    listeners.forEach((l) => l());
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return {
    child,
    output: () => output,
    exited,
    waitFor(pattern, timeoutMs = 45_000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (pattern.test(output)) {
            done();
            resolve(output);
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`timed out waiting for ${String(pattern)}; output so far:\n${output}`));
        }, timeoutMs);
        const done = (): void => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        void exited.then((code) => {
          if (!pattern.test(output)) {
            done();
            reject(new Error(`exited (${code}) before ${String(pattern)}; output:\n${output}`));
          }
        });
        listeners.add(check);
        check();
      });
    },
  };
}
