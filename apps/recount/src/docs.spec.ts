import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DISCREPANCY_CODES } from '@yishi/domain';

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
});
