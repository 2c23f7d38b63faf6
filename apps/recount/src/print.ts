/**
 * What the recount CLI prints: the vote, the chains (with the head to compare with the published
 * one), the ballots that did not count, every condition with its exact fraction, the explanation in
 * zh-CN and en; then, apart, the OUTCOME of the vote (did the motion pass?) and, last, the
 * VERIFICATION verdict (does the kit reproduce the published result?), so that nobody reads
 * "not passed" as "the recount failed" or the reverse. Pure: returns text and the exit code.
 */
import type { Condition, Discrepancy, Figures, Outcome, RecountReport, Threshold, VoteFile } from '@yishi/domain';
import { describeDiscrepancy, DISCREPANCY_CODES, formatArea, formatCount, outcomeOf, REJECTION_TEXTS, RULE_SETS, summarizeTally } from '@yishi/domain';

export const EXIT_OK = 0;
export const EXIT_DISCREPANCY = 1;
export const EXIT_USAGE = 2;

export interface Printed {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export function thresholdText(t: Threshold): string {
  const sign = t.comparison === 'at-least' ? '≥' : t.comparison === 'more-than' ? '>' : '≤';
  return `${sign} ${t.numerator}/${t.denominator}`;
}

export function amount(c: Pick<Condition, 'measure'>, value: number): string {
  return c.measure === 'area' ? `${formatArea(value)} m²` : formatCount(value);
}

export function pad(text: string, width: number): string {
  return text.length >= width ? `${text} ` : text + ' '.repeat(width - text.length);
}

/** The version of the --json report's shape (docs/recount-format.md §8.4). */
export const REPORT_VERSION = 1;

/** The outcome of the vote in English and Chinese, without a prefix. */
export function outcomeText(outcome: Outcome, vote: VoteFile | null, ruleSet: string): { en: string; 'zh-CN': string } {
  switch (outcome.status) {
    case 'passed': {
      const option = outcome.winningOption === null ? null : vote?.question.kind === 'options' ? vote.question.options.find((o) => o.id === outcome.winningOption) : undefined;
      if (outcome.winningOption !== null) {
        return {
          en: `passed — option ${outcome.winningOption}${option ? ` (${option.label.en})` : ''}`,
          'zh-CN': `通过（选项 ${outcome.winningOption}${option ? `：${option.label['zh-CN']}` : ''}）`,
        };
      }
      return { en: `passed — every condition of ${ruleSet} is met`, 'zh-CN': `通过（${ruleSet} 的各项条件均已满足）` };
    }
    case 'not-passed':
      return { en: `not passed — not met: ${outcome.unmet.join(', ')}`, 'zh-CN': `未通过（未满足：${outcome.unmet.join('、')}）` };
    case 'void':
      return { en: `void — not met: ${outcome.unmet.join(', ')}`, 'zh-CN': `表决无效（未满足：${outcome.unmet.join('、')}）` };
    case 'refused':
      return { en: `refused — this body may not decide: ${outcome.refusedMatters.join(', ')}`, 'zh-CN': `不得表决（本表决主体无权决定：${outcome.refusedMatters.join('、')}）` };
  }
}

function where(d: Discrepancy): string {
  return d.line === null ? d.file : `${d.file} 第 ${d.line} 行`;
}

/** One condition with its exact fraction, its percentage and its threshold (the recount's table). */
export function conditionLine(c: Omit<Condition, 'explanation'>, ruleSet: string): string {
  const fraction = `${amount(c, c.numerator)} / ${amount(c, c.denominator)}`;
  const percent = c.percent === null ? '—' : `${c.percent}%`;
  return `  ${c.met ? 'met    ' : 'NOT MET'}  ${pad(c.id, 22)}${pad(c.role, 9)}${pad(fraction, 34)}= ${pad(percent, 8)}${thresholdText(c.threshold)}${c.source !== ruleSet ? ` (${c.source})` : ''}${c.anyOf ? ' (either suffices)' : ''}`;
}

/** The figures of a tally: the electorate, who took part, and the choices. */
export function figureLines(f: Figures): string[] {
  const area = (v: number | null) => (v === null ? '' : `, ${formatArea(v)} m²`);
  const out = [
    `  electorate ${formatCount(f.electorate.persons)}${area(f.electorate.area)}${f.electorate.households === null ? '' : `, ${formatCount(f.electorate.households)} households`}`,
    `  taking part ${formatCount(f.participating.persons)}${area(f.participating.area)}${f.participating.households === null ? '' : `, ${formatCount(f.participating.households)} households represented`}`,
    `  approve ${formatCount(f.approve.persons)}${area(f.approve.area)} · oppose ${formatCount(f.oppose.persons)}${area(f.oppose.area)} · abstain ${formatCount(f.abstain.persons)}${area(f.abstain.area)} · no choice ${formatCount(f.withoutChoice.persons)}${f.spoilt > 0 ? ` · spoilt ${f.spoilt}` : ''}`,
  ];
  if (f.options) out.push(`  options ${f.options.map((o) => `${o.option}: ${o.persons}`).join(' · ')}`);
  return out;
}

export function formatReport(report: RecountReport, options: { json: boolean }): Printed {
  const discrepancy = report.discrepancy ? describeDiscrepancy(report.discrepancy) : null;
  const outcome = report.count ? outcomeOf(report.count.tally) : null;
  const stderr = discrepancy ? `DISCREPANCY: ${discrepancy}\n` : '';
  const exitCode = report.ok ? EXIT_OK : EXIT_DISCREPANCY;
  if (options.json) {
    const count = report.count;
    const d = report.discrepancy;
    const body = {
      reportVersion: REPORT_VERSION,
      verified: report.ok,
      verdict: report.ok ? 'VERIFIED' : 'NOT VERIFIED',
      discrepancy: d ? { code: d.code, file: d.file, line: d.line, path: d.path, message: d.message } : null,
      voteId: report.vote?.voteId ?? null,
      chains: report.chains,
      outcome,
      lines: count?.lines ?? null,
      rejected: count?.rejected ?? null,
      ignoredCheckIns: count?.ignoredCheckIns ?? null,
      tally: count ? summarizeTally(count.tally) : null,
      explanation: count?.tally.explanation ?? null,
    };
    return { stdout: `${JSON.stringify(body, null, 2)}\n`, stderr, exitCode };
  }

  const out: string[] = [];
  const vote = report.vote;
  out.push('Yishi recount (format yishi-recount/1)');
  if (vote) {
    const rule = RULE_SETS[vote.ruleSet];
    out.push(`Vote      ${vote.voteId}`);
    out.push(`          ${vote.title['zh-CN']}`);
    out.push(`          ${vote.title.en}`);
    out.push(`Rule      ${vote.ruleSet}: ${rule.body['zh-CN']} / ${rule.body.en}`);
    out.push(`          ${rule.statute['zh-CN']} / ${rule.statute.en}`);
    if (vote.lml63) out.push(`          lml-63 body: ${vote.lml63.body}; RCEO Law applies: ${vote.lml63.rceoApplies ? 'yes' : 'no'}`);
    out.push(`Question  ${vote.question.text['zh-CN']}`);
    out.push(`          ${vote.question.text.en}`);
    if (vote.question.kind === 'options') {
      for (const option of vote.question.options) out.push(`          option ${option.id}: ${option.label['zh-CN']} / ${option.label.en}`);
    }
    out.push(`Voting    ${vote.opensAt} – ${vote.closesAt} (UTC), ${vote.secrecy} ballot`);
  }
  const files: Record<string, string> = { ballots: 'ballots.jsonl', roll: 'roll.jsonl', box: 'box.jsonl' };
  for (const [name, chain] of Object.entries(report.chains)) {
    out.push(`Chain     ${files[name] ?? name}: ${formatCount(chain.lines)} lines, head ${chain.head}`);
  }
  if (Object.keys(report.chains).length > 0) out.push('          Compare each head with the one published with the result: a forger who rewrote the whole chain cannot keep it.');

  const count = report.count;
  if (count) {
    const t = count.tally;
    const l = count.lines;
    out.push(
      vote?.secrecy === 'secret'
        ? `Lines     ${formatCount(l.marks)} roll marks, ${formatCount(l.checkIns)} check-ins; ${formatCount(l.boxBallots)} ballots in the box`
        : `Lines     ${formatCount(l.casts)} casts (${formatCount(l.superseded)} superseded: each voter's last cast counts), ${formatCount(l.checkIns)} check-ins`,
    );
    if (count.rejected.length > 0 || count.ignoredCheckIns.length > 0) {
      out.push('Not counted');
      for (const r of count.rejected) {
        out.push(`          line ${pad(String(r.line), 5)}${pad(r.voter, 12)}${r.reason}: ${REJECTION_TEXTS[r.reason]['zh-CN']} / ${REJECTION_TEXTS[r.reason].en}`);
      }
      for (const r of count.ignoredCheckIns) {
        out.push(`          line ${pad(String(r.line), 5)}${pad(r.voter, 12)}check-in ignored, ${r.reason}: ${REJECTION_TEXTS[r.reason].en}`);
      }
    }
    out.push('');
    out.push(report.ok ? 'Result recomputed from the files' : 'Result recomputed from the files (before the discrepancy below)');
    if (t.refusal) {
      for (const m of t.refusal.matters) out.push(`  refused   ${m.matter}: ${m.reason.en}`);
    }
    for (const c of t.conditions) out.push(conditionLine(c, t.ruleSet));
    out.push(...figureLines(t.figures));
    out.push('');
    out.push('说明（zh-CN）');
    for (const sentence of t.explanation['zh-CN']) out.push(`  ${sentence}`);
    out.push('Explanation (en)');
    for (const sentence of t.explanation.en) out.push(`  ${sentence}`);
  }

  // The outcome of the vote, then — apart, last — whether the published result is verified.
  out.push('');
  if (outcome && report.count) {
    const text = outcomeText(outcome, vote, report.count.tally.ruleSet);
    if (report.ok) {
      out.push(`Outcome of the vote: ${text.en}`);
      out.push(`表决结果：${text['zh-CN']}`);
    } else {
      out.push(`Outcome of the vote as recounted from these files (the published result is NOT verified): ${text.en}`);
      out.push(`表决结果（依据本文件夹重新计票；公布的结果未通过核验）：${text['zh-CN']}`);
    }
  } else {
    out.push('Outcome of the vote: not recounted — the files did not get that far');
    out.push('表决结果：未能重新计票');
  }
  out.push('');
  out.push('='.repeat(72));
  const d = report.discrepancy;
  if (report.ok || !d) {
    out.push('VERIFIED: the published result is reproduced — every chain verifies and result.json matches the recount exactly.');
    out.push('核验通过：公布的结果已由重新计票完全复现，哈希链完整。');
    return { stdout: `${out.join('\n')}\n`, stderr, exitCode };
  }
  out.push(`NOT VERIFIED: ${discrepancy ?? ''} [${d.code}]`);
  out.push(`核验未通过：${where(d)}：${DISCREPANCY_CODES[d.code]['zh-CN']}（${d.code}）`);
  out.push('This is about the files, not about the outcome of the vote. 这是对文件的核验结论，不是表决结果。');
  return { stdout: `${out.join('\n')}\n`, stderr, exitCode };
}
