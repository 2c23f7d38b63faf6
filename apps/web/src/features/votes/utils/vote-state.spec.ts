import { describe, expect, it } from '@jest/globals';
import { translator } from '../../../i18n/testing';
import { ballotState, choiceLabel, choicesOf, objectionsOpen, voteStage } from './vote-state';

const OPENS = '2026-05-01T00:00:00.000Z';
const CLOSES = '2026-05-10T00:00:00.000Z';
const at = (iso: string): number => Date.parse(iso);

describe('where a vote stands', () => {
  it('follows the status, and the clock where the status has not caught up yet', () => {
    expect(voteStage({ status: 'scheduled', opensAt: OPENS, closesAt: CLOSES }, at('2026-05-05T00:00:00Z'))).toBe('announced');
    // Opened early (a recorded reason) but the window starts later: not open for ballots yet.
    expect(voteStage({ status: 'open', opensAt: OPENS, closesAt: CLOSES }, at('2026-04-30T00:00:00Z'))).toBe('notYetOpen');
    expect(voteStage({ status: 'open', opensAt: OPENS, closesAt: CLOSES }, at('2026-05-05T00:00:00Z'))).toBe('open');
    // Past the closing time, before the closing job ran: counting, never "open".
    expect(voteStage({ status: 'open', opensAt: OPENS, closesAt: CLOSES }, at(CLOSES))).toBe('counting');
    expect(voteStage({ status: 'closed', opensAt: OPENS, closesAt: CLOSES })).toBe('provisional');
    expect(voteStage({ status: 'final', opensAt: OPENS, closesAt: CLOSES })).toBe('final');
    expect(voteStage({ status: 'cancelled', opensAt: OPENS, closesAt: CLOSES })).toBe('cancelled');
  });

  it('takes objections only while the provisional result is on notice', () => {
    expect(objectionsOpen('provisional', CLOSES, at('2026-05-09T00:00:00Z'))).toBe(true);
    expect(objectionsOpen('provisional', CLOSES, at(CLOSES))).toBe(false);
    expect(objectionsOpen('final', CLOSES, at('2026-05-09T00:00:00Z'))).toBe(false);
    expect(objectionsOpen('provisional', null)).toBe(false);
  });
});

describe('one voter’s ballot', () => {
  const voter = { voted: false, canCast: true, channel: null, supersededReceipt: null } as const;

  it('offers the ballot, then shows it recorded, changeable only while the API allows', () => {
    expect(ballotState(voter)).toBe('ballot');
    expect(ballotState({ ...voter, voted: true, channel: 'online' })).toBe('changeable');
    expect(ballotState({ ...voter, voted: true, canCast: false, channel: 'online' })).toBe('recorded');
    expect(ballotState({ ...voter, canCast: false })).toBe('notVoted');
  });

  it('tells a paper ballot that replaced an online one from a paper ballot alone', () => {
    expect(ballotState({ voted: true, canCast: false, channel: 'paper', supersededReceipt: 'b-0a1b2c3d4e5f' })).toBe('paperSuperseded');
    expect(ballotState({ voted: true, canCast: false, channel: 'paper', supersededReceipt: null })).toBe('paper');
    expect(ballotState({ voted: true, canCast: false, channel: 'meeting', supersededReceipt: null })).toBe('paper');
  });
});

describe('the choices of a vote', () => {
  const poll = {
    questionKind: 'options' as const,
    options: [
      { id: 'sat', label: '周六上午', labelEn: 'Saturday morning' },
      { id: 'sun', label: '周日上午', labelEn: '' },
    ],
  };

  it('are approve / oppose / abstain on a motion, each option then abstain in a poll', () => {
    expect(choicesOf({ questionKind: 'motion', options: null })).toEqual(['approve', 'oppose', 'abstain']);
    expect(choicesOf(poll)).toEqual(['sat', 'sun', 'abstain']);
  });

  it('read in the screen’s language, an option without English keeping its Chinese label', async () => {
    const zh = await translator('zh-CN');
    const en = await translator('en');
    expect(['approve', 'oppose', 'abstain'].map((c) => choiceLabel(poll, c, zh, 'zh-CN'))).toEqual(['同意', '反对', '弃权']);
    expect(choiceLabel(poll, 'approve', en, 'en')).toBe('Approve');
    expect(choiceLabel(poll, 'sat', en, 'en')).toBe('Saturday morning');
    expect(choiceLabel(poll, 'sun', en, 'en')).toBe('周日上午');
    expect(choiceLabel(poll, 'sat', zh, 'zh-CN')).toBe('周六上午');
  });
});
