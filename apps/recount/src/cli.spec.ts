import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FIXTURES as V1_FIXTURES } from './fixtures';
import { ASSEMBLY_FIXTURES } from './v2/fixtures';

const FIXTURES = [...V1_FIXTURES, ...ASSEMBLY_FIXTURES];

/*
 * Runs the BUILT command (dist/recount, built by the test target's dependency; or the build that
 * RECOUNT_CLI names) on every fixture folder, as `npm run recount -- <folder>` would, and checks
 * exit codes and messages.
 */
const ROOT = resolve(__dirname, '../../..');
const CLI = process.env.RECOUNT_CLI ?? join(ROOT, 'dist/recount/apps/recount/src/main.js');
const FIXTURES_DIR = join(ROOT, 'apps/recount/fixtures');

function run(args: string[], cwd = ROOT, env: NodeJS.ProcessEnv = {}) {
  const { INIT_CWD: _ignored, ...rest } = process.env;
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, env: { ...rest, ...env }, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, output: `${result.stdout}${result.stderr}` };
}

/** The line of "tally.figures.approve.area" in the compound's result.json, where the tampered total is. */
const APPROVE_AREA_LINE = (() => {
  const lines = readFileSync(join(FIXTURES_DIR, 'tampered-wrong-total', 'result.json'), 'utf8').split('\n');
  const approve = lines.findIndex((l) => l === '      "approve": {');
  return approve + 1 + lines.slice(approve).findIndex((l) => l.startsWith('        "area": '));
})();

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
    expect(result.stdout).not.toContain('RESULT:');
    expect(result.stdout).toContain('\nOutcome of the vote: passed — every condition of cc278-major is met\n表决结果：通过（cc278-major 的各项条件均已满足）\n');
    expect(result.stdout).toMatch(
      /\nVERIFIED: the published result is reproduced — every chain verifies and result\.json matches the recount exactly\.\n核验通过：公布的结果已由重新计票完全复现，哈希链完整。\n$/,
    );
  });

  it('tells a verified result of a vote that did NOT pass apart from a failed verification', () => {
    const result = run([join(FIXTURES_DIR, 'cc278-major-not-passed')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('\nOutcome of the vote: not passed — not met: turnout-area, turnout-persons, approval-area, approval-persons\n表决结果：未通过（未满足：turnout-area、turnout-persons、approval-area、approval-persons）\n');
    expect(result.stdout).toContain('\nVERIFIED: the published result is reproduced');
    expect(result.stdout).not.toContain('NOT VERIFIED');
  });

  it('says NOT VERIFIED, with the reason code, apart from the outcome it recounted', () => {
    const result = run([join(FIXTURES_DIR, 'tampered-wrong-total')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '\nOutcome of the vote as recounted from these files (the published result is NOT verified): passed — every condition of cc278-major is met\n表决结果（依据本文件夹重新计票；公布的结果未通过核验）：通过（cc278-major 的各项条件均已满足）\n',
    );
    expect(result.stdout).toContain(
      `\nNOT VERIFIED: result.json, line ${APPROVE_AREA_LINE}: "tally.figures.approve.area" is 265590, but the ballots give 255590 [result-mismatch]\n核验未通过：result.json 第 ${APPROVE_AREA_LINE} 行：公布的结果与重新计票不一致（result-mismatch）\n`,
    );
    expect(result.stdout).toContain('This is about the files, not about the outcome of the vote.');
    expect(result.stdout).not.toMatch(/^VERIFIED/m);
  });

  it('prints no outcome when the files do not get as far as a count', () => {
    const result = run([join(FIXTURES_DIR, 'tampered-changed-ballot')]);
    expect(result.stdout).toContain('\nOutcome of the vote: not recounted — the files did not get that far\n表决结果：未能重新计票\n');
    expect(result.stdout).toContain('\nNOT VERIFIED: ballots.jsonl, line 17: hash does not match the previous line');
    expect(result.stdout).toContain('核验未通过：ballots.jsonl 第 17 行：哈希与上一行不符（prev-mismatch）');
  });

  it('reads the bytes of the files: a byte that is not UTF-8 is refused, not replaced', () => {
    const folder = mkdtempSync(join(tmpdir(), 'recount-'));
    try {
      cpSync(join(FIXTURES_DIR, 'cc278-major-compound'), folder, { recursive: true });
      const text = readFileSync(join(folder, 'result.json'));
      const at = text.indexOf('"explanation"');
      writeFileSync(join(folder, 'result.json'), Buffer.concat([text.subarray(0, at), Buffer.from([0xe8, 0xae]), text.subarray(at)]));
      const result = run([folder, '--json']);
      expect(result.code).toBe(1);
      const line = text.subarray(0, at).toString('utf8').split('\n').length;
      expect(JSON.parse(result.stdout)).toMatchObject({ verified: false, discrepancy: { code: 'not-utf8', file: 'result.json', line } });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('still prints its own recount when only result.json is wrong', () => {
    const result = run([join(FIXTURES_DIR, 'tampered-wrong-total')]);
    expect(result.stdout).toContain('Result recomputed from the files (before the discrepancy below)');
    expect(result.stderr).toBe(`DISCREPANCY: result.json, line ${APPROVE_AREA_LINE}: "tally.figures.approve.area" is 265590, but the ballots give 255590\n`);
  });

  it('prints a machine-readable report with --json, as docs/recount-format.md describes it', () => {
    const ok = run([join(FIXTURES_DIR, 'vcl-26-secret-ballot'), '--json']);
    expect(ok.code).toBe(0);
    const body = JSON.parse(ok.stdout) as Record<string, unknown> & { chains: Record<string, unknown> };
    expect(Object.keys(body)).toEqual(['reportVersion', 'verified', 'verdict', 'discrepancy', 'voteId', 'chains', 'outcome', 'lines', 'rejected', 'ignoredCheckIns', 'tally', 'explanation']);
    expect(body).toMatchObject({ reportVersion: 1, verified: true, verdict: 'VERIFIED', discrepancy: null, voteId: 'vote-2026-0533', outcome: { status: 'passed', winningOption: null, unmet: [] }, tally: { passed: true, ruleSet: 'vcl-26' } });
    expect(Object.keys(body.chains).sort()).toEqual(['box', 'roll']);

    const notPassed = JSON.parse(run([join(FIXTURES_DIR, 'cc278-major-not-passed'), '--json']).stdout) as unknown;
    expect(notPassed).toMatchObject({ verified: true, verdict: 'VERIFIED', outcome: { status: 'not-passed', unmet: ['turnout-area', 'turnout-persons', 'approval-area', 'approval-persons'] } });

    const bad = run(['--json', join(FIXTURES_DIR, 'tampered-removed-line')]);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({
      verified: false,
      verdict: 'NOT VERIFIED',
      discrepancy: { code: 'sequence', file: 'ballots.jsonl', line: 9, path: 'seq', message: 'sequence number 10 where 9 was expected: a line is missing before this line' },
      outcome: null,
      tally: null,
    });
    const wrong = JSON.parse(run(['--json', join(FIXTURES_DIR, 'tampered-wrong-total')]).stdout) as unknown;
    expect(wrong).toMatchObject({ verified: false, discrepancy: { code: 'result-mismatch', file: 'result.json', line: APPROVE_AREA_LINE, path: 'tally.figures.approve.area' }, outcome: { status: 'passed' } });
  });

  it('recounts a version 2 kit matter by matter, and says of each whether the published result agrees', () => {
    const result = run([join(FIXTURES_DIR, 'v2-cc278-assembly-yushuian')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^Yishi recount \(format yishi-recount\/2: one ballot, several matters\)\n/);
    expect(result.stdout).toContain('\nOutcome of the vote, matter by matter:\n  1  statute         passed — every condition of cc278-ordinary is met\n  2  repair-fund     not passed — not met: approval-area, approval-persons\n  3  committee       elected — 5 of 5 seats: 陈志强 (c1), 黄美玲 (c2), 李建华 (c3), 梁淑芬 (c4), 何国栋 (c5)\n');
    expect(result.stdout).toContain('\n  qualified-not-elected c6      麦家豪     15 vote(s), 1,644.90 m²\n');
    expect(result.stdout).toContain('\nPublished result, matter by matter:\n  1  statute         agrees with the recount\n  2  repair-fund     agrees with the recount\n  3  committee       agrees with the recount\n');
    expect(result.stdout).toMatch(/\nVERIFIED: the published result is reproduced — every chain verifies and result\.json matches the recount of every matter exactly\.\n核验通过：公布的结果已由重新计票逐项完全复现，哈希链完整。\n$/);
  });

  it('names the matter whose published result differs, and the others that agree', () => {
    const result = run([join(FIXTURES_DIR, 'v2-tampered-seat')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('  2  repair-fund     agrees with the recount\n  3  committee       DIFFERS — "matters[committee].election.elected[4]" is "c6", but the ballots give "c5" [result-mismatch]\n');
    expect(result.stdout).toContain('  3  committee       与重新计票不一致（result-mismatch）\n');
    expect(result.stdout).toMatch(/\nNOT VERIFIED: result\.json, line \d+: "matters\[committee\]\.election\.elected\[4\]" is "c6", but the ballots give "c5" \[result-mismatch\]\n/);
    const json = JSON.parse(run([join(FIXTURES_DIR, 'v2-tampered-seat'), '--json']).stdout) as { reportVersion: number; verified: boolean; matters: { published: { status: string } }[] };
    expect(json).toMatchObject({ reportVersion: 2, verified: false });
    expect(json.matters.map((m) => m.published.status)).toEqual(['agrees', 'agrees', 'differs']);
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
