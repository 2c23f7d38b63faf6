/**
 * What a rule set requires, in one plain sentence (「需经专有部分面积过半数且人数过半数的业主同意」),
 * with the body that decides and the statute. The thresholds are those `tally` in libs/domain
 * applies to each rule set: the sentence is the same rule in words.
 */
import type { RuleSetId } from '@yishi/domain';
import { RULE_SET_BASES, RULE_SET_IDS } from '@yishi/domain';
import type { TFunction } from 'i18next';
import type { TermId } from '../../../components/term';
import type { Language } from '../../../lib/preferences';

/** The i18n key of each rule set's sentence (every rule set has one, in both languages: see the spec). */
export function ruleSentenceKey(ruleSet: RuleSetId): `votes.rule.${RuleSetId}` {
  return `votes.rule.${ruleSet}`;
}

/** Every rule set, for the spec's check that none lacks its sentence. */
export const RULE_SETS_WORDED: readonly RuleSetId[] = RULE_SET_IDS;

/** The requirement in words. A poll with options says how the winner is found instead. */
export function ruleSentence(ruleSet: RuleSetId, questionKind: 'motion' | 'options' | 'assembly', t: TFunction): string {
  // An assembly's ballot has a rule per matter: each matter says its own.
  if (questionKind === 'assembly') return t('votes.assembly.rule');
  if (ruleSet === 'simple-majority' && questionKind === 'options') return t('votes.rule.simple-majority-options');
  return t(ruleSentenceKey(ruleSet));
}

/** The statute the thresholds come from, in the screen's language. */
export function ruleStatute(ruleSet: RuleSetId, language: Language): string {
  return RULE_SET_BASES[ruleSet].statute[language];
}

/** Owners' votes weigh ballots by floor area: area figures are shown beside the headcount. */
export function weighsArea(ruleSet: RuleSetId): boolean {
  return RULE_SET_BASES[ruleSet].weightedByArea;
}

/** The words of a rule's sentence explained on tap: the owners' double thresholds and floor area. */
export function ruleTerms(ruleSet: RuleSetId): readonly TermId[] {
  if (ruleSet === 'cc278-ordinary') return ['doubleTwoThirds', 'doubleMajority', 'homeArea'];
  if (ruleSet === 'cc278-major') return ['doubleTwoThirds', 'homeArea'];
  return [];
}
