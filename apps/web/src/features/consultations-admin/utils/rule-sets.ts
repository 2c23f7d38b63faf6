/**
 * Which rule sets can decide for which units: the owners' rules (Civil Code art. 278) for
 * compounds, the members' and villagers' rules for cooperatives, a simple majority for either.
 * The API refuses a mismatch too; the form offers only what fits, and says why.
 */
import type { UnitKind } from '@yishi/contracts';
import type { RuleSetId } from '@yishi/domain';
import { RULE_SET_IDS, RULE_SETS } from '@yishi/domain';

export const RULE_SET_ORDER: readonly RuleSetId[] = RULE_SET_IDS;

/** Whether a rule set's electorate can be drawn from a unit of this kind. */
export function ruleSetFits(ruleSet: RuleSetId, kind: UnitKind): boolean {
  const electorate = RULE_SETS[ruleSet].electorate;
  if (electorate === 'any') return true;
  return electorate === 'compound' ? kind === 'compound' : kind === 'cooperative';
}

/** The rule sets that fit every one of these kinds (all of them when none is chosen yet). */
export function ruleSetsFor(kinds: readonly UnitKind[]): RuleSetId[] {
  return RULE_SET_ORDER.filter((ruleSet) => kinds.every((kind) => ruleSetFits(ruleSet, kind)));
}
