import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FIXTURES } from './fixtures';

/*
 * Runs the BUILT command (dist/recount, built by the test target's dependency) on every fixture
 * folder, as `npm run recount -- <folder>` would, and checks exit codes and messages.
 */
const ROOT = resolve(__dirname, '../../..');
const CLI = join(ROOT, 'dist/recount/apps/recount/src/main.js');
const FIXTURES_DIR = join(ROOT, 'apps/recount/fixtures');

function run(args: string[], cwd = ROOT, env: NodeJS.ProcessEnv = {}) {
  const { INIT_CWD: _ignored, ...rest } = process.env;
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, env: { ...rest, ...env }, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, output: `${result.stdout}${result.stderr}` };
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`Build the CLI first (npx nx run recount:build): ${CLI} is missing`);
});

describe('npm run recount -- <folder>', () => {
  it.each(FIXTURES.map((f) => [f.name, f] as const))('%s: exits as expected and names what it found', (_name, fixture) => {
    const result = run([join(FIXTURES_DIR, fixture.name)]);
    expect(result.output).toMatch(fixture.expect.message);
    expect(result.code).toBe(fixture.expect.exitCode);
    if (fixture.expect.exitCode === 0) {
      expect(result.stderr).toBe('');
    } else {
      expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    }
  });

  it('prints every figure and the explanation of a valid compound vote, and the published chain head', () => {
    const folder = join(FIXTURES_DIR, 'cc278-major-compound');
    const result = run([folder]);
    const published = JSON.parse(readFileSync(join(folder, 'result.json'), 'utf8')) as { chains: { ballots: { head: string; lines: number } } };
    expect(result.stdout).toContain(`Chain     ballots.jsonl: ${published.chains.ballots.lines} lines, head ${published.chains.ballots.head}`);
    expect(result.stdout).toContain('  met      turnout-area          quorum   2,793.95 m² / 3,082.10 m²         = 90.65%  ≥ 2/3');
    expect(result.stdout).toContain('参与表决的专有部分面积 2,793.95㎡，占总面积 3,082.10㎡的 90.65%，达到三分之二以上。');
    expect(result.stdout).toContain('Owners approving: 20 of the 23 owners taking part, 86.96% — at least three quarters, as required.');
    expect(result.stdout).toMatch(/line 5 {4}v-[0-9a-f]{8}  not-designated-co-owner/);
    expect(result.stdout).toContain('RESULT: PASSED — 表决通过');
  });

  it('still prints its own recount when only result.json is wrong', () => {
    const result = run([join(FIXTURES_DIR, 'tampered-wrong-total')]);
    expect(result.stdout).toContain('Result recomputed from the files (before the discrepancy below)');
    expect(result.stderr).toBe('DISCREPANCY: result.json: "tally.figures.approve.area" is 265590, but the ballots give 255590\n');
  });

  it('prints a machine-readable report with --json', () => {
    const ok = run([join(FIXTURES_DIR, 'vcl-26-secret-ballot'), '--json']);
    expect(ok.code).toBe(0);
    const body = JSON.parse(ok.stdout) as { ok: boolean; chains: Record<string, unknown>; tally: { passed: boolean; ruleSet: string } };
    expect(body).toMatchObject({ ok: true, tally: { passed: true, ruleSet: 'vcl-26' } });
    expect(Object.keys(body.chains).sort()).toEqual(['box', 'roll']);
    const bad = run(['--json', join(FIXTURES_DIR, 'tampered-removed-line')]);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ ok: false, discrepancy: { file: 'ballots.jsonl', line: 9 } });
  });

  it('resolves a relative folder from where npm was started (INIT_CWD)', () => {
    const result = run(['rceo-27-cooperative'], ROOT, { INIT_CWD: FIXTURES_DIR });
    expect(result.code).toBe(0);
  });

  it('exits 2 on a usage error or a folder it cannot read', () => {
    expect(run([]).code).toBe(2);
    const missing = run([join(FIXTURES_DIR, 'no-such-vote')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read the folder');
  });

  it('exits 1 naming the file when a kit file is missing', () => {
    const result = run([join(ROOT, 'apps/recount/src')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('DISCREPANCY: vote.json: the file is missing from the folder\n');
  });
});
