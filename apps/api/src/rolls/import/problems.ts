/**
 * What can be wrong with a roll file, each with a reason in Chinese (what staff read) and in
 * English. Codes are stable: the web console may translate them itself, or show `reason`.
 */
export const ROLL_PROBLEM_CODES = [
  // The file as a whole
  'FILE_EMPTY',
  'HEADER_NOT_FOUND',
  'WRONG_ROLL_KIND',
  'COLUMN_MISSING',
  'COLUMN_DUPLICATE',
  'TOO_MANY_ROWS',
  // One cell
  'REQUIRED',
  'TEXT_TOO_LONG',
  'CELL_ERROR',
  'INVALID_YES_NO',
  'INVALID_CHOICE',
  'INVALID_DATE',
  'INVALID_BIRTH_DATE',
  'INVALID_ID_NUMBER',
  'ID_NUMBER_AS_NUMBER',
  'ID_BIRTH_DATE_MISMATCH',
  'INVALID_PHONE',
  'INVALID_AREA',
  // Several rows together
  'DUPLICATE_ID_NUMBER',
  'DUPLICATE_PERSON',
  'INCONSISTENT_PERSON',
  'INCONSISTENT_HOUSEHOLD',
  'HOUSEHOLD_HEAD_COUNT',
  'HOUSEHOLD_REPRESENTATIVE_COUNT',
  'REPRESENTATIVE_NOT_OF_AGE',
  'INCONSISTENT_UNIT',
  'UNIT_WITHOUT_OWNER',
  'DESIGNATED_VOTER_COUNT',
  'SOLE_OWNER_NOT_VOTER',
  'DUPLICATE_OWNERSHIP',
  'DUPLICATE_TENANT',
  'TENANT_CANNOT_VOTE',
  'DEVELOPER_NOT_OWNER',
  'DEVELOPER_WITH_ID_NUMBER',
  'DEVELOPER_NAME_MISMATCH',
  'DEVELOPER_MARKED_AS_PERSON',
  'DEVELOPER_CO_OWNED',
  // Against the current roll
  'ID_LAST4_UNKNOWN',
  'ID_LAST4_MISMATCH',
  'PERSON_AMBIGUOUS',
  // Warnings: the import may go ahead
  'COLUMN_UNKNOWN',
  'SAME_NAME_MERGED',
  'TENANT_ID_IGNORED',
] as const;
export type RollProblemCode = (typeof ROLL_PROBLEM_CODES)[number];

export interface RollProblem {
  /** The row as Excel numbers it (the header row is row 1 in a file that starts with it). */
  row: number;
  /** The column's header as written in the file, or its standard name; null for a whole row. */
  column: string | null;
  code: RollProblemCode;
  /** zh-CN */
  reason: string;
  reasonEn: string;
}

type Params = Record<string, string | number>;
type Message = (p: Params) => [zh: string, en: string];

const ID_DETAIL: Record<string, [string, string]> = {
  format: ['应为 18 位，最后一位可以是 X', 'it should have 18 characters, the last may be X'],
  'first-generation': ['15 位的旧身份证号已停用，请填写 18 位号码', 'old 15-digit numbers are no longer valid: write the 18-digit number'],
  'birth-date': ['其中的出生日期不存在', 'the birth date inside it does not exist'],
  checksum: ['最后一位校验码不对，可能有数字抄错了', 'the check character does not match: a digit may be mistyped'],
  last4: ['后四位应是 4 位数字，最后一位可以是 X', 'the last four should be 4 digits, the last may be X'],
};

