/**
 * Runs the built API (`dist/api`, what `npm start` runs) as a child process, to test what a
 * person starting Yishi sees: the banner, one-line errors, and a clean stop on Ctrl-C.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const BUILT_MAIN = path.resolve(__dirname, '../../../dist/api/apps/api/src/main.js');

export interface RunningApi {
  child: ChildProcess;
  output(): string;
  /** Resolves with the output once `pattern` appears; rejects if the process exits first. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves with the exit code (or signal name). */
  exited: Promise<number | string>;
}

export function runBuiltApi(env: Record<string, string | undefined>): RunningApi {
  if (!fs.existsSync(BUILT_MAIN)) {
    throw new Error(`${BUILT_MAIN} is missing: run \`npx nx run api:build\` first (npm test does).`);
  }
  const child = spawn(process.execPath, [BUILT_MAIN], {
    env: { PATH: process.env['PATH'], HOME: process.env['HOME'], LOG_LEVEL: 'warn', ...env },
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
