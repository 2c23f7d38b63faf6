import { describe, expect, it } from '@jest/globals';
import type { Condition } from '@yishi/domain';
import { formatArea, percentOf, turnoutBars } from './turnout';

const condition = (change: Partial<Condition>): Condition => ({
  id: 'turnout-area',
  role: 'quorum',
  anyOf: null,
  source: 'cc278-ordinary',
  measure: 'area',
  numerator: 0,
  denominator: 0,
  threshold: { numerator: 2, denominator: 3, comparison: 'at-least' },
  met: false,
  percent: null,
  option: null,
  explanation: { 'zh-CN': '', en: '' },
  ...change,
});

describe('turnoutBars', () => {
  it('draws each quorum condition against its threshold line', () => {
    const bars = turnoutBars([
      condition({ numerator: 50_000, denominator: 200_000, percent: '25.00' }),
      condition({ id: 'turnout-persons', measure: 'persons', numerator: 3, denominator: 4, percent: '75.00', met: true }),
      condition({ id: 'approval', role: 'decision' }),
    ]);
    expect(bars).toHaveLength(2);
    expect(bars[0]).toMatchObject({ id: 'turnout-area', fill: 25, percent: '25.00', thresholdText: '2/3', met: false });
    expect(bars[0]!.threshold).toBeCloseTo(66.67, 2);
    expect(bars[1]).toMatchObject({ measure: 'persons', fill: 75, met: true });
  });

  it('draws an empty electorate as an empty bar', () => {
    expect(turnoutBars([condition({ denominator: 0 })])[0]).toMatchObject({ fill: 0, percent: null });
  });
});

describe('figures', () => {
  it('says areas in square metres and shares with two decimals', () => {
    expect(formatArea(1_234_567)).toBe('12345.67');
    expect(formatArea(5)).toBe('0.05');
    expect(percentOf(1, 3)).toBe('33.33');
    expect(percentOf(1, 0)).toBeNull();
  });
});
