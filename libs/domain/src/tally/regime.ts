import type { Lml63Parameters, RuleSetId } from '../rules/rule-sets';
import { DEFAULT_LML63, lml63CompanionRule, RULE_SETS } from '../rules/rule-sets';

export type ProxyRegime = 'written' | 'written-same-household' | 'none';

/**
 * Who may vote for someone else (DOMAIN.md "Cooperatives", "How owners are counted"):
 * - owners (cc278): by written proxy, to anyone (Civil Code art. 161; the written form is the
 *   strict reading, as in the MOHURD guiding rules for owners' assemblies);
 * - the cooperative member assembly (rceo-27, rceo-15, lml-63 where RCEO art. 27 applies): a
 *   written proxy to a full-capacity member of the same household (RCEO art. 27);
 * - everyone else (representative bodies, village assemblies, informal polls): the law provides
 *   no proxy for the decision, so none counts (strict reading).
 */
export function proxyRegime(ruleSet: RuleSetId, lml63: Lml63Parameters | null): ProxyRegime {
  switch (ruleSet) {
    case 'cc278-ordinary':
    case 'cc278-major':
      return 'written';
    case 'rceo-27':
    case 'rceo-15':
      return 'written-same-household';
    case 'lml-63':
      return lml63CompanionRule(lml63 ?? DEFAULT_LML63) === 'rceo-27' ? 'written-same-household' : 'none';
    case 'rceo-28':
    case 'vcl-22':
    case 'vcl-26':
    case 'vcl-28':
    case 'simple-majority':
      return 'none';
  }
}

/** Whether those checked in at the meeting without a ballot count as attending. */
export function countsAttendance(ruleSet: RuleSetId, lml63: Lml63Parameters | null): boolean {
  if (ruleSet === 'lml-63') {
    return lml63CompanionRule(lml63 ?? DEFAULT_LML63) === 'rceo-27';
  }
  return RULE_SETS[ruleSet].countsAttendance;
}
