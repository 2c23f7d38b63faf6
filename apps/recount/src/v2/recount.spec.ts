import type { PersonsElectorate } from '@yishi/domain';
import { ChainBuilder, prettyJson } from '@yishi/domain';
import type { Folder } from '../fixtures';
import { pseudonym } from '../fixtures';
import { kitFormatVersion, recountKit } from '../kit-version';
import { rechained, yushuianKitInput } from './fixtures';
import type { AssemblyKitInput } from '@yishi/domain';
import { assemblyGenesisHash, buildAssemblyKit } from '@yishi/domain';
import { formatAssemblyReport } from './print';
import type { AssemblyRecountReport } from '@yishi/domain';
import { recountAssembly } from '@yishi/domain';

/* Version 2 kits, verified in memory: what they reproduce, and what they must refuse (and how they name it). */

const kit = (): Folder => buildAssemblyKit(yushuianKitInput());

function verdict(files: Folder): AssemblyRecountReport {
  return recountAssembly(files);
}

function lines(text: string): string[] {
  return text.split('\n').slice(0, -1);
}

/** Edits one JSON file of the kit (re-laid out as the platform writes it). */
function editJson(folder: Folder, name: string, edit: (value: Record<string, unknown>) => void): Folder {
  const value = JSON.parse(folder[name] as string) as Record<string, unknown>;
  edit(value);
  return { ...folder, [name]: prettyJson(value) };
}

type ResultJson = { matters: { matter: string; tally?: { figures: { approve: { persons: number } } }; election?: { candidates: { candidate: string; standing: string }[] } }[] };

describe('a version 2 kit: the 御水岸 ballot', () => {
  const report = verdict(kit());

  it('verifies, and reproduces every matter under its own rule', () => {
    expect(report.discrepancy).toBeNull();
    expect(report.ok).toBe(true);
    expect(report.matterChecks.map((c) => c.status)).toEqual(['agrees', 'agrees', 'agrees']);
    const [statute, fund, committee] = report.count!.matters;
    expect(statute).toMatchObject({ matter: 'statute', kind: 'motion', blank: 1, spoilt: 0, tally: { ruleSet: 'cc278-ordinary', passed: true } });
    // The repair fund fails (three quarters) while the statute passes on the same ballots.
    expect(fund).toMatchObject({ matter: 'repair-fund', kind: 'motion', blank: 1, spoilt: 1, tally: { ruleSet: 'cc278-major', passed: false } });
    expect(committee).toMatchObject({ matter: 'committee', kind: 'election', blank: 1, spoilt: 1, election: { seats: 5, elected: ['c1', 'c2', 'c3', 'c4', 'c5'], unfilled: 0, tied: [] } });
    if (committee?.kind !== 'election') throw new Error('an election expected');
    expect(committee.election.candidates.map((c) => [c.candidate, c.standing])).toEqual([
      ['c1', 'elected'],
      ['c2', 'elected'],
      ['c3', 'elected'],
      ['c4', 'elected'],
      ['c5', 'elected'],
      ['c6', 'qualified-not-elected'],
      ['c7', 'not-qualified'],
    ]);
  });

  it('is picked by its formatVersion; a version 1 kit still goes to the version 1 verifier', () => {
    expect(kitFormatVersion(kit())).toBe(2);
    expect(recountKit(kit()).formatVersion).toBe(2);
  });
});

