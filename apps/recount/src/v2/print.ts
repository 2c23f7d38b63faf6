/**
 * What the recount CLI prints for a version 2 kit (an assembly's ballot with several matters): the
 * ballot and its matters, the chains with their heads, then each matter in turn — its rule, its
 * question, its blank and spoilt marks, the ballots that did not count, every condition with its
 * exact fraction (for an election, every candidate's), the explanation, the outcome of the matter
 * and whether its PUBLISHED result agrees with the recount. Last, apart, the outcome of every
 * matter and the verification verdict, as for version 1. Pure: returns text and the exit code.
 */
import type { Outcome, TallySummary } from '@yishi/domain';
import { describeDiscrepancy, formatArea, formatCount, outcomeOf, REJECTION_TEXTS, RULE_SETS } from '@yishi/domain';
import type { Printed } from '../print';
import { conditionLine, EXIT_DISCREPANCY, EXIT_OK, figureLines, outcomeText, pad } from '../print';
import type { AssemblyVoteFile, ElectionSummary, MatterFile, MatterResultFile } from '@yishi/domain';

type LineRejection = MatterResultFile['rejected'][number];
import { ASSEMBLY_DISCREPANCY_CODES } from '@yishi/domain';
import type { AssemblyRecountReport, MatterCheck } from '@yishi/domain';

/** The version of the --json report's shape for a version 2 kit (docs/recount-format.md §14.9). */
export const ASSEMBLY_REPORT_VERSION = 2;

export type ElectionOutcomeStatus = 'elected' | 'partly-elected' | 'none-elected' | 'void' | 'refused';

export interface ElectionOutcome {
  status: ElectionOutcomeStatus;
  elected: string[];
  tied: string[];
  unfilled: number;
  /** Void: the validity conditions not met; else empty. */
  unmet: string[];
  refusedMatters: string[];
}

/** The outcome of an election as recounted: every seat filled, some, none; or void, or refused. */
export function electionOutcome(e: ElectionSummary): ElectionOutcome {
  const common = { elected: e.elected, tied: e.tied, unfilled: e.unfilled, unmet: [] as string[], refusedMatters: [] as string[] };
  const first: TallySummary = e.candidates[0]!.tally;
  const verdict = outcomeOf(first);
  if (verdict.status === 'refused') return { ...common, status: 'refused', refusedMatters: verdict.refusedMatters };
  if (verdict.status === 'void') return { ...common, status: 'void', unmet: verdict.unmet };
  return { ...common, status: e.elected.length === e.seats ? 'elected' : e.elected.length > 0 ? 'partly-elected' : 'none-elected' };
}

export type MatterOutcome = ({ kind: 'motion' } & Outcome) | ({ kind: 'election' } & ElectionOutcome);

export function matterOutcome(m: MatterResultFile): MatterOutcome {
  return m.kind === 'motion' ? { kind: 'motion', ...outcomeOf(m.tally) } : { kind: 'election', ...electionOutcome(m.election) };
}

function names(ids: readonly string[], matter: MatterFile): { en: string; zh: string } {
  const name = new Map(matter.question.kind === 'election' ? matter.question.candidates.map((c) => [c.id, c.name]) : []);
  return { en: ids.map((id) => `${name.get(id) ?? id} (${id})`).join(', '), zh: ids.map((id) => name.get(id) ?? id).join('、') };
}

