import type { Threshold } from './types';

/**
 * Exact comparison of a fraction with a threshold, by cross-multiplication in BigInt (areas in
 * 1/100 m² times a threshold's denominator can pass 2^53 on a large compound).
 *
 * A share of nothing meets no "at least" or "more than" threshold: with a denominator of 0 (an
 * empty electorate, or nobody participating) the condition is not met. The law is silent here;
 * this is the strict reading.
 */
export function meets(numerator: number, denominator: number, threshold: Threshold): boolean {
  assertCount(numerator);
  assertCount(denominator);
  const left = BigInt(numerator) * BigInt(threshold.denominator);
  const right = BigInt(threshold.numerator) * BigInt(denominator);
  switch (threshold.comparison) {
    case 'at-least':
      return denominator > 0 && left >= right;
    case 'more-than':
      return denominator > 0 && left > right;
    case 'at-most':
      return left <= right;
  }
}

/**
 * numerator / denominator as a percentage string with exactly two decimals ("70.21"), or null
 * when the denominator is 0.
 *
 * Rounding: half up (to the nearest hundredth of a percent, ties away from zero), unless the
 * rounded figure, compared with the threshold, would say the opposite of `met`; then the figure is
 * rounded toward the verdict instead (down for a failed "at least two thirds": 66.66%, never
 * 66.67%; up for a met "more than half": 50.01%, never 50.00%). The shown figure is always within
 * 0.01 percentage point of the exact value and never contradicts the verdict.
 */
export function percentOf(numerator: number, denominator: number, threshold: Threshold, met: boolean): string | null {
  assertCount(numerator);
  assertCount(denominator);
  if (denominator === 0) {
    return null;
  }
  const n = BigInt(numerator) * 10000n;
  const d = BigInt(denominator);
  const floor = n / d;
  const ceil = n % d === 0n ? floor : floor + 1n;
  const halfUp = (2n * n + d) / (2n * d);
  const shown = [halfUp, floor, ceil].find((candidate) => displayedMeets(candidate, threshold) === met) ?? halfUp;
  return formatBasisPoints(shown);
}

/** Whether a percentage shown in hundredths of a percent (basis points) meets the threshold. */
function displayedMeets(basisPoints: bigint, threshold: Threshold): boolean {
  const left = basisPoints * BigInt(threshold.denominator);
  const right = BigInt(threshold.numerator) * 10000n;
  switch (threshold.comparison) {
    case 'at-least':
      return left >= right;
    case 'more-than':
      return left > right;
    case 'at-most':
      return left <= right;
  }
}

export function formatBasisPoints(basisPoints: bigint): string {
  const whole = basisPoints / 100n;
  const cents = basisPoints % 100n;
  return `${whole.toString()}.${cents.toString().padStart(2, '0')}`;
}

/** A count with thousands separators: 12345 → "12,345". */
export function formatCount(count: number): string {
  assertCount(count);
  return count.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function assertCount(value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`A count or area must be a non-negative safe integer: ${value}`);
  }
}