describe('tampering with a version 2 kit is detected and named', () => {
  it('one ballot of one matter changed: the next line no longer matches', () => {
    const folder = kit();
    const list = lines(folder['ballots.jsonl'] as string);
    list[3] = (list[3] as string).replace('"repair-fund":"approve"', '"repair-fund":"oppose"');
    const report = verdict({ ...folder, 'ballots.jsonl': list.map((l) => `${l}\n`).join('') });
    expect(report.discrepancy).toMatchObject({ code: 'prev-mismatch', file: 'ballots.jsonl', line: 5 });
    expect(report.count).toBeNull();
  });

  it('one ballot of one matter changed and the chain rewritten: that matter, and only it, no longer agrees', () => {
    const folder = rechained(kit(), (entries) => {
      (entries[3]!.marks as Record<string, unknown>)['repair-fund'] = 'oppose';
    });
    const report = verdict(folder);
    expect(report.discrepancy).toMatchObject({ code: 'result-mismatch', file: 'result.json', path: 'matters[1].tally.conditions[2].numerator' });
    expect(report.discrepancy!.message).toMatch(/^"matters\[repair-fund\]\.tally\.conditions\[approval-area\]\.numerator" is \d+, but the ballots give \d+$/);
    expect(report.matterChecks.map((c) => c.status)).toEqual(['agrees', 'differs', 'agrees']);
  });

  it('a published seat changed', () => {
    const folder = editJson(kit(), 'result.json', (result) => {
      const committee = (result as unknown as ResultJson).matters[2]!.election!;
      committee.candidates[5]!.standing = 'elected';
    });
    const report = verdict(folder);
    expect(report.discrepancy).toMatchObject({ code: 'result-mismatch', path: 'matters[2].election.candidates[5].standing', message: '"matters[committee].election.candidates[c6].standing" is "elected", but the ballots give "qualified-not-elected"' });
    expect(report.matterChecks.map((c) => c.status)).toEqual(['agrees', 'agrees', 'differs']);
    expect(formatAssemblyReport(report, { json: false }).stdout).toContain('  3  committee       DIFFERS — "matters[committee].election.candidates[c6].standing" is "elected"');
  });

  it('the closing hash changed', () => {
    const folder = editJson(kit(), 'result.json', (result) => {
      (result.chains as { ballots: { head: string } }).ballots.head = '0'.repeat(64);
    });
    const report = verdict(folder);
    expect(report.discrepancy).toMatchObject({ code: 'chain-head', file: 'ballots.jsonl', line: 32 });
    // The figures of each matter were still compared: they agree; the chain does not.
    expect(report.matterChecks.map((c) => c.status)).toEqual(['agrees', 'agrees', 'agrees']);
  });

  it('the last line removed', () => {
    const folder = kit();
    const list = lines(folder['ballots.jsonl'] as string);
    const report = verdict({ ...folder, 'ballots.jsonl': list.slice(0, -1).map((l) => `${l}\n`).join('') });
    expect(report.discrepancy).toMatchObject({ code: 'chain-length', file: 'ballots.jsonl', line: 32 });
  });

  it('a matter published twice, or left out', () => {
    const twice = editJson(kit(), 'result.json', (result) => {
      const matters = result.matters as unknown[];
      matters.push(matters[0]);
    });
    expect(verdict(twice).discrepancy).toMatchObject({ code: 'result-mismatch', path: 'matters', message: expect.stringMatching(/^"matters" has 4 entries, but the ballot has 3 matters/) as unknown });
    const left = editJson(kit(), 'result.json', (result) => {
      (result.matters as unknown[]).pop();
    });
    expect(verdict(left).discrepancy).toMatchObject({ code: 'result-mismatch', path: 'matters' });
  });
});