/** The outcome of one matter in English and Chinese, without a prefix. */
export function matterOutcomeText(o: MatterOutcome, matter: MatterFile): { en: string; 'zh-CN': string } {
  if (o.kind === 'motion') return outcomeText(o, null, matter.ruleSet);
  const seats = matter.question.kind === 'election' ? matter.question.seats : 0;
  const elected = names(o.elected, matter);
  const tied = names(o.tied, matter);
  // A tie stops the count: every seat still open goes to a run-off among the tied.
  const rest: { en: string[]; zh: string[] } = { en: [], zh: [] };
  if (o.tied.length > 0) {
    rest.en.push(`the remaining ${o.unfilled} seat(s) go to a run-off among the tied: ${tied.en}`);
    rest.zh.push(`${tied.zh} 得票相同，剩余 ${o.unfilled} 个名额由他们另行选举`);
  } else if (o.unfilled > 0) {
    rest.en.push(`${o.unfilled} seat(s) left for a further election`);
    rest.zh.push(`尚缺 ${o.unfilled} 名，须另行选举`);
  }
  const more = (sep: string, list: string[]) => (list.length > 0 ? `${sep}${list.join(sep)}` : '');
  switch (o.status) {
    case 'elected':
      return { en: `elected — ${o.elected.length} of ${seats} seats: ${elected.en}`, 'zh-CN': `当选 ${o.elected.length} 名（应选 ${seats} 名）：${elected.zh}` };
    case 'partly-elected':
      return { en: `${o.elected.length} of ${seats} seats filled: ${elected.en}${more('; ', rest.en)}`, 'zh-CN': `选出 ${o.elected.length} 名（应选 ${seats} 名）：${elected.zh}${more('；', rest.zh)}` };
    case 'none-elected':
      return { en: `nobody elected — ${o.tied.length > 0 ? rest.en.join('; ') : `no candidate met the conditions of ${matter.ruleSet}`}`, 'zh-CN': `无人当选（${o.tied.length > 0 ? rest.zh.join('；') : `没有候选人满足 ${matter.ruleSet} 的当选条件`}）` };
    case 'void':
      return { en: `void — not met: ${o.unmet.join(', ')}`, 'zh-CN': `选举无效（未满足：${o.unmet.join('、')}）` };
    case 'refused':
      return { en: `refused — this body may not decide: ${o.refusedMatters.join(', ')}`, 'zh-CN': `不得表决（本表决主体无权决定：${o.refusedMatters.join('、')}）` };
  }
}

function checkText(check: MatterCheck | undefined): { en: string; 'zh-CN': string } {
  if (!check || check.status === 'not-compared') return { en: 'not compared — the files did not get that far', 'zh-CN': '未比对（未能核验到这一步）' };
  if (check.status === 'agrees') return { en: 'agrees with the recount', 'zh-CN': '与重新计票一致' };
  return { en: `DIFFERS — ${check.difference.message} [${check.difference.code}]`, 'zh-CN': `与重新计票不一致（${check.difference.code}）` };
}

function rejectionLines(rejected: LineRejection[], ignored: LineRejection[]): string[] {
  const out: string[] = [];
  for (const r of rejected) {
    const text = REJECTION_TEXTS[r.reason as keyof typeof REJECTION_TEXTS];
    out.push(`          line ${pad(String(r.line), 5)}${pad(r.voter, 12)}${r.reason}: ${text['zh-CN']} / ${text.en}`);
  }
  for (const r of ignored) out.push(`          line ${pad(String(r.line), 5)}${pad(r.voter, 12)}check-in ignored, ${r.reason}: ${REJECTION_TEXTS[r.reason as keyof typeof REJECTION_TEXTS].en}`);
  return out;
}

function sameRejections(a: MatterResultFile, b: MatterResultFile): boolean {
  return JSON.stringify([a.rejected, a.ignoredCheckIns]) === JSON.stringify([b.rejected, b.ignoredCheckIns]);
}

function matterHeader(vote: AssemblyVoteFile, index: number): string[] {
  const matter = vote.matters[index]!;
  const rule = RULE_SETS[matter.ruleSet];
  const out = [
    '-'.repeat(72),
    `Matter ${index + 1} of ${vote.matters.length}: ${matter.id} (${matter.question.kind})`,
    `Rule      ${matter.ruleSet}: ${rule.body['zh-CN']} / ${rule.body.en}`,
    `          ${rule.statute['zh-CN']} / ${rule.statute.en}`,
  ];
  if (matter.lml63) out.push(`          lml-63 body: ${matter.lml63.body}; RCEO Law applies: ${matter.lml63.rceoApplies ? 'yes' : 'no'}`);
  out.push(`Question  ${matter.question.text['zh-CN']}`, `          ${matter.question.text.en}`);
  if (matter.question.kind === 'election') {
    out.push(`Seats     ${matter.question.seats}, from ${matter.question.candidates.length} candidates; each voter chooses up to ${matter.question.seats}`);
    for (const c of matter.question.candidates) out.push(`          ${pad(c.id, 12)}${c.name}`);
  }
  for (const d of matter.documents) out.push(`Document  ${d.title}  SHA-256 ${d.sha256}`);
  return out;
}

