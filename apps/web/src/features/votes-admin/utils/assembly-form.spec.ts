import { describe, expect, it } from '@jest/globals';
import type { AssemblyDraft, MatterDraft } from './assembly-form';
import { assemblyPlaceOfPath, assemblySecretAllowed, assemblyShortening, assemblyWindow, checkAssembly, emptyAssembly, mergeErrors, moveMatter, newMatter, rejectedErrors, toCreateAssemblyRequest, withMatterKind } from './assembly-form';

// 2026-11-26 10:00 in Beijing.
const NOW = new Date('2026-11-26T02:00:00Z');

const statute = (): MatterDraft => ({ ...newMatter('motion', 'compound', 1), title: '管理规约', question: '是否同意修订稿？', matterKind: 'management-statute', ruleSet: 'cc278-ordinary' });
const fund = (): MatterDraft => ({ ...newMatter('motion', 'compound', 2), title: '续筹维修资金', question: '是否同意续筹？', matterKind: 'repair-fund-raising', ruleSet: 'cc278-major' });
const committee = (): MatterDraft => ({
  ...newMatter('election', 'compound', 3),
  title: '业委会选举',
  question: '选举第二届业主委员会委员',
  seats: '2',
  candidates: [
    { name: '陈志强', statement: '退休工程师', consent: true },
    { name: '黄美玲', statement: '会计', consent: true },
  ],
});

const ballot = (matters: MatterDraft[], change: Partial<AssemblyDraft> = {}): AssemblyDraft => {
  const base = { ...emptyAssembly(NOW), title: '第二次业主大会', question: '请逐项表决', matters };
  return { ...base, ...assemblyWindow(base, NOW), ...change };
};

