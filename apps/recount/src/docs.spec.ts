import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { canonicalJson, DISCREPANCY_CODES, sha256Hex } from '@yishi/domain';
import { yushuianKitInput } from './v2/fixtures';
import { ASSEMBLY_DISCREPANCY_CODES } from '@yishi/domain';
import { assemblyGenesisHash, buildAssemblyKit } from '@yishi/domain';
import { formatAssemblyReport } from './v2/print';
import { recountAssembly } from '@yishi/domain';

/** docs/recount-format.md is the specification outsiders write verifiers from: its tables must say what the code does. */
const DOC = readFileSync(resolve(__dirname, '../../../docs/recount-format.md'), 'utf8');

function section(title: string): string {
  const start = DOC.indexOf(`### ${title}`);
  if (start < 0) throw new Error(`no section ${title}`);
  const end = DOC.indexOf('\n### ', start + 1);
  return DOC.slice(start, end < 0 ? undefined : end);
}

describe('docs/recount-format.md', () => {
  it('lists exactly the reason codes the recount gives, in §8.2', () => {
    const documented = [...section('8.2 Reason codes').matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]);
    expect([...documented].sort()).toEqual(Object.keys(DISCREPANCY_CODES).sort());
  });

  it('describes every member of the --json report, in its order, in §8.4', () => {
    const documented = [...section('8.4 The `--json` report').matchAll(/^\| `([A-Za-z]+)` \|/gm)].map((m) => m[1]);
    expect(documented).toEqual(['reportVersion', 'verified', 'verdict', 'discrepancy', 'voteId', 'chains', 'outcome', 'lines', 'rejected', 'ignoredCheckIns', 'tally', 'explanation']);
  });

  it('lists exactly the reason codes version 2 adds, in §14.7', () => {
    const documented = [...section('14.7 Reason codes added in version 2').matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]);
    const added = Object.keys(ASSEMBLY_DISCREPANCY_CODES).filter((code) => !Object.hasOwn(DISCREPANCY_CODES, code));
    expect([...documented].sort()).toEqual(added.sort());
  });

  it('describes every member of a version 2 kit\'s --json report, in its order, in §14.9', () => {
    const documented = [...section('14.9 The `--json` report of a version 2 kit').matchAll(/^\| `([A-Za-z]+)` \|/gm)].map((m) => m[1]);
    const files = buildAssemblyKit(yushuianKitInput());
    const report = JSON.parse(formatAssemblyReport(recountAssembly(files), { json: true }).stdout) as Record<string, unknown>;
    expect(documented).toEqual(Object.keys(report));
  });

  it('quotes the 御水岸 fixture\'s own hashes in the worked example of §15', () => {
    const files = buildAssemblyKit(yushuianKitInput());
    const vote = JSON.parse(files['vote.json'] as string) as { electorateSha256: string };
    const result = JSON.parse(files['result.json'] as string) as { chains: { ballots: { head: string; lines: number } } };
    const example = DOC.slice(DOC.indexOf('## 15. Worked example'));
    expect(example).toContain(vote.electorateSha256);
    expect(example).toContain(`is ${Buffer.byteLength(canonicalJson(vote)).toLocaleString('en')} bytes`);
    expect(example).toContain(assemblyGenesisHash('ballots', vote));
    expect(example).toContain(sha256Hex((files['ballots.jsonl'] as string).split('\n')[0] as string));
    expect(example).toContain(`The chain has ${result.chains.ballots.lines} lines`);
    expect(example).toContain(result.chains.ballots.head);
  });
});
