import { DomainError } from '../../common/domain-error';
import type { MatterInput } from './assembly-matters';
import { announcedMatters, readMarks, sameMarks } from './assembly-matters';

const statute: MatterInput = { title: '管理规约', question: '是否同意管理规约？', ruleSet: 'cc278-ordinary', matterKinds: ['management-statute'] };
const fund: MatterInput = { title: '续筹维修资金', question: '是否同意续筹？', ruleSet: 'cc278-major', matterKinds: ['repair-fund-raising'] };
const committee: MatterInput = {
  title: '业委会选举',
  question: '选举业委会委员',
  ruleSet: 'cc278-ordinary',
  matterKinds: ['owners-committee'],
  seats: 2,
  candidates: ['甲', '乙', '丙'].map((name) => ({ name, statement: `${name}的简介`, consent: true })),
};

function refusal(fn: () => unknown): { field: string; reasons: string[] } | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return (error.details as { fields: { field: string; reasons: string[] }[] }).fields[0];
    throw error;
  }
  return undefined;
}

describe('an assembly’s matters as announced', () => {
  it('numbers the matters and candidates in the order of the paper and runs the ballot on the strictest clock', () => {
    const { matters, clockRuleSet } = announcedMatters([statute, fund, committee], 'compound', 'named');
    expect(matters.map((m) => [m.id, m.kind])).toEqual([
      ['m1', 'motion'],
      ['m2', 'motion'],
      ['m3', 'election'],
    ]);
    expect(matters[2]!.candidates!.map((c) => c.id)).toEqual(['c1', 'c2', 'c3']);
    expect(['cc278-ordinary', 'cc278-major']).toContain(clockRuleSet);
  });

  it('refuses a repair-fund raising under the ordinary rule, naming the matter', () => {
    expect(refusal(() => announcedMatters([statute, { ...fund, ruleSet: 'cc278-ordinary' }], 'compound', 'named'))).toMatchObject({ field: 'matters.1.matterKinds', reasons: ['mayNotDecide'] });
  });

  it('refuses an owners’ rule in a cooperative, a secret owners’ ballot, and a candidate without consent', () => {
    expect(refusal(() => announcedMatters([statute], 'cooperative', 'named'))).toMatchObject({ field: 'matters.0.ruleSet' });
    expect(refusal(() => announcedMatters([statute], 'compound', 'secret'))).toMatchObject({ field: 'secrecy' });
    expect(refusal(() => announcedMatters([{ ...committee, candidates: [{ name: '甲', statement: '简介', consent: false }] }], 'compound', 'named'))).toMatchObject({ field: 'matters.0.candidates.0.consent' });
    expect(refusal(() => announcedMatters([{ ...committee, candidates: [{ name: '甲', statement: 'a', consent: true }, { name: ' 甲 ', statement: 'b', consent: true }] }], 'compound', 'named'))).toMatchObject({ reasons: ['unique'] });
  });
  it('keeps one assembly to one paper: the member assembly and the member representatives are not asked together', () => {
    const charter: MatterInput = { title: '章程', question: '是否同意修改章程？', ruleSet: 'rceo-27', matterKinds: ['charter'] };
    const lease: MatterInput = { title: '出租', question: '是否同意出租？', ruleSet: 'lml-63', matterKinds: ['commercial-construction-land'] };
    expect(() => announcedMatters([charter, { ...lease, lml63: { body: 'members', rceoApplies: true } }], 'cooperative', 'secret')).not.toThrow();
    expect(refusal(() => announcedMatters([charter, { ...lease, lml63: { body: 'representatives', rceoApplies: true } }], 'cooperative', 'secret'))).toMatchObject({ field: 'matters.1.ruleSet' });
    expect(refusal(() => announcedMatters([statute, charter], 'compound', 'named'))).toMatchObject({ field: 'matters.1.ruleSet' });
  });
});

describe('reading a ballot’s marks', () => {
  const { matters } = announcedMatters([statute, fund, committee], 'compound', 'named');

  it('leaves a matter not given blank, and orders the chosen candidates as on the paper', () => {
    expect(readMarks(matters, [{ matter: 'm1', choice: 'approve' }, { matter: 'm3', chosen: ['c3', 'c1'] }], 'online')).toEqual({ m1: 'approve', m2: 'blank', m3: { chosen: ['c1', 'c3'] } });
  });

  it('refuses online what would not count: more names than seats, an unknown name, a name twice, spoilt, a matter twice or unknown', () => {
    expect(refusal(() => readMarks(matters, [{ matter: 'm3', chosen: ['c1', 'c2', 'c3'] }], 'online'))).toMatchObject({ field: 'marks.0.chosen', reasons: ['arrayMaxSize'] });
    expect(refusal(() => readMarks(matters, [{ matter: 'm3', chosen: ['c9'] }], 'online'))).toMatchObject({ field: 'marks.0.chosen', reasons: ['isIn'] });
    expect(refusal(() => readMarks(matters, [{ matter: 'm3', chosen: ['c1', 'c1'] }], 'online'))).toMatchObject({ reasons: ['unique'] });
    expect(refusal(() => readMarks(matters, [{ matter: 'm1', choice: 'spoilt' }], 'online'))).toMatchObject({ field: 'marks.0.choice' });
    expect(refusal(() => readMarks(matters, [{ matter: 'm1', choice: 'approve' }, { matter: 'm1', choice: 'oppose' }], 'online'))).toMatchObject({ field: 'marks.1.matter', reasons: ['unique'] });
    expect(refusal(() => readMarks(matters, [{ matter: 'm7', choice: 'approve' }], 'online'))).toMatchObject({ field: 'marks.0.matter' });
    expect(refusal(() => readMarks(matters, [{ matter: 'm3', choice: 'approve' }], 'online'))).toMatchObject({ field: 'marks.0.chosen' });
    expect(refusal(() => readMarks(matters, [{ matter: 'm1', chosen: ['c1'] }], 'online'))).toMatchObject({ field: 'marks.0.choice' });
  });

  it('enters on paper what the paper shows: too many names is spoilt on that matter only', () => {
    expect(readMarks(matters, [{ matter: 'm2', choice: 'approve' }, { matter: 'm3', chosen: ['c1', 'c2', 'c3'] }], 'paper')).toEqual({ m1: 'blank', m2: 'approve', m3: 'spoilt' });
    expect(readMarks(matters, [{ matter: 'm1', choice: 'spoilt' }], 'paper')).toEqual({ m1: 'spoilt', m2: 'blank', m3: 'blank' });
  });

  it('compares two readings mark by mark', () => {
    const a = readMarks(matters, [{ matter: 'm3', chosen: ['c2', 'c1'] }], 'paper');
    expect(sameMarks(a, readMarks(matters, [{ matter: 'm3', chosen: ['c1', 'c2'] }], 'paper'))).toBe(true);
    expect(sameMarks(a, readMarks(matters, [{ matter: 'm3', chosen: ['c1'] }], 'paper'))).toBe(false);
    expect(sameMarks(a, readMarks(matters, [{ matter: 'm1', choice: 'abstain' }, { matter: 'm3', chosen: ['c1', 'c2'] }], 'paper'))).toBe(false);
  });
});
