import { describe, expect, it } from '@jest/globals';
import { consoleResources } from '../../../i18n/console-resources';
import type { VoteDraft } from './vote-form';
import { noticeEndsAt as noticeEnds } from '@yishi/domain';
import { checkVote, defaultWindow, emptyVote, mattersOfUnit, opensBeforeNotice, ruleSetsFor, ruleSetsForUnit, shortening, toCreateVoteRequest, voteFieldOfPath } from './vote-form';

// 2026-11-26 10:00 in Beijing.
const NOW = new Date('2026-11-26T02:00:00Z');

const draft = (change: Partial<VoteDraft> = {}): VoteDraft => ({
  ...emptyVote('cc278-ordinary', NOW),
  matters: ['owners-other'],
  title: ' 更换门禁系统 ',
  question: '是否同意更换小区门禁系统？',
  ...change,
});

describe('the legal notice', () => {
  it('runs 10 days for a member assembly, 15 for owners, and not at all for a simple majority', () => {
    expect(noticeEnds('rceo-27', NOW).toISOString()).toBe('2026-12-06T02:00:00.000Z');
    expect(noticeEnds('cc278-major', NOW).toISOString()).toBe('2026-12-11T02:00:00.000Z');
    expect(noticeEnds('simple-majority', NOW).toISOString()).toBe(NOW.toISOString());
  });

  it('sets the default opening on the first quarter hour after the notice, and a week of voting', () => {
    expect(defaultWindow('cc278-ordinary', NOW)).toEqual({ opensAt: '2026-12-11T10:15', closesAt: '2026-12-18T10:15' });
    expect(defaultWindow('simple-majority', NOW)).toEqual({ opensAt: '2026-11-26T10:15', closesAt: '2026-12-03T10:15' });
  });

  it('asks for a reason of substance to open before the notice has run, and none from the first moment after', () => {
    expect(opensBeforeNotice(draft({ opensAt: '2026-12-11T09:59' }), 'cc278-ordinary', NOW)).toBe(true);
    expect(checkVote(draft({ opensAt: '2026-12-11T09:59', closesAt: '2026-12-18T10:00' }), 'compound', NOW)).toEqual({ shorteningReason: 'shorteningReasonRequired' });
    expect(checkVote(draft({ opensAt: '2026-12-11T10:00', closesAt: '2026-12-18T10:00' }), 'compound', NOW)).toEqual({});
    expect(checkVote(draft({ ruleSet: 'simple-majority', matters: ['other'], opensAt: '2026-11-26T10:00', closesAt: '2026-11-26T10:05' }), 'compound', NOW)).toEqual({});
  });

  it('refuses “ok” and filler as the reason, and sends a real one with the request (the issue’s attack)', () => {
    const early = draft({ ruleSet: 'cc278-major', matters: ['repair-fund-raising'], opensAt: '2026-11-26T10:00', closesAt: '2026-12-03T10:00' });
    expect(shortening(early, 'cc278-major', NOW)).toEqual({ notice: true, window: false });
    expect(checkVote({ ...early, shorteningReason: 'ok' }, 'compound', NOW).shorteningReason).toBe('shorteningReasonTooShort');
    expect(checkVote({ ...early, shorteningReason: '测试测试测试测试测试测试测试测试' }, 'compound', NOW).shorteningReason).toBe('shorteningReasonFiller');
    const reason = '二号楼屋面渗漏，须在台风季前抢修，业委会决议提前表决';
    expect(checkVote({ ...early, shorteningReason: reason }, 'compound', NOW)).toEqual({});
    expect(toCreateVoteRequest({ ...early, shorteningReason: ` ${reason} ` }, null, NOW)).toMatchObject({ opensAt: '2026-11-26T02:00:00.000Z', shorteningReason: reason });
    // Closing a minute after it opens shortens the window too: the same reason is asked, and a supervisor decides.
    expect(shortening({ ...early, closesAt: '2026-11-26T10:01' }, 'cc278-major', NOW)).toEqual({ notice: true, window: true });
    expect(checkVote({ ...early, closesAt: '2026-11-26T10:01', shorteningReason: 'ok' }, 'compound', NOW).shorteningReason).toBe('shorteningReasonTooShort');
  });

  it('asks for a reason when the window is shorter than the rule set’s, even after the notice', () => {
    const short = draft({ opensAt: '2026-12-12T10:00', closesAt: '2026-12-14T10:00' });
    expect(shortening(short, 'cc278-ordinary', NOW)).toEqual({ notice: false, window: true });
    expect(checkVote(short, 'compound', NOW).shorteningReason).toBe('shorteningReasonRequired');
    // Without anything shortened, no reason is sent.
    expect(toCreateVoteRequest(draft({ shorteningReason: '无关的文字也不会发送给服务器' }), null, NOW)).not.toHaveProperty('shorteningReason');
  });
});

