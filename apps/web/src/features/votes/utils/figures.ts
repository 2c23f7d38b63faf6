/**
 * Figures of a vote as a resident reads them: shares as percentages, a bar's width, where the
 * threshold line falls, and amounts in their units (area in ㎡ from 1/100 m², persons, households).
 */
import type { Measure, Threshold } from '@yishi/domain';
import { formatArea } from '@yishi/domain';
import type { TFunction } from 'i18next';

/** The width of a bar, 0–100, for numerator out of denominator (0 when there is nothing to count). */
export function barPercent(numerator: number, denominator: number): number {
  if (denominator <= 0 || numerator <= 0) return 0;
  return Math.min(100, (numerator / denominator) * 100);
}

/** Where the threshold line falls on the bar, 0–100: two thirds → 66.67. */
export function thresholdPercent(threshold: Pick<Threshold, 'numerator' | 'denominator'>): number {
  if (threshold.denominator <= 0) return 0;
  return Math.min(100, (threshold.numerator / threshold.denominator) * 100);
}

/** A share as published (two decimals, from the tally) with its sign; a dash when there is no share. */
export function formatPercent(percent: string | null): string {
  return percent === null ? '—' : `${percent}%`;
}

/** An amount in its unit: 「1,234.50 ㎡」, 「12 人」, 「3 户」, 「7 票」. */
export function formatAmount(measure: Measure, value: number, t: TFunction): string {
  switch (measure) {
    case 'area':
      return t('votes.amount.area', { value: formatArea(value) });
    case 'persons':
      return t('votes.amount.persons', { count: value });
    case 'households':
      return t('votes.amount.households', { count: value });
    case 'ballots':
      return t('votes.amount.ballots', { count: value });
  }
}

/** The threshold in words: 「三分之二以上」, 「过半数」. */
export function thresholdText(threshold: Threshold, t: TFunction): string {
  const { numerator: n, denominator: d } = threshold;
  const fraction =
    n === 1 && d === 2 ? t('votes.fraction.half') : n === 2 && d === 3 ? t('votes.fraction.twoThirds') : n === 3 && d === 4 ? t('votes.fraction.threeQuarters') : `${n}/${d}`;
  switch (threshold.comparison) {
    case 'at-least':
      return t('votes.threshold.atLeast', { fraction });
    case 'more-than':
      return t('votes.threshold.moreThan', { fraction });
    case 'at-most':
      return t('votes.threshold.atMost');
  }
}

/**
 * The least amount that meets a threshold, in the condition's own unit (persons, or area in
 * 1/100 m²): two thirds of 10 persons → 7, more than half of 10 → 6. Null for an upper bound
 * (「不多于」), which has no least amount, and when there is nothing to count.
 */
export function neededAmount(denominator: number, threshold: Threshold): number | null {
  if (threshold.comparison === 'at-most' || denominator <= 0 || threshold.denominator <= 0) return null;
  const whole = BigInt(denominator) * BigInt(threshold.numerator);
  const over = BigInt(threshold.denominator);
  const exact = whole / over;
  if (threshold.comparison === 'more-than') return Number(exact + 1n);
  return Number(whole % over === 0n ? exact : exact + 1n);
}
