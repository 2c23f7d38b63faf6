/**
 * What the recount CLI prints: the vote, the chains (with the head to compare with the published
 * one), the ballots that did not count, every condition with its exact fraction, the explanation in
 * zh-CN and en, and the verdict; then OK, or the first discrepancy. Pure: returns text and the code.
 */
import type { Condition, RecountReport, Threshold } from '@yishi/domain';
import { describeDiscrepancy, formatArea, formatCount, REJECTION_TEXTS, RULE_SETS, summarizeTally } from '@yishi/domain';

export const EXIT_OK = 0;
export const EXIT_DISCREPANCY = 1;
export const EXIT_USAGE = 2;

export interface Printed {
  stdout: string;
  stderr: string;
  exitCode: number;
}

function thresholdText(t: Threshold): string {
  const sign = t.comparison === 'at-least' ? '≥' : t.comparison === 'more-than' ? '>' : '≤';
  return `${sign} ${t.numerator}/${t.denominator}`;
}

function amount(c: Condition, value: number): string {
  return c.measure === 'area' ? `${formatArea(value)} m²` : formatCount(value);
}

function pad(text: string, width: number): string {
  return text.length >= width ? `${text} ` : text + ' '.repeat(width - text.length);
}

export function formatReport(report: RecountReport, options: { json: boolean }): Printed {
  const discrepancy = report.discrepancy ? describeDiscrepancy(report.discrepancy) : null;
  if (options.json) {
    const count = report.count;
    const body = {
      ok: report.ok,
      discrepancy: report.discrepancy,
      voteId: report.vote?.voteId ?? null,
      chains: report.chains,
      lines: count?.lines ?? null,
      rejected: count?.rejected ?? null,
      ignoredCheckIns: count?.ignoredCheckIns ?? null,
      tally: count ? summarizeTally(count.tally) : null,
      explanation: count?.tally.explanation ?? null,
    };
    return { stdout: `${JSON.stringify(body, null, 2)}\n`, stderr: discrepancy ? `DISCREPANCY: ${discrepancy}\n` : '', exitCode: report.ok ? EXIT_OK : EXIT_DISCREPANCY };
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
    for (const c of t.conditions) {
      const fraction = `${amount(c, c.numerator)} / ${amount(c, c.denominator)}`;
      const percent = c.percent === null ? '—' : `${c.percent}%`;
      out.push(`  ${c.met ? 'met    ' : 'NOT MET'}  ${pad(c.id, 22)}${pad(c.role, 9)}${pad(fraction, 34)}= ${pad(percent, 8)}${thresholdText(c.threshold)}${c.source !== t.ruleSet ? ` (${c.source})` : ''}${c.anyOf ? ' (either suffices)' : ''}`);
    }
    const f = t.figures;
    const area = (v: number | null) => (v === null ? '' : `, ${formatArea(v)} m²`);
    out.push(`  electorate ${formatCount(f.electorate.persons)}${area(f.electorate.area)}${f.electorate.households === null ? '' : `, ${formatCount(f.electorate.households)} households`}`);
    out.push(`  taking part ${formatCount(f.participating.persons)}${area(f.participating.area)}${f.participating.households === null ? '' : `, ${formatCount(f.participating.households)} households represented`}`);
    out.push(`  approve ${formatCount(f.approve.persons)}${area(f.approve.area)} · oppose ${formatCount(f.oppose.persons)}${area(f.oppose.area)} · abstain ${formatCount(f.abstain.persons)}${area(f.abstain.area)} · no choice ${formatCount(f.withoutChoice.persons)}${f.spoilt > 0 ? ` · spoilt ${f.spoilt}` : ''}`);
    if (f.options) out.push(`  options ${f.options.map((o) => `${o.option}: ${o.persons}`).join(' · ')}`);
    out.push('');
    out.push('说明（zh-CN）');
    for (const sentence of t.explanation['zh-CN']) out.push(`  ${sentence}`);
    out.push('Explanation (en)');
    for (const sentence of t.explanation.en) out.push(`  ${sentence}`);
    out.push('');
    out.push(`RESULT: ${t.refusal ? 'REFUSED — 不得表决' : !t.valid ? 'VOID — 表决无效' : t.passed ? 'PASSED — 表决通过' : 'NOT PASSED — 表决未通过'}`);
  }
  if (report.ok) {
    out.push('OK: the recount matches result.json, and every chain verifies.');
    return { stdout: `${out.join('\n')}\n`, stderr: '', exitCode: EXIT_OK };
  }
  return { stdout: `${out.join('\n')}\n`, stderr: `DISCREPANCY: ${discrepancy ?? 'unknown'}\n`, exitCode: EXIT_DISCREPANCY };
}