describe('what the vote decides, and the rules offered for it', () => {
  it('lists the owners’ nine matters and a poll for a compound, the members’ and villagers’ for a cooperative', () => {
    const compound = mattersOfUnit('compound');
    expect(compound.slice(0, 9)).toEqual(['procedure-rules', 'management-statute', 'owners-committee', 'property-service', 'repair-fund-use', 'repair-fund-raising', 'rebuilding', 'common-parts-use', 'owners-other']);
    expect(compound).toContain('other');
    expect(mattersOfUnit('cooperative')).toEqual(expect.arrayContaining(['charter', 'plans-and-distribution', 'village-income-use', 'other']));
    expect(mattersOfUnit('cooperative')).not.toContain('repair-fund-raising');
  });

  it('offers only the three-quarter rule for raising repair funds, and only the ordinary rule for using them', () => {
    expect(ruleSetsFor('compound', ['repair-fund-raising'])).toEqual(['cc278-major']);
    expect(ruleSetsFor('compound', ['repair-fund-use'])).toEqual(['cc278-ordinary']);
    expect(ruleSetsFor('compound', ['other'])).toEqual(['simple-majority']);
    expect(ruleSetsFor('compound', [])).toEqual([]);
  });

  it('offers nothing for matters that need different rules, and says so', () => {
    expect(ruleSetsFor('compound', ['repair-fund-use', 'repair-fund-raising'])).toEqual([]);
    expect(checkVote(draft({ matters: ['repair-fund-use', 'repair-fund-raising'] }), 'compound', NOW).matters).toBe('mattersApart');
    expect(checkVote(draft({ matters: [] }), 'compound', NOW).matters).toBe('mattersRequired');
  });

  it('refuses a rule set that may not decide the matters chosen', () => {
    expect(checkVote(draft({ matters: ['repair-fund-raising'] }), 'compound', NOW).ruleSet).toBe('ruleSetMayNotDecide');
    expect(checkVote(draft({ ruleSet: 'cc278-major', matters: ['repair-fund-use'] }), 'compound', NOW).ruleSet).toBe('ruleSetMayNotDecide');
  });

  it('offers a cooperative’s representatives only what art. 28 lets them decide', () => {
    expect(ruleSetsFor('cooperative', ['plans-and-distribution'])).toEqual(['rceo-27', 'rceo-28']);
    expect(ruleSetsFor('cooperative', ['charter'])).toEqual(['rceo-27']);
    expect(ruleSetsFor('cooperative', ['commercial-construction-land'])).toEqual(['lml-63']);
  });
});

describe('checkVote', () => {
  it('accepts the defaults with a title and a question', () => {
    expect(checkVote(draft(), 'compound', NOW)).toEqual({});
  });

  it('asks for a title, a question and a rule set', () => {
    expect(checkVote(emptyVote('', NOW), 'compound', NOW)).toEqual({ title: 'titleRequired', question: 'questionRequired', matters: 'mattersRequired', ruleSet: 'ruleSetRequired' });
    expect(checkVote(draft({ title: '字'.repeat(301) }), 'compound', NOW).title).toBe('titleTooLong');
    expect(checkVote(draft({ question: '字'.repeat(1001) }), 'compound', NOW).question).toBe('questionTooLong');
  });

  it('offers the owners’ rules to a compound and the members’ rules to a cooperative', () => {
    expect(ruleSetsForUnit('compound')).toEqual(['cc278-ordinary', 'cc278-major', 'simple-majority']);
    expect(ruleSetsForUnit('cooperative')).not.toContain('cc278-major');
    expect(ruleSetsForUnit('cooperative')).toContain('rceo-27');
    expect(checkVote(draft({ ruleSet: 'rceo-27' }), 'compound', NOW).ruleSet).toBe('ruleSetDoesNotFit');
  });

  it('keeps owners’ votes named (area weighting needs the name)', () => {
    expect(checkVote(draft({ secrecy: 'secret' }), 'compound', NOW).secrecy).toBe('secretNotAllowed');
    expect(checkVote(draft({ ruleSet: 'simple-majority', matters: ['other'], secrecy: 'secret' }), 'compound', NOW)).toEqual({});
  });

  it('checks a poll’s options: at least two, different, not too long', () => {
    const poll = (options: string[]): VoteDraft => draft({ ruleSet: 'simple-majority', matters: ['other'], poll: true, options });
    expect(checkVote(poll(['周六', '']), 'compound', NOW).options).toBe('optionsTooFew');
    expect(checkVote(poll(['周六', ' 周六 ']), 'compound', NOW).options).toBe('optionsRepeated');
    expect(checkVote(poll(['周六', '字'.repeat(101)]), 'compound', NOW).options).toBe('optionTooLong');
    expect(checkVote(poll(['周六', '周日', '']), 'compound', NOW)).toEqual({});
    // A motion under an owners' rule ignores the poll rows altogether.
    expect(checkVote(draft({ poll: true, options: [] }), 'compound', NOW)).toEqual({});
  });

  it('checks the window and the numbers', () => {
    expect(checkVote(draft({ opensAt: '2026-13-01T10:00' }), 'compound', NOW).opensAt).toBe('dateInvalid');
    expect(checkVote(draft({ closesAt: '2026-12-11T10:15' }), 'compound', NOW).closesAt).toBe('closesBeforeOpens');
    expect(checkVote(draft({ ruleSet: 'simple-majority', matters: ['other'], opensAt: '2026-11-20T10:00', closesAt: '2026-11-25T10:00' }), 'compound', NOW).closesAt).toBe('closesInPast');
    expect(checkVote(draft({ proxyCap: '0' }), 'compound', NOW).proxyCap).toBe('proxyCapInvalid');
    expect(checkVote(draft({ proxyCap: '101' }), 'compound', NOW).proxyCap).toBe('proxyCapInvalid');
    expect(checkVote(draft({ objectionDays: '61' }), 'compound', NOW).objectionDays).toBe('objectionDaysInvalid');
    expect(checkVote(draft({ objectionDays: '0' }), 'compound', NOW)).toEqual({});
  });
});

