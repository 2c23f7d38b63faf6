import { describe, expect, it } from '@jest/globals';
import type { VoteDraft } from './vote-form';
import { checkVote, defaultWindow, emptyVote, noticeEnds, opensBeforeNotice, ruleSetsForUnit, toCreateVoteRequest, voteFieldOfPath } from './vote-form';

// 2026-11-26 10:00 in Beijing.
const NOW = new Date('2026-11-26T02:00:00Z');

const draft = (change: Partial<VoteDraft> = {}): VoteDraft => ({
  ...emptyVote('cc278-ordinary', NOW),
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

  it('refuses an opening before the notice has run, and accepts the first moment after', () => {
    expect(checkVote(draft({ opensAt: '2026-12-11T09:59' }), 'compound', NOW).opensAt).toBe('opensBeforeNotice');
    expect(checkVote(draft({ opensAt: '2026-12-11T10:00' }), 'compound', NOW)).toEqual({});
    expect(checkVote(draft({ ruleSet: 'simple-majority', opensAt: '2026-11-26T10:00' }), 'compound', NOW)).toEqual({});
  });

  it('accepts an early opening only when the convenor says they will open it early, with a reason', () => {
    expect(opensBeforeNotice(draft({ opensAt: '2026-11-26T10:00' }), 'cc278-ordinary', NOW)).toBe(true);
    expect(opensBeforeNotice(draft({ opensAt: '2026-12-11T10:00' }), 'cc278-ordinary', NOW)).toBe(false);
    expect(checkVote(draft({ opensAt: '2026-11-26T10:00' }), 'compound', NOW).opensAt).toBe('opensBeforeNotice');
    expect(checkVote(draft({ opensAt: '2026-11-26T10:00', earlyOpening: true }), 'compound', NOW)).toEqual({});
    // It changes nothing in the request: the reason is given when opening.
    expect(toCreateVoteRequest(draft({ opensAt: '2026-11-26T10:00', earlyOpening: true }), null).opensAt).toBe('2026-11-26T02:00:00.000Z');
  });
});

describe('checkVote', () => {
  it('accepts the defaults with a title and a question', () => {
    expect(checkVote(draft(), 'compound', NOW)).toEqual({});
  });

  it('asks for a title, a question and a rule set', () => {
    expect(checkVote(emptyVote('', NOW), 'compound', NOW)).toEqual({ title: 'titleRequired', question: 'questionRequired', ruleSet: 'ruleSetRequired' });
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
    expect(checkVote(draft({ ruleSet: 'simple-majority', secrecy: 'secret' }), 'compound', NOW)).toEqual({});
  });

  it('checks a poll’s options: at least two, different, not too long', () => {
    const poll = (options: string[]): VoteDraft => draft({ ruleSet: 'simple-majority', poll: true, options });
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
    expect(checkVote(draft({ ruleSet: 'simple-majority', opensAt: '2026-11-20T10:00', closesAt: '2026-11-25T10:00' }), 'compound', NOW).closesAt).toBe('closesInPast');
    expect(checkVote(draft({ proxyCap: '0' }), 'compound', NOW).proxyCap).toBe('proxyCapInvalid');
    expect(checkVote(draft({ proxyCap: '101' }), 'compound', NOW).proxyCap).toBe('proxyCapInvalid');
    expect(checkVote(draft({ objectionDays: '61' }), 'compound', NOW).objectionDays).toBe('objectionDaysInvalid');
    expect(checkVote(draft({ objectionDays: '0' }), 'compound', NOW)).toEqual({});
  });
});

describe('toCreateVoteRequest', () => {
  it('sends Beijing times as instants, trimmed texts and numbers', () => {
    expect(toCreateVoteRequest(draft(), 'c-1')).toEqual({
      title: '更换门禁系统',
      question: '是否同意更换小区门禁系统？',
      ruleSet: 'cc278-ordinary',
      secrecy: 'named',
      allowChange: true,
      opensAt: '2026-12-11T02:15:00.000Z',
      closesAt: '2026-12-18T02:15:00.000Z',
      turnoutPublic: false,
      proxyCap: 1,
      objectionDays: 7,
      consultationId: 'c-1',
    });
  });

  it('gives a poll’s options short ids, and makes a secret ballot final', () => {
    const request = toCreateVoteRequest(draft({ ruleSet: 'simple-majority', poll: true, options: [' 周六 ', '', '周日'], secrecy: 'secret', allowChange: true }), null);
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
    expect(voteFieldOfPath('matterKinds')).toBeNull();
  });
});