function electionLines(e: ElectionSummary, matter: MatterFile): string[] {
  const out: string[] = [];
  const name = new Map(matter.question.kind === 'election' ? matter.question.candidates.map((c) => [c.id, c.name]) : []);
  const first = e.candidates[0]!.tally;
  // Participation (and, secret, the box) is the same for every candidate: printed once.
  for (const c of first.conditions.filter((x) => x.role !== 'decision')) out.push(conditionLine(c, first.ruleSet));
  out.push(...figureLines(first.figures).slice(0, 2));
  out.push('  Candidates, in the order of the count (those who qualify first, by votes):');
  for (const c of e.candidates) {
    out.push(`  ${pad(c.standing, 22)}${pad(c.candidate, 8)}${pad(name.get(c.candidate) ?? '', 8)}${formatCount(c.votes)} vote(s)${c.area === null ? '' : `, ${formatArea(c.area)} m²`}`);
    for (const condition of c.tally.conditions.filter((x) => x.role === 'decision')) out.push(`  ${conditionLine(condition, c.tally.ruleSet)}`);
  }
  out.push(`  elected ${e.elected.length > 0 ? e.elected.join(', ') : 'nobody'} · seats ${e.seats} · unfilled ${e.unfilled}${e.tied.length > 0 ? ` · tied ${e.tied.join(', ')}` : ''}${e.overVoted > 0 ? ` · over-voted ${e.overVoted}` : ''}`);
  return out;
}