describe('toCreateVoteRequest', () => {
  it('sends Beijing times as instants, trimmed texts and numbers', () => {
    expect(toCreateVoteRequest(draft(), 'c-1', NOW)).toEqual({
      title: '更换门禁系统',
      question: '是否同意更换小区门禁系统？',
      matterKinds: ['owners-other'],
      ruleSet: 'cc278-ordinary',
      secrecy: 'named',
      allowChange: true,
      opensAt: '2026-12-11T02:15:00.000Z',
      closesAt: '2026-12-18T02:15:00.000Z',
      turnoutPublic: false,
      proxyCap: 1,
      objectionDays: 7,
      consultationId: 'c-1',
      // Three days and one day before closing, unless the convenor says otherwise.
      reminderHoursBefore: [72, 24],
    });
  });

  it('sends only the reminders that fall after voting opens', () => {
    // Two days of voting: a reminder three days before closing would come before it opens.
    const short = draft({ opensAt: '2026-12-11T10:15', closesAt: '2026-12-13T10:15', reminders: [72, 24, 2] });
    expect(toCreateVoteRequest(short, null, NOW).reminderHoursBefore).toEqual([24, 2]);
    expect(toCreateVoteRequest(draft({ reminders: [] }), null, NOW).reminderHoursBefore).toEqual([]);
  });

  it('gives a poll’s options short ids, and makes a secret ballot final', () => {
    const request = toCreateVoteRequest(draft({ ruleSet: 'simple-majority', matters: ['other'], poll: true, options: [' 周六 ', '', '周日'], secrecy: 'secret', allowChange: true }), null);
    expect(request).toMatchObject({ options: [{ id: 'a', label: '周六' }, { id: 'b', label: '周日' }], secrecy: 'secret', allowChange: false });
    expect(request).not.toHaveProperty('consultationId');
  });

  it('says which body consents under lml-63', () => {
    expect(toCreateVoteRequest(draft({ ruleSet: 'lml-63', lml63Body: 'representatives', lml63Rceo: false }), null).lml63).toEqual({ body: 'representatives', rceoApplies: false });
  });
});

describe('voteFieldOfPath', () => {
  it('places the API’s field errors', () => {
    expect(voteFieldOfPath('options.1.label')).toBe('options');
    expect(voteFieldOfPath('opensAt')).toBe('opensAt');
    expect(voteFieldOfPath('matterKinds')).toBe('matters');
    expect(voteFieldOfPath('shorteningReason')).toBe('shorteningReason');
    expect(voteFieldOfPath('lml63.body')).toBeNull();
  });
});

describe('the rule cards of the form', () => {
  it('say the three-quarter rule is for raising repair funds, rebuilding and changing common parts — not for using the funds', () => {
    const zh = consoleResources['zh-CN'].convene.ruleSet['cc278-major'].explain;
    expect(zh).toContain('筹集维修资金');
    expect(zh).toContain('改建重建');
    expect(zh).toContain('改变共有部分用途或者利用共有部分从事经营活动');
    expect(zh).not.toMatch(/筹集和使用维修资金/);
    const en = consoleResources.en.convene.ruleSet['cc278-major'].explain;
    expect(en).not.toMatch(/raising and using repair funds/);
    expect(en).toContain('Using the repair funds is an ordinary matter');
    expect(consoleResources['zh-CN'].convene.ruleSet['cc278-ordinary'].explain).toContain('使用维修资金');
  });
});
