/**
 * What a resident's page says of a rule set (the result notice, a vote, a consultation): the
 * statute its thresholds come from, and whether ballots weigh by floor area. Part of each entry of
 * `RULE_SETS`, kept apart so that those pages import these few lines without the whole table (its
 * notice periods, voting windows and their reasons are for the convenor's forms and the API).
 */
import type { Localized, RuleSetId } from './rule-set-ids';

export interface RuleSetBasis {
  /** The statute the thresholds come from. */
  statute: Localized;
  /** Whether choices are weighted by exclusive floor area (owners' votes); such ballots are always named. */
  weightedByArea: boolean;
}

const CC278: Localized = {
  'zh-CN': '《民法典》第二百七十八条；最高人民法院建筑物区分所有权司法解释第八条、第九条',
  en: 'Civil Code art. 278; SPC interpretation on building ownership, arts. 8–9',
};

export const RULE_SET_BASES: Readonly<Record<RuleSetId, RuleSetBasis>> = {
  'cc278-ordinary': { statute: CC278, weightedByArea: true },
  'cc278-major': { statute: CC278, weightedByArea: true },
  'rceo-27': { statute: { 'zh-CN': '《农村集体经济组织法》第二十七条', en: 'Rural Collective Economic Organizations Law (2024) art. 27' }, weightedByArea: false },
  'rceo-28': { statute: { 'zh-CN': '《农村集体经济组织法》第二十八条', en: 'Rural Collective Economic Organizations Law (2024) art. 28' }, weightedByArea: false },
  'rceo-15': {
    statute: {
      'zh-CN': '《农村集体经济组织法》第十五条、第二十七条',
      en: 'Rural Collective Economic Organizations Law (2024) arts. 15 and 27',
    },
    weightedByArea: false,
  },
  'vcl-22': { statute: { 'zh-CN': '《村民委员会组织法》第二十二条', en: 'Village Committees Organization Law art. 22' }, weightedByArea: false },
  'vcl-26': { statute: { 'zh-CN': '《村民委员会组织法》第二十六条', en: 'Village Committees Organization Law art. 26' }, weightedByArea: false },
  'vcl-28': { statute: { 'zh-CN': '《村民委员会组织法》第二十八条', en: 'Village Committees Organization Law art. 28' }, weightedByArea: false },
  'lml-63': { statute: { 'zh-CN': '《土地管理法》第六十三条', en: 'Land Management Law art. 63' }, weightedByArea: false },
  'simple-majority': { statute: { 'zh-CN': '无法定规则（过半数即可）', en: 'no statute (simple majority of ballots cast)' }, weightedByArea: false },
};
