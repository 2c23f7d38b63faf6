/**
 * The ids of the rule sets (stable: stored with every vote, published in the recount kit) and the
 * two-language text every rule says itself in: what the rule tables build on, kept apart so that
 * those tables import them without importing each other.
 */

/** A text a resident reads, in both languages of the platform. */
export interface Localized {
  'zh-CN': string;
  en: string;
}

export const RULE_SET_IDS = [
  'cc278-ordinary',
  'cc278-major',
  'rceo-27',
  'rceo-28',
  'rceo-15',
  'vcl-22',
  'vcl-26',
  'vcl-28',
  'lml-63',
  'simple-majority',
] as const;
export type RuleSetId = (typeof RULE_SET_IDS)[number];

export function isRuleSetId(value: unknown): value is RuleSetId {
  return typeof value === 'string' && (RULE_SET_IDS as readonly string[]).includes(value);
}
