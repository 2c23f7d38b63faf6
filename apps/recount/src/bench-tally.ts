/**
 * `npm run bench:tally`: ballots per second of the cc278-major tally for 100,000 ballots over a
 * 100,000-unit compound, with a trivial baseline measured in the same run (one pass over the units
 * building voter → area, one pass over the ballots summing the approving area). Absolute times
 * vary between machines and runs; the ratio to the baseline is the figure to compare.
 * Also times a full recount of the same vote from its files (chain verification included).
 */
import { performance } from 'node:perf_hooks';
import type { Ballot, CastEvent, CompoundElectorate, ElectorateUnit, TallyInput } from '@yishi/domain';
import { buildRecountKit, recount, tally } from '@yishi/domain';

const UNITS = 100_000;
const BALLOTS = 100_000;
const RUNS = 9;

/** A deterministic pseudo-random sequence (xorshift32), so every run counts the same vote. */
function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

function scenario(): TallyInput {
  const next = random(20261201);
  const units: ElectorateUnit[] = [];
  for (let i = 0; i < UNITS; i++) {
    // 40.00 m² to 199.99 m², in 1/100 m².
    units.push({ id: `u${i}`, area: 4000 + Math.floor(next() * 16000), developerHeld: false, owners: [`v${i}`], designatedVoter: null });
  }
  const electorate: CompoundElectorate = { kind: 'compound', units, developerVoter: null };
  const ballots: Ballot[] = [];
  for (let i = 0; i < BALLOTS; i++) {
    const r = next();
    ballots.push({ voter: `v${i}`, choice: r < 0.8 ? 'approve' : r < 0.95 ? 'oppose' : 'abstain', channel: r < 0.9 ? 'online' : 'paper', proxy: null });
  }
  return { vote: { ruleSet: 'cc278-major', question: { kind: 'motion' }, matterKinds: ['repair-fund-raising'], lml63: null }, electorate, casting: { secrecy: 'named', ballots }, checkIns: [] };
}

/** The least any tally must do: index the units' areas by voter, then sum the approving area. */
function baseline(input: TallyInput): number {
  const areaOf = new Map<string, number>();
  if (input.electorate.kind !== 'compound' || input.casting.secrecy !== 'named') throw new Error('compound, named');
  for (const unit of input.electorate.units) areaOf.set(unit.owners[0] as string, unit.area);
  let approving = 0;
  for (const ballot of input.casting.ballots) {
    if (ballot.choice === 'approve') approving += areaOf.get(ballot.voter) ?? 0;
  }
  return approving;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

function main(): void {
  const input = scenario();
  // Warm up both (JIT), then alternate runs so that both see the same machine conditions.
  for (let i = 0; i < 2; i++) {
    tally(input);
    baseline(input);
  }
  const tallyMs: number[] = [];
  const baselineMs: number[] = [];
  let result = tally(input);
  let sum = 0;
  for (let i = 0; i < RUNS; i++) {
    const t = time(() => tally(input));
    result = t.value;
    tallyMs.push(t.ms);
    const b = time(() => baseline(input));
    sum = b.value;
    baselineMs.push(b.ms);
  }
  if (result.figures.approve.area !== sum) throw new Error(`The tally and the baseline disagree: ${result.figures.approve.area} ≠ ${sum}`);

  const t = median(tallyMs);
  const b = median(baselineMs);
  const out: string[] = [];
  out.push(`bench:tally — cc278-major, ${UNITS.toLocaleString('en')} units, ${BALLOTS.toLocaleString('en')} ballots, median of ${RUNS} runs (Node ${process.version})`);
  out.push(`  tally:    ${t.toFixed(1)} ms  →  ${Math.round(BALLOTS / (t / 1000)).toLocaleString('en')} ballots/s  (min ${Math.min(...tallyMs).toFixed(1)} ms, max ${Math.max(...tallyMs).toFixed(1)} ms)`);
  out.push(`  baseline: ${b.toFixed(1)} ms  →  ${Math.round(BALLOTS / (b / 1000)).toLocaleString('en')} ballots/s  (index areas by voter, sum approving area)`);
  out.push(`  ratio:    tally / baseline = ${(t / b).toFixed(1)}×  (same process, same run)`);
  out.push(`  verdict:  ${result.passed ? 'passed' : 'not passed'}; ${result.conditions.map((c) => `${c.id} ${c.percent ?? '—'}%`).join(', ')}`);

  // A full recount from the files: canonical JSON, SHA-256 chain of 100,000 lines, strict parsing, tally.
  if (input.electorate.kind === 'compound' && input.casting.secrecy === 'named') {
    const events: CastEvent[] = input.casting.ballots.map((ballot, i) => ({
      kind: 'cast',
      ballot: `b${i}`,
      voter: ballot.voter,
      choice: ballot.choice,
      channel: ballot.channel,
      proxy: null,
      at: '2026-12-05T02:00:00.000Z',
    }));
    const build = time(() =>
      buildRecountKit({
        secrecy: 'named',
        vote: {
          voteId: 'bench',
          title: { 'zh-CN': '基准测试', en: 'benchmark' },
          ruleSet: 'cc278-major',
          question: { kind: 'motion', text: { 'zh-CN': '？', en: '?' } },
          matterKinds: ['repair-fund-raising'],
          lml63: null,
          opensAt: '2026-12-01T00:00:00.000Z',
          closesAt: '2026-12-15T00:00:00.000Z',
        },
        snapshotAt: '2026-12-01T00:00:00.000Z',
        electorate: input.electorate,
        events,
      }),
    );
    const check = time(() => recount(build.value));
    if (!check.value.ok) throw new Error('The benchmark kit did not recount');
    const bytes = Object.values(build.value).reduce((n, text) => n + Buffer.byteLength(text), 0);
    out.push(`  recount:  ${(check.ms / 1000).toFixed(2)} s for the whole kit (${(bytes / 1e6).toFixed(1)} MB: chain of ${BALLOTS.toLocaleString('en')} lines verified, tally, result compared); building it took ${(build.ms / 1000).toFixed(2)} s`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

if (require.main === module) {
  main();
}
