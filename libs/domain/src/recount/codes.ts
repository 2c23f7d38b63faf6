import type { Localized } from '../rules/rule-sets';

/**
 * Every reason a recount refuses a kit, by a stable code (docs/recount-format.md §8.2): a script
 * may rely on the codes; the messages that go with them may be reworded. The short texts are what
 * the CLI prints beside the English detail.
 */
export const DISCREPANCY_CODES = {
  // Reading a file (§3)
  'missing-file': { 'zh-CN': '缺少文件', en: 'a file of the kit is missing' },
  'not-utf8': { 'zh-CN': '文件不是有效的 UTF-8 编码', en: 'the file is not valid UTF-8' },
  'byte-order-mark': { 'zh-CN': '文件以字节顺序标记（BOM）开头', en: 'the file starts with a byte order mark' },
  'carriage-return': { 'zh-CN': '含回车符（CR），行尾只能是 LF', en: 'a carriage return (CR): lines end with LF only' },
  'no-final-line-feed': { 'zh-CN': '文件末尾缺少换行符', en: 'the file does not end with a line feed' },
  'json-syntax': { 'zh-CN': '不是有效的 JSON', en: 'not valid JSON' },
  'duplicate-key': { 'zh-CN': '同一对象中有重复的键', en: 'a key appears twice in one object' },
  'number-not-integer': { 'zh-CN': '数字不是规定范围内的整数', en: 'a number that is not a plain integer within ±(2^53 − 1)' },
  'ill-formed-string': { 'zh-CN': '字符串含孤立的代理项，不是有效的 Unicode 文本', en: 'a string with a lone surrogate' },
  'json-layout': { 'zh-CN': 'JSON 文件的排版与平台写出的不一致', en: 'the .json file is not laid out as the platform writes it' },
  'not-canonical': { 'zh-CN': '哈希链中的行不是规范 JSON', en: 'a chain line is not in canonical JSON form' },
  // Content (§4–§7)
  'unknown-format': { 'zh-CN': '不是 yishi-recount 格式', en: 'not the yishi-recount format' },
  'unknown-format-version': { 'zh-CN': '不认识的格式版本', en: 'a format version this verifier does not know' },
  'unknown-field': { 'zh-CN': '格式中没有的字段', en: 'a field the format does not have' },
  'missing-field': { 'zh-CN': '缺少字段', en: 'a field is missing' },
  'invalid-value': { 'zh-CN': '字段的值不符合格式', en: 'a value the format does not allow' },
  'unknown-language': { 'zh-CN': '格式未规定的语言', en: 'a language the format does not name' },
  'missing-language': { 'zh-CN': '缺少规定的语言（zh-CN 与 en）', en: 'a language of the format (zh-CN, en) is missing' },
  'period-order': { 'zh-CN': '投票截止时间不晚于开始时间', en: 'the vote closes before it opens' },
  'snapshot-after-opening': { 'zh-CN': '名册冻结时间晚于投票开始时间', en: 'the electorate was frozen after the vote opened' },
  'electorate-hash': { 'zh-CN': '名册的哈希与 vote.json 不符：投票开始后名册被改动', en: 'the electorate was changed after the vote opened' },
  'electorate-inconsistent': { 'zh-CN': '名册自相矛盾，无法计票', en: 'the electorate contradicts itself and cannot be counted' },
  // The chains (§6)
  sequence: { 'zh-CN': '行序号不连续：有行被删除、插入或调换', en: 'a line was removed, inserted or moved' },
  'genesis-mismatch': { 'zh-CN': '第一行与本次表决的起始哈希不符', en: 'the first line does not match the genesis of this vote' },
  'prev-mismatch': { 'zh-CN': '哈希与上一行不符', en: 'hash does not match the previous line' },
  'voter-not-in-electorate': { 'zh-CN': '投票人不在名册中', en: 'a voter who is not in the electorate' },
  'outside-voting-period': { 'zh-CN': '时间在投票期之外', en: 'a time outside the voting period' },
  'duplicate-ballot-id': { 'zh-CN': '选票编号重复', en: 'a ballot id used twice' },
  'marked-twice': { 'zh-CN': '同一投票人在投票名册上被登记两次', en: 'a voter marked twice on the roll' },
  'box-order': { 'zh-CN': '票箱未按选票编号排序', en: 'the box is not in ballot-id order' },
  // result.json (§7)
  'vote-id-mismatch': { 'zh-CN': 'result.json 属于另一场表决', en: 'result.json belongs to another vote' },
  'chain-length': { 'zh-CN': '哈希链行数与公布的不符', en: 'the chain has another number of lines than published' },
  'chain-head': { 'zh-CN': '哈希链末行哈希与公布的不符', en: 'the chain head differs from the published one' },
  'result-mismatch': { 'zh-CN': '公布的结果与重新计票不一致', en: 'the published result differs from the recount' },
} as const satisfies Record<string, Localized>;

export type DiscrepancyCode = keyof typeof DISCREPANCY_CODES;
