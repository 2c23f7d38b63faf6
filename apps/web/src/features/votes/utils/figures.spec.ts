import { describe, expect, it } from '@jest/globals';
import { translator } from '../../../i18n/testing';
import { barPercent, formatAmount, formatPercent, neededAmount, thresholdPercent, thresholdText } from './figures';

describe('figures of a vote', () => {
  it('draw a bar no wider than the whole, and nothing of nothing', () => {
    expect(barPercent(1, 4)).toBe(25);
    expect(barPercent(5, 4)).toBe(100);
    expect(barPercent(3, 0)).toBe(0);
    expect(barPercent(0, 10)).toBe(0);
  });

  it('put the threshold line where the fraction falls', () => {
    expect(thresholdPercent({ numerator: 2, denominator: 3 })).toBeCloseTo(66.667, 2);
    expect(thresholdPercent({ numerator: 1, denominator: 2 })).toBe(50);
  });

  it('show a published share as the tally rounded it, and a dash for a share of nothing', () => {
    expect(formatPercent('66.67')).toBe('66.67%');
    expect(formatPercent(null)).toBe('—');
  });

  it('give amounts in their units: area from 1/100 m², persons, households', async () => {
    const zh = await translator('zh-CN');
    const en = await translator('en');
    expect(formatAmount('area', 123450, zh)).toBe('1,234.50 ㎡');
    expect(formatAmount('persons', 12, zh)).toBe('12 人');
    expect(formatAmount('households', 3, zh)).toBe('3 户');
    expect(formatAmount('persons', 1, en)).toBe('1 person');
    expect(formatAmount('ballots', 7, en)).toBe('7 ballots');
  });

  it('word the threshold as the law does', async () => {
    const zh = await translator('zh-CN');
    const en = await translator('en');
    expect(thresholdText({ numerator: 2, denominator: 3, comparison: 'at-least' }, zh)).toBe('三分之二以上');
    expect(thresholdText({ numerator: 1, denominator: 2, comparison: 'more-than' }, zh)).toBe('超过半数');
    expect(thresholdText({ numerator: 3, denominator: 4, comparison: 'at-least' }, en)).toBe('at least three quarters');
    expect(thresholdText({ numerator: 1, denominator: 1, comparison: 'at-most' }, zh)).toBe('不多于投票人数');
  });

  it('say the least amount that meets a threshold in the vote’s own numbers', () => {
    const twoThirds = { numerator: 2, denominator: 3, comparison: 'at-least' as const };
    const half = { numerator: 1, denominator: 2, comparison: 'more-than' as const };
    expect(neededAmount(120, twoThirds)).toBe(80);
    expect(neededAmount(10, twoThirds)).toBe(7);
    expect(neededAmount(10, half)).toBe(6);
    expect(neededAmount(11, half)).toBe(6);
    // Area in 1/100 m²: more than half of 1,000.01 m² is at least 500.01 m².
    expect(neededAmount(100_001, half)).toBe(50_001);
    expect(neededAmount(0, twoThirds)).toBeNull();
    expect(neededAmount(10, { numerator: 1, denominator: 1, comparison: 'at-most' })).toBeNull();
  });
});
