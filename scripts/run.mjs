// Small helpers shared by the npm scripts: run a command, inheriting the terminal, and fail
// with its exit code. Nx runs without its daemon or cloud so nothing lingers after a command.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const QUIET_ENV = {
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_TUI: 'false',
  SCARF_ANALYTICS: 'false',
};

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...QUIET_ENV, ...options.env },
  });
  if (result.error) {
    throw result.error;
  }
  return result.status ?? 1;
}

export function bin(name) {
  return path.join(ROOT, 'node_modules', '.bin', name);
}

export function assertNodeVersion() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    console.error(`yishi: Node.js 20.19 or newer is needed (this is ${process.versions.node}).`);
    process.exit(1);
  }
}