describe('what the file says is checked, not what a parser kept', () => {
  const refused = (change: (entries: Record<string, unknown>[]) => void) => verdict(rechained(kit(), change)).discrepancy;
  const marksOf = (entries: Record<string, unknown>[], line: number) => entries[line - 1]!.marks as Record<string, unknown>;

  it('refuses a mark for a matter that is not on the ballot', () => {
    expect(refused((e) => (marksOf(e, 9)['parking'] = 'approve'))).toMatchObject({ code: 'unknown-matter', line: 9, path: 'marks.parking' });
  });

  it('refuses a ballot without a mark for every matter', () => {
    expect(refused((e) => delete marksOf(e, 9)['statute'])).toMatchObject({ code: 'missing-field', line: 9, path: 'marks.statute' });
  });

  it('refuses more choices than seats, a candidate not on the list, a candidate twice, an empty choice, another order', () => {
    expect(refused((e) => (marksOf(e, 2)['committee'] = { chosen: ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'] }))).toMatchObject({ code: 'too-many-choices', line: 2, path: 'marks.committee.chosen' });
    expect(refused((e) => (marksOf(e, 2)['committee'] = { chosen: ['c1', 'c8'] }))).toMatchObject({ code: 'unknown-candidate', line: 2, path: 'marks.committee.chosen[1]' });
    expect(refused((e) => (marksOf(e, 2)['committee'] = { chosen: ['c1', 'c1'] }))).toMatchObject({ code: 'invalid-value', path: 'marks.committee.chosen[1]', message: '"marks.committee.chosen[1]" chooses c1 a second time' });
    expect(refused((e) => (marksOf(e, 2)['committee'] = { chosen: [] }))).toMatchObject({ code: 'invalid-value', path: 'marks.committee.chosen' });
    expect(refused((e) => (marksOf(e, 2)['committee'] = { chosen: ['c2', 'c1'] }))).toMatchObject({ code: 'invalid-value', path: 'marks.committee.chosen[1]' });
  });

  it('refuses a mark of the wrong kind, and an unknown field in a mark or a line', () => {
    expect(refused((e) => (marksOf(e, 2)['committee'] = 'approve'))).toMatchObject({ code: 'invalid-value', path: 'marks.committee' });
    expect(refused((e) => (marksOf(e, 2)['statute'] = { chosen: ['c1'] }))).toMatchObject({ code: 'invalid-value', path: 'marks.statute' });
    expect(refused((e) => (marksOf(e, 2)['committee'] = { chosen: ['c1'], weight: 2 }))).toMatchObject({ code: 'unknown-field', path: 'marks.committee.weight' });
    expect(refused((e) => (e[1]!['choice'] = 'approve'))).toMatchObject({ code: 'unknown-field', line: 2, path: 'choice' });
  });

  it('refuses a key twice in a chain line and in result.json', () => {
    const folder = kit();
    const list = lines(folder['ballots.jsonl'] as string);
    list[0] = (list[0] as string).replace('"marks":{', '"marks":{"statute":"oppose",');
    expect(verdict({ ...folder, 'ballots.jsonl': list.map((l) => `${l}\n`).join('') }).discrepancy).toMatchObject({ code: 'duplicate-key', file: 'ballots.jsonl', line: 1 });
    const result = (folder['result.json'] as string).replace(/^( +)"elected": \[$/m, '$1"elected": [],\n$1"elected": [');
    expect(verdict({ ...folder, 'result.json': result }).discrepancy).toMatchObject({ code: 'duplicate-key', file: 'result.json', path: 'matters[2].election.elected' });
  });

  it('refuses an unknown field in vote.json and in a published matter, and a matter without its explanation', () => {
    const vote = editJson(kit(), 'vote.json', (v) => {
      (v.matters as Record<string, unknown>[])[2]!['quorum'] = 'none';
    });
    expect(verdict(vote).discrepancy).toMatchObject({ code: 'unknown-field', file: 'vote.json', path: 'matters[2].quorum' });
    const extra = editJson(kit(), 'result.json', (r) => {
      (r.matters as Record<string, unknown>[])[0]!['passed'] = true;
    });
    expect(verdict(extra).discrepancy).toMatchObject({ code: 'unknown-field', file: 'result.json', path: 'matters[0].passed' });
    const words = editJson(kit(), 'result.json', (r) => {
      delete (r.matters as Record<string, unknown>[])[1]!['explanation'];
    });
    expect(verdict(words).discrepancy).toMatchObject({ code: 'missing-field', file: 'result.json', path: 'matters[1].explanation' });
  });

  it('refuses a vote.json whose matters cannot be counted: two with one id, an election without seats, owners in secret', () => {
    const twice = editJson(kit(), 'vote.json', (v) => {
      (v.matters as Record<string, unknown>[])[1]!['id'] = 'statute';
    });
    expect(verdict(twice).discrepancy).toMatchObject({ code: 'invalid-value', path: 'matters[1].id' });
    const seats = editJson(kit(), 'vote.json', (v) => {
      ((v.matters as Record<string, unknown>[])[2]!['question'] as Record<string, unknown>)['seats'] = 0;
    });
    expect(verdict(seats).discrepancy).toMatchObject({ code: 'invalid-value', path: 'matters[2].question.seats' });
    const secret = editJson(kit(), 'vote.json', (v) => {
      v.secrecy = 'secret';
    });
    expect(verdict(secret).discrepancy).toMatchObject({ code: 'invalid-value', path: 'secrecy' });
  });

  it('refuses a format version it does not know, naming both it reads', () => {
    const files = editJson(kit(), 'vote.json', (v) => {
      v.formatVersion = 3;
    });
    const any = recountKit(files);
    expect(any.formatVersion).toBe(2);
    expect(any.report.discrepancy).toMatchObject({ code: 'unknown-format-version', message: '"formatVersion" is 3; this verifier reads versions 1 and 2' });
  });

  it('refuses a version 1 result.json beside a version 2 vote.json', () => {
    const files = editJson(kit(), 'result.json', (r) => {
      r.formatVersion = 1;
    });
    expect(verdict(files).discrepancy).toMatchObject({ code: 'unknown-format-version', file: 'result.json', path: 'formatVersion' });
  });
});

describe('a secret version 2 ballot: a cooperative deciding an item and electing its council', () => {
  const members = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'];
  const electorate: PersonsElectorate = {
    kind: 'persons',
    persons: members.map((label, i) => ({ id: pseudonym(label), household: `h${Math.floor(i / 2) + 1}`, adult: true, fullCapacity: true })),
    households: [1, 2, 3].map((h) => ({ id: `h${h}`, representative: pseudonym(`m${2 * h - 1}`) })),
    representatives: [],
  };
  const at = (minute: number) => new Date(Date.UTC(2027, 3, 10, 2, minute)).toISOString();
  const input: AssemblyKitInput = {
    secrecy: 'secret',
    vote: {
      voteId: 'vote-secret-v2',
      title: { 'zh-CN': '测试经济社 · 成员大会', en: 'Test cooperative · member assembly' },
      matters: [
        { id: 'plan', question: { kind: 'motion', text: { 'zh-CN': '是否同意方案？', en: 'Adopt the plan?' } }, ruleSet: 'rceo-27', matterKinds: ['other'], lml63: null, documents: [] },
        {
          id: 'council',
          question: { kind: 'election', text: { 'zh-CN': '选举理事会成员（应选 2 名）', en: 'Elect the council (2 seats)' }, seats: 2, candidates: ['a', 'b', 'c'].map((id) => ({ id, name: `候选人${id}` })) },
          ruleSet: 'rceo-27',
          matterKinds: ['other'],
          lml63: null,
          documents: [],
        },
      ],
      documents: [],
      opensAt: at(0),
      closesAt: at(59),
      safeguards: null,
    },
    snapshotAt: at(0),
    electorate,
    roll: members.map((label, i) => ({ kind: 'mark' as const, voter: pseudonym(label), channel: 'meeting' as const, proxy: null, at: at(i + 1) })),
    box: [
      { ballot: 'k9', marks: { plan: 'oppose', council: { chosen: ['c'] } } },
      { ballot: 'k1', marks: { plan: 'approve', council: { chosen: ['a', 'b'] } } },
      { ballot: 'k2', marks: { plan: 'approve', council: { chosen: ['a', 'b'] } } },
      { ballot: 'k3', marks: { plan: 'approve', council: { chosen: ['a', 'b'] } } },
      { ballot: 'k4', marks: { plan: 'approve', council: { chosen: ['a', 'b'] } } },
      { ballot: 'k5', marks: { plan: 'blank', council: 'spoilt' } },
    ],
  };

  it('verifies, the box sorted by ballot id and every matter recounted', () => {
    const report = verdict(buildAssemblyKit(input));
    expect(report.discrepancy).toBeNull();
    expect(Object.keys(report.chains).sort()).toEqual(['box', 'roll']);
    expect(report.count!.matters[0]).toMatchObject({ kind: 'motion', blank: 1, tally: { secrecy: 'secret', passed: true } });
    expect(report.count!.matters[1]).toMatchObject({ kind: 'election', spoilt: 1, election: { elected: ['a', 'b'] } });
  });

  it('refuses a box line with a mark for a matter not on the ballot', () => {
    const files = buildAssemblyKit(input);
    const entries = lines(files['box.jsonl'] as string).map((l) => {
      const { seq: _seq, prev: _prev, ...entry } = JSON.parse(l) as Record<string, unknown>;
      return entry;
    });
    (entries[4]!.marks as Record<string, unknown>)['extra'] = 'approve';
    const box = new ChainBuilder(assemblyGenesisHash('box', JSON.parse(files['vote.json'] as string)));
    for (const entry of entries) box.append(entry);
    expect(verdict({ ...files, 'box.jsonl': box.text }).discrepancy).toMatchObject({ code: 'unknown-matter', file: 'box.jsonl', line: 5, path: 'marks.extra' });
  });
});

describe('the --json report of a version 2 kit', () => {
  it('has the members docs/recount-format.md lists, and each matter its outcome and whether it agrees', () => {
    const body = JSON.parse(formatAssemblyReport(verdict(kit()), { json: true }).stdout) as Record<string, unknown> & { matters: Record<string, unknown>[] };
    expect(Object.keys(body)).toEqual(['reportVersion', 'formatVersion', 'verified', 'verdict', 'discrepancy', 'voteId', 'chains', 'lines', 'matters', 'reading']);
    expect(body).toMatchObject({ reportVersion: 2, formatVersion: 2, verified: true, verdict: 'VERIFIED', voteId: 'vote-2027-0108' });
    expect(Object.keys(body.matters[0]!)).toEqual(['matter', 'kind', 'published', 'outcome', 'blank', 'spoilt', 'rejected', 'ignoredCheckIns', 'tally', 'explanation']);
    expect(Object.keys(body.matters[2]!)).toEqual(['matter', 'kind', 'published', 'outcome', 'blank', 'spoilt', 'rejected', 'ignoredCheckIns', 'election', 'explanation']);
    expect(body.matters.map((m) => [m.matter, (m.published as { status: string }).status, (m.outcome as { status: string }).status])).toEqual([
      ['statute', 'agrees', 'passed'],
      ['repair-fund', 'agrees', 'not-passed'],
      ['committee', 'agrees', 'elected'],
    ]);
  });
});