describe('announcing an assembly ballot', () => {
  it('starts an election of the owners’ committee with its matter and the only rules that may decide it', () => {
    const election = newMatter('election', 'compound', 1);
    expect(election.matterKind).toBe('owners-committee');
    expect(election.seats).toBe('5');
    expect(election.candidates).toHaveLength(1);
  });

  it('keeps a matter’s rule while it may still decide the matter, and drops it when it may not', () => {
    const m = statute();
    expect(withMatterKind(m, 'management-statute', 'compound').ruleSet).toBe('cc278-ordinary');
    // An item-6 repair-fund raising needs three quarters: the ordinary rule cannot decide it.
    expect(withMatterKind(m, 'repair-fund-raising', 'compound').ruleSet).not.toBe('cc278-ordinary');
  });

  it('opens after the longest notice of the matters’ rules', () => {
    const window = assemblyWindow({ matters: [statute(), fund()] }, NOW);
    expect(window.opensAt >= '2026-12-11T10:00').toBe(true);
    expect(assemblyShortening({ ...window, matters: [statute(), fund()] }, NOW)).toEqual({ notice: false, window: false });
    expect(assemblyShortening({ opensAt: '2026-11-26T11:00', closesAt: '2026-11-26T13:00', matters: [statute()] }, NOW)?.notice).toBe(true);
  });

  it('finds nothing wrong in a complete ballot and sends every matter with its own rule', () => {
    const draft = ballot([statute(), fund(), committee()]);
    const errors = checkAssembly(draft, 'compound', NOW);
    expect(errors.fields).toEqual({});
    expect(errors.matters.every((m) => Object.keys(m.fields).length === 0 && m.candidates.every((c) => Object.keys(c).length === 0))).toBe(true);
    const request = toCreateAssemblyRequest(draft, NOW);
    expect(request.matters.map((m) => [m.title, m.ruleSet, m.matterKinds, m.seats])).toEqual([
      ['管理规约', 'cc278-ordinary', ['management-statute'], undefined],
      ['续筹维修资金', 'cc278-major', ['repair-fund-raising'], undefined],
      ['业委会选举', 'cc278-ordinary', ['owners-committee'], 2],
    ]);
    expect(request.matters[2]!.candidates).toEqual([
      { name: '陈志强', statement: '退休工程师', consent: true },
      { name: '黄美玲', statement: '会计', consent: true },
    ]);
    expect(request.secrecy).toBe('named');
    expect(request.shorteningReason).toBeUndefined();
  });

  it('says what is missing, matter by matter and candidate by candidate', () => {
    const unconsented = { ...committee(), seats: '0', candidates: [{ name: '某某', statement: '', consent: false }] };
    const errors = checkAssembly(ballot([{ ...fund(), ruleSet: 'cc278-ordinary' }, unconsented]), 'compound', NOW);
    expect(errors.matters[0]!.fields).toEqual({ ruleSet: 'ruleSetMayNotDecide' });
    expect(errors.matters[1]!.fields).toEqual({ seats: 'seatsInvalid' });
    expect(errors.matters[1]!.candidates).toEqual([{ statement: 'statementRequired', consent: 'consentRequired' }]);
    expect(checkAssembly(ballot([]), 'compound', NOW).fields).toEqual({ matters: 'mattersTooFew' });
  });

  it('keeps one assembly to one paper, and sends an lml-63 matter with the body the convenor chose', () => {
    const charter = (): MatterDraft => ({ ...newMatter('motion', 'cooperative', 4), title: '章程', question: '是否同意修改章程？', matterKind: 'charter', ruleSet: 'rceo-27' });
    const lease = (body: 'members' | 'representatives'): MatterDraft => ({
      ...newMatter('motion', 'cooperative', 5),
      title: '出租',
      question: '是否同意出租 3 号地块？',
      matterKind: 'commercial-construction-land',
      ruleSet: 'lml-63',
      lml63Body: body,
    });
    // The member assembly consents to the lease beside the charter: one assembly.
    const members = ballot([charter(), lease('members')], { secrecy: 'secret' });
    expect(checkAssembly(members, 'cooperative', NOW).matters.map((m) => m.fields)).toEqual([{}, {}]);
    const request = toCreateAssemblyRequest(members, NOW);
    expect(request.matters[1]!.lml63).toEqual({ body: 'members', rceoApplies: true });
    expect(request.matters[0]!.lml63).toBeUndefined();
    expect(request.secrecy).toBe('secret');
    expect(request.allowChange).toBe(false);
    // The representatives consent: another assembly, refused on that matter.
    expect(checkAssembly(ballot([charter(), lease('representatives')]), 'cooperative', NOW).matters[1]!.fields).toEqual({ ruleSet: 'otherAssembly' });
  });

  it('lets a cooperative’s ballot be secret and keeps an owners’ ballot named', () => {
    expect(assemblySecretAllowed({ matters: [] })).toBeNull();
    expect(assemblySecretAllowed({ matters: [statute()] })).toBe(false);
    expect(checkAssembly(ballot([statute()], { secrecy: 'secret' }), 'compound', NOW).fields).toEqual({ secrecy: 'secretNotAllowed' });
  });

  it('moves matters up and down, and not past either end', () => {
    expect(moveMatter(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveMatter(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveMatter(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
  });

  it('puts the server’s refusals on the right matter and candidate', () => {
    expect(assemblyPlaceOfPath('matters.1.matterKinds')).toEqual({ where: 'matter', index: 1, field: 'matterKind' });
    expect(assemblyPlaceOfPath('matters.0.candidates.2.consent')).toEqual({ where: 'candidate', index: 0, candidate: 2, field: 'consent' });
    expect(assemblyPlaceOfPath('closesAt')).toEqual({ where: 'vote', field: 'closesAt' });
    const rejected = rejectedErrors(['matters.1.matterKinds', 'title'], 2);
    expect(rejected.fields).toEqual({ title: 'rejected' });
    expect(rejected.matters[1]!.fields).toEqual({ matterKind: 'rejected' });
    expect(rejected.matters[0]!.fields).toEqual({});
    // The form's own finding wins over the server's on the same field.
    expect(mergeErrors({ fields: { title: 'titleRequired' }, matters: [{ fields: {}, candidates: [] }, { fields: {}, candidates: [] }] }, rejected).fields).toEqual({ title: 'titleRequired' });
  });
});