export function formatAssemblyReport(report: AssemblyRecountReport, options: { json: boolean }): Printed {
  const d = report.discrepancy;
  const discrepancy = d ? describeDiscrepancy(d) : null;
  const stderr = discrepancy ? `DISCREPANCY: ${discrepancy}\n` : '';
  const exitCode = report.ok ? EXIT_OK : EXIT_DISCREPANCY;
  const vote = report.vote;
  const count = report.count;

  if (options.json) {
    const body = {
      reportVersion: ASSEMBLY_REPORT_VERSION,
      formatVersion: report.formatVersion,
      verified: report.ok,
      verdict: report.ok ? 'VERIFIED' : 'NOT VERIFIED',
      discrepancy: d ? { code: d.code, file: d.file, line: d.line, path: d.path, message: d.message } : null,
      voteId: vote?.voteId ?? null,
      chains: report.chains,
      lines: count?.lines ?? null,
      matters: count
        ? count.matters.map((m, i) => {
            const check = report.matterChecks[i] ?? { status: 'not-compared', difference: null };
            const { explanation, ...summary } = m;
            const { matter, kind, blank, spoilt, rejected, ignoredCheckIns } = summary;
            return {
              matter,
              kind,
              published: check,
              outcome: matterOutcome(m),
              blank,
              spoilt,
              rejected,
              ignoredCheckIns,
              ...(summary.kind === 'motion' ? { tally: summary.tally } : { election: summary.election }),
              explanation,
            };
          })
        : null,
      reading: count?.result.reading ?? null,
    };
    return { stdout: `${JSON.stringify(body, null, 2)}\n`, stderr, exitCode };
  }

  const out: string[] = [];
  out.push('Yishi recount (format yishi-recount/2: one ballot, several matters)');
  if (vote) {
    out.push(`Vote      ${vote.voteId}`);
    out.push(`          ${vote.title['zh-CN']}`);
    out.push(`          ${vote.title.en}`);
    out.push(`Voting    ${vote.opensAt} – ${vote.closesAt} (UTC), ${vote.secrecy} ballot`);
    for (const doc of vote.documents) out.push(`Document  ${doc.title}  SHA-256 ${doc.sha256}`);
    out.push(`Matters   ${vote.matters.length} on one ballot, each counted under its own rule set`);
    for (const [i, m] of vote.matters.entries()) {
      out.push(`          ${i + 1}  ${pad(m.id, 16)}${pad(m.ruleSet, 16)}${m.question.kind === 'election' ? `election: ${m.question.seats} seats, ${m.question.candidates.length} candidates` : 'motion'}`);
    }
  }
  const files: Record<string, string> = { ballots: 'ballots.jsonl', roll: 'roll.jsonl', box: 'box.jsonl' };
  for (const [name, chain] of Object.entries(report.chains)) out.push(`Chain     ${files[name] ?? name}: ${formatCount(chain.lines)} lines, head ${chain.head}`);
  if (Object.keys(report.chains).length > 0) out.push('          Compare each head with the one published with the result: a forger who rewrote the whole chain cannot keep it.');

  if (vote && count) {
    const l = count.lines;
    out.push(
      vote.secrecy === 'secret'
        ? `Lines     ${formatCount(l.marks)} roll marks, ${formatCount(l.checkIns)} check-ins; ${formatCount(l.boxBallots)} ballots in the box`
        : `Lines     ${formatCount(l.casts)} casts (${formatCount(l.superseded)} superseded: each voter's last ballot counts, for every matter on it), ${formatCount(l.checkIns)} check-ins`,
    );
    out.push(`Reading   ${count.result.reading['zh-CN']}`);
    out.push(`          ${count.result.reading.en}`);
    const firstMatter = count.matters[0]!;
    const shared = count.matters.every((m) => sameRejections(m, firstMatter));
    if (shared && (firstMatter.rejected.length > 0 || firstMatter.ignoredCheckIns.length > 0)) {
      out.push('Not counted, for any matter');
      out.push(...rejectionLines(firstMatter.rejected, firstMatter.ignoredCheckIns));
    }
    out.push('');
    out.push(report.ok ? 'Results recomputed from the files, matter by matter' : 'Results recomputed from the files, matter by matter (the published result is NOT verified: see the end)');
    for (const [i, m] of count.matters.entries()) {
      const matter = vote.matters[i]!;
      out.push(...matterHeader(vote, i));
      out.push(`Marks     ${formatCount(m.blank)} blank, ${formatCount(m.spoilt)} spoilt: each counts as an abstention on this matter only`);
      if (!shared && (m.rejected.length > 0 || m.ignoredCheckIns.length > 0)) {
        out.push('Not counted');
        out.push(...rejectionLines(m.rejected, m.ignoredCheckIns));
      }
      if (m.kind === 'motion') {
        if (m.tally.refusedMatters) for (const kind of m.tally.refusedMatters) out.push(`  refused   ${kind}`);
        for (const c of m.tally.conditions) out.push(conditionLine(c, m.tally.ruleSet));
        out.push(...figureLines(m.tally.figures));
      } else {
        out.push(...electionLines(m.election, matter));
      }
      out.push('说明（zh-CN）');
      for (const sentence of m.explanation['zh-CN']) out.push(`  ${sentence}`);
      out.push('Explanation (en)');
      for (const sentence of m.explanation.en) out.push(`  ${sentence}`);
      const text = matterOutcomeText(matterOutcome(m), matter);
      const check = checkText(report.matterChecks[i]);
      out.push(`Outcome of this matter: ${text.en}`);
      out.push(`本事项结果：${text['zh-CN']}`);
      out.push(`Published result of this matter: ${check.en}`);
      out.push(`公布的本事项结果：${check['zh-CN']}`);
    }
  }

  // The outcome of every matter, then — apart, last — whether the published result is verified.
  out.push('');
  out.push('='.repeat(72));
  if (vote && count) {
    out.push(report.ok ? 'Outcome of the vote, matter by matter:' : 'Outcome of the vote, matter by matter, as recounted from these files (the published result is NOT verified):');
    const rows = count.matters.map((m, i) => ({ matter: vote.matters[i]!, text: matterOutcomeText(matterOutcome(m), vote.matters[i]!), check: checkText(report.matterChecks[i]) }));
    for (const [i, r] of rows.entries()) out.push(`  ${i + 1}  ${pad(r.matter.id, 16)}${r.text.en}`);
    out.push(report.ok ? '表决结果（逐项）：' : '表决结果（逐项，依据本文件夹重新计票；公布的结果未通过核验）：');
    for (const [i, r] of rows.entries()) out.push(`  ${i + 1}  ${pad(r.matter.id, 16)}${r.text['zh-CN']}`);
    out.push('Published result, matter by matter:');
    for (const [i, r] of rows.entries()) out.push(`  ${i + 1}  ${pad(r.matter.id, 16)}${r.check.en}`);
    out.push('公布的结果（逐项）：');
    for (const [i, r] of rows.entries()) out.push(`  ${i + 1}  ${pad(r.matter.id, 16)}${r.check['zh-CN']}`);
  } else {
    out.push('Outcome of the vote: not recounted — the files did not get that far');
    out.push('表决结果：未能重新计票');
  }
  out.push('='.repeat(72));
  if (report.ok || !d) {
    out.push('VERIFIED: the published result is reproduced — every chain verifies and result.json matches the recount of every matter exactly.');
    out.push('核验通过：公布的结果已由重新计票逐项完全复现，哈希链完整。');
    return { stdout: `${out.join('\n')}\n`, stderr, exitCode };
  }
  out.push(`NOT VERIFIED: ${discrepancy ?? ''} [${d.code}]`);
  out.push(`核验未通过：${d.line === null ? d.file : `${d.file} 第 ${d.line} 行`}：${ASSEMBLY_DISCREPANCY_CODES[d.code]['zh-CN']}（${d.code}）`);
  out.push('This is about the files, not about the outcome of the vote. 这是对文件的核验结论，不是表决结果。');
  return { stdout: `${out.join('\n')}\n`, stderr, exitCode };
}