const MESSAGES: Record<RollProblemCode, Message> = {
  FILE_EMPTY: () => ['文件中没有数据行。', 'The file has no data rows.'],
  HEADER_NOT_FOUND: (p) => [`找不到表头：第一行应是列名，例如 ${p['columns']}。`, `No header row found: the first row should name the columns, e.g. ${p['columnsEn']}.`],
  WRONG_ROLL_KIND: (p) => [`这是${p['fileKind']}的名册，不能导入到${p['unitKind']}。`, `This is a ${p['fileKindEn']} roll; this unit is a ${p['unitKindEn']}.`],
  COLUMN_MISSING: (p) => [`缺少“${p['column']}”列。`, `The column “${p['column']}” is missing.`],
  COLUMN_DUPLICATE: (p) => [`“${p['column']}”列出现了不止一次（另见“${p['other']}”列）。`, `The column “${p['column']}” appears more than once (see also “${p['other']}”).`],
  TOO_MANY_ROWS: (p) => [`名册最多 ${p['max']} 行，这个文件有 ${p['rows']} 行。`, `A roll file may have at most ${p['max']} rows; this one has ${p['rows']}.`],
  REQUIRED: (p) => [`“${p['column']}”不能为空。`, `“${p['column']}” must not be empty.`],
  TEXT_TOO_LONG: (p) => [`“${p['column']}”太长了，最多 ${p['max']} 个字。`, `“${p['column']}” is too long: at most ${p['max']} characters.`],
  CELL_ERROR: (p) => [`这个单元格是公式错误或没有计算结果（${p['value']}）。`, `This cell holds a formula error or no computed value (${p['value']}).`],
  INVALID_YES_NO: (p) => [`“${p['column']}”只能填“是”或“否”，不能是“${p['value']}”。`, `“${p['column']}” must be 是 (yes) or 否 (no), not “${p['value']}”.`],
  INVALID_CHOICE: (p) => [`“${p['column']}”只能填 ${p['choices']}，不能是“${p['value']}”。`, `“${p['column']}” must be one of ${p['choices']}, not “${p['value']}”.`],
  INVALID_DATE: (p) => [`“${p['value']}”不是有效的日期，请写成 1980-01-31 这样的格式。`, `“${p['value']}” is not a valid date: write it as 1980-01-31.`],
  INVALID_BIRTH_DATE: (p) => [`出生日期 ${p['value']} 不可能：不能晚于今天，也不能早于 1900 年。`, `The birth date ${p['value']} is impossible: not after today, not before 1900.`],
  INVALID_ID_NUMBER: (p) => [`身份证号无效：${ID_DETAIL[p['reason']!]?.[0] ?? ''}。`, `Invalid identity number: ${ID_DETAIL[p['reason']!]?.[1] ?? ''}.`],
  ID_NUMBER_AS_NUMBER: () => [
    '身份证号被 Excel 存成了数字，后几位已经丢失：请把这一列设成“文本”格式，再重新填写。',
    'Excel stored the identity number as a number and lost its last digits: format the column as text and enter it again.',
  ],
  ID_BIRTH_DATE_MISMATCH: (p) => [`出生日期与身份证号中的出生日期（${p['date']}）不一致。`, `The birth date differs from the one inside the identity number (${p['date']}).`],
  INVALID_PHONE: (p) => [`手机号“${p['value']}”无效：应为以 1 开头的 11 位手机号码。`, `The phone number “${p['value']}” is not valid: a mainland mobile number has 11 digits starting with 1.`],
  INVALID_AREA: (p) => [`面积“${p['value']}”无效：应为大于 0 的平方米数，最多两位小数，例如 89.56。`, `The area “${p['value']}” is not valid: square metres above 0 with at most two decimals, e.g. 89.56.`],
  DUPLICATE_ID_NUMBER: (p) => [`身份证号与第 ${p['other']} 行重复。`, `The identity number repeats row ${p['other']}.`],
  DUPLICATE_PERSON: (p) => [`与第 ${p['other']} 行重复：户号、姓名和出生日期都相同。`, `Repeats row ${p['other']}: same household, name and birth date.`],
  INCONSISTENT_PERSON: (p) => [`同一个人在第 ${p['other']} 行的“${p['column']}”不同。`, `The same person has a different “${p['column']}” in row ${p['other']}.`],
  INCONSISTENT_HOUSEHOLD: (p) => [`户 ${p['household']} 的地址与第 ${p['other']} 行不一致。`, `The address of household ${p['household']} differs from row ${p['other']}.`],
  HOUSEHOLD_HEAD_COUNT: (p) => [
    `户 ${p['household']} 有 ${p['count']} 位户主：每户必须恰好有一位户主。`,
    `Household ${p['household']} has ${p['count']} heads: each household has exactly one.`,
  ],
  HOUSEHOLD_REPRESENTATIVE_COUNT: (p) => [
    `户 ${p['household']} 有 ${p['count']} 位户代表：每户必须恰好有一位户代表。`,
    `Household ${p['household']} has ${p['count']} household representatives: each household has exactly one.`,
  ],
  REPRESENTATIVE_NOT_OF_AGE: (p) => [`${p['role']}须年满十八周岁（完全民事行为能力人）。`, `A ${p['roleEn']} must be 18 or older (of full civil capacity).`],
  INCONSISTENT_UNIT: (p) => [`房号 ${p['unit']} 的“${p['column']}”与第 ${p['other']} 行不一致。`, `Unit ${p['unit']} has a different “${p['column']}” in row ${p['other']}.`],
  UNIT_WITHOUT_OWNER: (p) => [
    `房号 ${p['unit']} 没有业主：每套房屋至少要有一位业主（未售出或未交付的登记为开发商）。`,
    `Unit ${p['unit']} has no owner: every unit needs one (unsold or undelivered units belong to the developer).`,
  ],
  DESIGNATED_VOTER_COUNT: (p) => [
    `房号 ${p['unit']} 有 ${p['owners']} 位共有人，其中 ${p['count']} 位标为指定投票人：必须恰好指定一位。`,
    `Unit ${p['unit']} has ${p['owners']} co-owners and ${p['count']} designated voters: designate exactly one.`,
  ],
  SOLE_OWNER_NOT_VOTER: (p) => [
    `房号 ${p['unit']} 只有一位业主，他就是投票人，“指定投票人”不能填“否”。`,
    `Unit ${p['unit']} has a single owner, who is its voter: “designated voter” cannot be 否 (no).`,
  ],
  DUPLICATE_OWNERSHIP: (p) => [`这位业主在房号 ${p['unit']} 已经登记过（第 ${p['other']} 行）。`, `This owner is already listed for unit ${p['unit']} (row ${p['other']}).`],
  DUPLICATE_TENANT: (p) => [`房号 ${p['unit']} 的租户“${p['name']}”已经登记过（第 ${p['other']} 行）。`, `Tenant “${p['name']}” of unit ${p['unit']} is already listed (row ${p['other']}).`],
  TENANT_CANNOT_VOTE: () => ['租户不参加业主表决：“指定投票人”请留空或填“否”。', 'Tenants do not vote on owners’ matters: leave “designated voter” empty or 否 (no).'],
  DEVELOPER_NOT_OWNER: () => ['开发商只能登记为业主，不能是租户。', 'The developer can only be listed as an owner, not as a tenant.'],
  DEVELOPER_WITH_ID_NUMBER: () => ['开发商是单位，不填身份证号。', 'The developer is a company: leave the identity number empty.'],
  DEVELOPER_NAME_MISMATCH: (p) => [
    `开发商名称与第 ${p['other']} 行（${p['name']}）不一致：一个小区只登记一个开发商。`,
    `The developer’s name differs from row ${p['other']} (${p['name']}): a compound lists one developer.`,
  ],
  DEVELOPER_MARKED_AS_PERSON: (p) => [
    `“${p['name']}”在第 ${p['other']} 行标为开发商，这一行的“开发商”也必须填“是”。`,
    `“${p['name']}” is marked as the developer in row ${p['other']}: mark it 是 (yes) here too.`,
  ],
  DEVELOPER_CO_OWNED: (p) => [`房号 ${p['unit']} 属于开发商，不能再有其他业主。`, `Unit ${p['unit']} belongs to the developer and cannot have other owners.`],
  ID_LAST4_UNKNOWN: (p) => [
    `名册上没有姓名为“${p['name']}”、身份证后四位为 ${p['last4']} 的人：新登记的人请填写完整的 18 位身份证号。`,
    `No one named “${p['name']}” with identity number ending ${p['last4']} is on the roll: write the full 18-character number for someone new.`,
  ],
  ID_LAST4_MISMATCH: (p) => [
    `身份证后四位与名册上“${p['name']}”的不一致：如需更正，请填写完整的 18 位身份证号。`,
    `The last four characters differ from those on the roll for “${p['name']}”: to correct them, write the full number.`,
  ],
  PERSON_AMBIGUOUS: (p) => [
    `名册上有多位“${p['name']}”都符合这一行，无法确定是哪一位：请填写完整的身份证号。`,
    `Several people named “${p['name']}” on the roll fit this row: write the full identity number.`,
  ],
  COLUMN_UNKNOWN: (p) => [`不认识“${p['column']}”列，导入时会忽略它。`, `Unknown column “${p['column']}”: it is ignored.`],
  SAME_NAME_MERGED: (p) => [
    `第 ${p['rows']} 行的“${p['name']}”都没有身份证号和手机号，将视为同一位业主（共 ${p['count']} 套）。如果不是同一个人，请填写身份证号或手机号。`,
    `“${p['name']}” in rows ${p['rows']} has no identity number or phone: treated as one owner of ${p['count']} units. If these are different people, add an identity number or phone.`,
  ],
  TENANT_ID_IGNORED: () => ['租户不登记身份证号，这一格不会保存。', 'Tenants are listed without identity numbers: this cell is not saved.'],
};

export function problem(code: RollProblemCode, row: number, column: string | null, params: Params = {}): RollProblem {
  const [reason, reasonEn] = MESSAGES[code](params);
  return { row, column, code, reason, reasonEn };
}

/** Problems the import may go ahead with (shown, not blocking). */
export const WARNING_CODES: ReadonlySet<RollProblemCode> = new Set(['COLUMN_UNKNOWN', 'SAME_NAME_MERGED', 'TENANT_ID_IGNORED']);
