/**
 * Live turnout as the console draws it: each quorum condition of the rule (area and headcount
 * for owners, attendance for meetings) as a bar with the threshold line, and the electorate's
 * denominators. Areas come in 1/100 m².
 */
import type { Condition, Figures } from '@yishi/domain';

export interface TurnoutBar {
  id: Condition['id'];
  measure: Condition['measure'];
  numerator: number;
  denominator: number;
  /** 0–100, for drawing (the figure said is the API's `percent`). */
  fill: number;
  /** The API's rounding (two decimals), or null for an empty electorate. */
  percent: string | null;
  /** Where the threshold line sits, 0–100. */
  threshold: number;
  comparison: Condition['threshold']['comparison'];
  /** The threshold as a fraction people read: 「2/3」. */
  thresholdText: string;
  met: boolean;
}

const clamp = (n: number): number => Math.max(0, Math.min(100, n));

/** The quorum conditions of a turnout reading, as bars (none for a rule without quorum). */
export function turnoutBars(conditions: readonly Condition[]): TurnoutBar[] {
  return conditions
    .filter((c) => c.role === 'quorum')
    .map((c) => ({
      id: c.id,
      measure: c.measure,
      numerator: c.numerator,
      denominator: c.denominator,
      fill: c.denominator > 0 ? clamp((c.numerator / c.denominator) * 100) : 0,
      percent: c.percent,
      threshold: c.threshold.denominator > 0 ? clamp((c.threshold.numerator / c.threshold.denominator) * 100) : 0,
      comparison: c.threshold.comparison,
      thresholdText: `${c.threshold.numerator}/${c.threshold.denominator}`,
      met: c.met,
    }));
}

/** A share as a percentage with two decimals, or null for nothing to divide by. */
export function percentOf(part: number, whole: number): string | null {
  if (whole <= 0) return null;
  return ((part / whole) * 100).toFixed(2);
}

/** 1/100 m² as square metres: 1234567 → 「12345.67」. */
export function formatArea(hundredths: number): string {
  const whole = Math.floor(hundredths / 100);
  return `${whole}.${String(hundredths % 100).padStart(2, '0')}`;
}

/** The headcount of participants against the electorate, for rules with no quorum (a simple majority). */
export function participation(figures: Figures): { persons: number; of: number; percent: string | null; area: number | null; areaOf: number | null } {
  return {
    persons: figures.participating.persons,
    of: figures.electorate.persons,
    percent: percentOf(figures.participating.persons, figures.electorate.persons),
    area: figures.participating.area,
    areaOf: figures.electorate.area,
  };
}
