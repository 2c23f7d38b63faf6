/**
 * Small builders for recount scenarios (used by the specs): times by the minute on the morning of
 * 6 December 2026, online casts, and the named vote on raising repair funds in a compound of eight
 * units (seven alike, the eighth owned by two) that the kits are built from.
 */
import { compound, equalUnits, unit } from '../tally/testing';
import type { CastEvent, CheckInEvent, KitInput } from './kit';

export const at = (minute: number): string => new Date(Date.UTC(2026, 11, 6, 1, minute)).toISOString();

export const cast = (voter: string, choice: CastEvent['choice'], minute: number, extra: Partial<CastEvent> = {}): CastEvent => ({
  kind: 'cast',
  ballot: `b-${voter}-${minute}`,
  voter,
  choice,
  channel: 'online',
  proxy: null,
  at: at(minute),
  ...extra,
});

/** The kit input of the named repair-fund vote with these events. */
export function compoundKitInput(events: (CastEvent | CheckInEvent)[]): KitInput {
  return {
    secrecy: 'named',
    vote: {
      voteId: 'vote-1',
      title: { 'zh-CN': '测试小区 · 筹集维修资金', en: 'Test compound · raising repair funds' },
      ruleSet: 'cc278-major',
      question: { kind: 'motion', text: { 'zh-CN': '是否同意筹集维修资金？', en: 'Raise repair funds?' } },
      matterKinds: ['repair-fund-raising'],
      lml63: null,
      opensAt: at(0),
      closesAt: at(59),
    },
    snapshotAt: at(0),
    electorate: compound([...equalUnits(7), unit('u8', '100', ['o8', 'o9'], 'o8')]),
    events,
  };
}
