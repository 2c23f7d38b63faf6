import { cellText, formatAreaPlain, neutraliseFormula, parseAreaCell, parseDateCell, parsePhone, parseYesNo, unneutraliseFormula } from './cells';
import { choiceLabel, findColumn, COMPOUND_COLUMNS, COOPERATIVE_COLUMNS, normaliseHeader, parseChoice, UNIT_KIND_LABELS, AREA_SOURCE_LABELS } from './columns';

describe('roll cells', () => {
  it('reads 是/否 in the ways staff write them', () => {
    for (const yes of ['是', ' 是 ', 'Y', 'yes', 'TRUE', '1', '√', '✓']) expect(parseYesNo(yes)).toBe(true);
    for (const no of ['否', 'n', 'No', 'false', '0', '×']) expect(parseYesNo(no)).toBe(false);
    expect(parseYesNo('')).toBeNull();
    expect(parseYesNo('也许')).toBeUndefined();
  });

  it('reads mainland mobile numbers with spaces, dashes, +86 or full-width digits', () => {
    expect(parsePhone('13800000001')).toBe('13800000001');
    expect(parsePhone('138 0000 0001')).toBe('13800000001');
    expect(parsePhone('+86 138-0000-0001')).toBe('13800000001');
    expect(parsePhone('１３８００００００01')).toBe('13800000001');
    expect(parsePhone('12800000001')).toBeUndefined();
    expect(parsePhone('0757-86223344')).toBeUndefined();
  });

  it('reads dates in the common Chinese ways, and refuses days that do not exist', () => {
    for (const text of ['1980-01-31', '1980/1/31', '1980.01.31', '19800131', '1980年1月31日']) expect(parseDateCell({ text })).toBe('1980-01-31');
    expect(parseDateCell({ text: '2000-02-29' })).toBe('2000-02-29');
    expect(parseDateCell({ text: '1900-02-29' })).toBeUndefined();
    expect(parseDateCell({ text: '1980-13-01' })).toBeUndefined();
    expect(parseDateCell({ text: '31/01/1980' })).toBeUndefined();
    expect(parseDateCell({ text: '1980-01-31', date: '1980-01-31' })).toBe('1980-01-31');
  });

  it('reads areas through libs/domain: at most two decimals, above zero, unit suffixes allowed', () => {
    expect(parseAreaCell('89.56')).toBe(8956);
    expect(parseAreaCell('89.5')).toBe(8950);
    expect(parseAreaCell('1,089.05')).toBe(108905);
    expect(parseAreaCell('89.56㎡')).toBe(8956);
    expect(parseAreaCell('89.56 平方米')).toBe(8956);
    expect(parseAreaCell('89.567')).toBeUndefined();
    expect(parseAreaCell('0')).toBeUndefined();
    expect(parseAreaCell('-5')).toBeUndefined();
    expect(parseAreaCell('2000000')).toBeUndefined();
    expect(formatAreaPlain(8956)).toBe('89.56');
    expect(formatAreaPlain(601250)).toBe('6012.50');
    expect(formatAreaPlain(5)).toBe('0.05');
  });

  it('neutralises formulas on the way out and undoes exactly that on the way in', () => {
    for (const dangerous of ['=1+1', '+86', '-1', '@SUM(A1)', '\tx', '\rx']) {
      expect(neutraliseFormula(dangerous)).toBe(`'${dangerous}`);
      expect(unneutraliseFormula(neutraliseFormula(dangerous))).toBe(dangerous);
    }
    expect(neutraliseFormula('陈大文')).toBe('陈大文');
    expect(unneutraliseFormula("'quoted")).toBe("'quoted");
    expect(cellText({ text: "  '=1+1 " })).toBe('=1+1');
  });

  it('recognises headers in Chinese, with hints and marks, and in English', () => {
    expect(normaliseHeader('面积（㎡）*')).toBe('面积');
    expect(findColumn(COMPOUND_COLUMNS, '面积（㎡）')?.key).toBe('area');
    expect(findColumn(COOPERATIVE_COLUMNS, '身份证号后四位')?.key).toBe('idNumber');
    expect(findColumn(COOPERATIVE_COLUMNS, 'Birth Date')?.key).toBe('birthDate');
    expect(findColumn(COOPERATIVE_COLUMNS, 'household_number')?.key).toBe('householdNumber');
    expect(findColumn(COMPOUND_COLUMNS, 'Designated voter')?.key).toBe('designatedVoter');
    expect(findColumn(COMPOUND_COLUMNS, '备注')).toBeUndefined();
    expect(parseChoice(UNIT_KIND_LABELS, '停车位')).toBe('parking');
    expect(parseChoice(AREA_SOURCE_LABELS, 'Register')).toBe('register');
    expect(choiceLabel(UNIT_KIND_LABELS, 'shop')).toBe('商铺');
  });
});
