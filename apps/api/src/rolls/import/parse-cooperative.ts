import { hasFullCivilCapacityByAge } from '@yishi/domain';
import { parseDateCell } from './cells';
import type { CooperativeColumn } from './columns';
import type { CooperativePlan, PlanHousehold, PlanMember } from './plan';
import type { Table, TableRow } from './read-table';
import type { ParseContext, ParseResult } from './sheet';
import { Sheet } from './sheet';

/**
 * A cooperative's roll file → households and members, checking every cell and then the rules
 * across rows: one person per row, exactly one head and one household representative per
 * household, representatives of age, one address per household.
 */
export function parseCooperativeTable(table: Table, context: ParseContext): ParseResult<CooperativePlan> {
  const opened = Sheet.open<CooperativeColumn>(table, 'cooperative');
  if (!(opened instanceof Sheet)) return { plan: null, dataRows: 0, ...opened };
  const sheet = opened;

  interface Parsed extends PlanMember {
    ok: boolean;
    address: string | null | undefined;
  }
  const parsed: Parsed[] = [];
  for (const row of sheet.rows) {
    const before = sheet.problems.length;
    const householdNumber = sheet.text(row, 'householdNumber', { required: true, max: 50, identifier: true });
    const address = sheet.has('address') ? sheet.text(row, 'address', { max: 200 }) || null : undefined;
    const name = sheet.text(row, 'name', { required: true, max: 50 });
    const birthDate = birth(sheet, row, context.today);
    const id = sheet.idNumber(row, 'idNumber', context);
    if (id && id.birthDate && birthDate && id.birthDate !== birthDate) {
      sheet.report(row, 'birthDate', 'ID_BIRTH_DATE_MISMATCH', { date: id.birthDate });
    }
    const member: Parsed = {
      row: row.row,
      householdNumber,
      name,
      birthDate: birthDate ?? '',
      isHouseholdHead: sheet.yesNo(row, 'isHouseholdHead', false) ?? false,
      isHouseholdRepresentative: sheet.yesNo(row, 'isHouseholdRepresentative', false) ?? false,
      isMemberRepresentative: sheet.yesNo(row, 'isMemberRepresentative', false),
      phone: orUndefined(sheet.phone(row, 'phone')),
      id: id === false ? undefined : id === null || id === undefined ? id : id.id,
      address,
      ok: false,
    };
    member.ok = sheet.problems.length === before;
    parsed.push(member);
  }

  // One person per row: the same identity number, or the same household, name and birth date.
  const byHash = new Map<string, Parsed>();
  const byPerson = new Map<string, Parsed>();
  for (const m of parsed) {
    if (m.id?.kind === 'full') {
      const first = byHash.get(m.id.hash);
      if (first) sheet.report(m.row, 'idNumber', 'DUPLICATE_ID_NUMBER', { other: first.row });
      else byHash.set(m.id.hash, m);
    }
    if (m.householdNumber && m.name && m.birthDate) {
      const key = `${m.householdNumber}\u0000${m.name}\u0000${m.birthDate}`;
      const first = byPerson.get(key);
      if (first) sheet.report(m.row, 'name', 'DUPLICATE_PERSON', { other: first.row });
      else byPerson.set(key, m);
    }
    for (const [flag, role, roleEn] of [
      ['isHouseholdRepresentative', '户代表', 'household representative'],
      ['isMemberRepresentative', '成员代表', 'member representative'],
    ] as const) {
      if (m[flag] && m.birthDate && !hasFullCivilCapacityByAge(m.birthDate, context.today)) {
        sheet.report(m.row, flag, 'REPRESENTATIVE_NOT_OF_AGE', { role, roleEn });
      }
    }
  }

  // Households: their rows, one address, one head, one representative.
  const households = new Map<string, PlanHousehold & { members: Parsed[] }>();
  for (const m of parsed) {
    if (!m.householdNumber) continue;
    const h = households.get(m.householdNumber) ?? { number: m.householdNumber, rows: [], members: [], ...(m.address === undefined ? {} : { address: null }) };
    h.rows.push(m.row);
    h.members.push(m);
    if (m.address) {
      if (h.address && h.address !== m.address) {
        sheet.report(m.row, 'address', 'INCONSISTENT_HOUSEHOLD', { household: h.number, other: h.members.find((x) => x.address === h.address)!.row });
      } else {
        h.address = m.address;
      }
    }
    households.set(m.householdNumber, h);
  }
  for (const h of households.values()) {
    for (const [flag, code] of [
      ['isHouseholdHead', 'HOUSEHOLD_HEAD_COUNT'],
      ['isHouseholdRepresentative', 'HOUSEHOLD_REPRESENTATIVE_COUNT'],
    ] as const) {
      const marked = h.members.filter((m) => m[flag]);
      if (marked.length === 1) continue;
      const at = marked.length === 0 ? [h.members[0]!] : marked.slice(1);
      for (const m of at) sheet.report(m.row, flag, code, { household: h.number, count: marked.length });
    }
  }

  const problems = sheet.sorted(sheet.problems);
  const warnings = sheet.sorted(sheet.warnings);
  if (problems.length > 0) return { plan: null, dataRows: sheet.rows.length, problems, warnings };
  return {
    plan: {
      kind: 'cooperative',
      households: [...households.values()].map(({ number, address, rows }) => (address === undefined ? { number, rows } : { number, address, rows })),
      members: parsed.map(({ ok: _ok, address: _address, ...m }) => m),
    },
    dataRows: sheet.rows.length,
    problems,
    warnings,
  };
}

function birth(sheet: Sheet<CooperativeColumn>, row: TableRow, today: string): string | null {
  const text = sheet.text(row, 'birthDate', { required: true });
  if (text === '' && !sheet.cell(row, 'birthDate')?.date) return null;
  const date = parseDateCell(sheet.cell(row, 'birthDate'));
  if (!date) {
    sheet.report(row, 'birthDate', 'INVALID_DATE', { value: text });
    return null;
  }
  if (date > today || date < '1900-01-01') {
    sheet.report(row, 'birthDate', 'INVALID_BIRTH_DATE', { value: date });
    return null;
  }
  return date;
}

function orUndefined<T>(value: T | false): T | undefined {
  return value === false ? undefined : value;
}
