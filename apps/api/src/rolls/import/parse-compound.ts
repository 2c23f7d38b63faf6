import type { AreaSource, ExclusiveUnitKind } from '@yishi/contracts';
import { parseAreaCell } from './cells';
import type { CompoundColumn } from './columns';
import { AREA_SOURCE_LABELS, choiceList, parseChoice, RELATION_LABELS, UNIT_KIND_LABELS } from './columns';
import type { CompoundPlan, PlanId, PlanOwner, PlanOwnership, PlanTenant, PlanUnit } from './plan';
import type { Table, TableRow } from './read-table';
import type { ParseContext, ParseResult } from './sheet';
import { Sheet } from './sheet';

interface Row {
  row: number;
  building: string | null;
  number: string;
  kind?: ExclusiveUnitKind;
  areaCentiM2?: number;
  areaSource?: AreaSource;
  relation?: 'owner' | 'tenant';
  name: string;
  id?: PlanId | null;
  phone?: string | null;
  developer: boolean;
  designatedVoter: boolean | null;
}

/**
 * Which rows of a compound file are the same owner: the developer is one owner; otherwise the
 * same identity number; with only the last four (an exported file), the same name and last
 * four; with no identity number, the same name and phone.
 */
export function ownerKey(row: { developer: boolean; name: string; id?: PlanId | null; phone?: string | null }): string {
  if (row.developer) return 'developer';
  if (row.id?.kind === 'full') return `id:${row.id.hash}`;
  // JSON, not a control character, as separator: the key is stored in a jsonb plan.
  if (row.id?.kind === 'last4') return `l4:${JSON.stringify([row.name, row.id.last4])}`;
  return `np:${JSON.stringify([row.name, row.phone ?? ''])}`;
}

/**
 * A compound's roll file → buildings, exclusive units, owners and their units, tenants. One
 * row per person and unit: a co-owned unit has a row per co-owner, an owner of several units a
 * row per unit, a tenant a row. Unit columns repeat on each row of the unit and must agree.
 */
export function parseCompoundTable(table: Table, context: ParseContext): ParseResult<CompoundPlan> {
  const opened = Sheet.open<CompoundColumn>(table, 'compound');
  if (!(opened instanceof Sheet)) return { plan: null, dataRows: 0, ...opened };
  const sheet = opened;

  const rows: Row[] = [];
  for (const row of sheet.rows) {
    const relation = choice(sheet, row, 'relation', RELATION_LABELS);
    const developer = sheet.yesNo(row, 'developer', false) ?? false;
    // Tenants are listed without identity numbers: theirs is neither checked nor kept.
    const idCell = relation === 'tenant' ? (sheet.text(row, 'idNumber') ? 'ignored' : null) : sheet.idNumber(row, 'idNumber', context);
    const parsed: Row = {
      row: row.row,
      building: sheet.text(row, 'building', { max: 50, identifier: true }) || null,
      number: sheet.text(row, 'number', { required: true, max: 50, identifier: true }),
      kind: choice(sheet, row, 'kind', UNIT_KIND_LABELS),
      areaCentiM2: area(sheet, row),
      areaSource: choice(sheet, row, 'areaSource', AREA_SOURCE_LABELS),
      relation,
      name: sheet.text(row, 'name', { required: true, max: 100 }),
      id: idCell === false || idCell === 'ignored' ? undefined : idCell === null || idCell === undefined ? idCell : idCell.id,
      phone: ((p) => (p === false ? undefined : p))(sheet.phone(row, 'phone')),
      developer,
      designatedVoter: sheet.yesNo(row, 'designatedVoter', null) ?? null,
    };
    if (developer && relation === 'tenant') sheet.report(row, 'relation', 'DEVELOPER_NOT_OWNER');
    if (developer && parsed.id) {
      sheet.report(row, 'idNumber', 'DEVELOPER_WITH_ID_NUMBER');
    }
    if (relation === 'tenant') {
      if (idCell === 'ignored') sheet.report(row, 'idNumber', 'TENANT_ID_IGNORED');
      if (parsed.designatedVoter) sheet.report(row, 'designatedVoter', 'TENANT_CANNOT_VOTE');
    }
    rows.push(parsed);
  }

  // Units: every row of a unit agrees on its building, kind, area and area source (each taken
  // from the first row that gives it validly, so one bad cell does not hide the other rules).
  interface UnitDraft {
    number: string;
    rows: number[];
    first: Row;
    owners: Row[];
    tenants: Row[];
    values: Partial<Record<'building' | 'kind' | 'area' | 'areaSource', { value: unknown; row: number }>>;
  }
  const units = new Map<string, UnitDraft>();
  for (const r of rows) {
    if (!r.number) continue;
    const unit = units.get(r.number) ?? { number: r.number, rows: [], first: r, owners: [], tenants: [], values: {} };
    units.set(r.number, unit);
    unit.rows.push(r.row);
    const given: [CompoundColumn & keyof UnitDraft['values'], unknown][] = [
      ['building', r.building],
      ['kind', r.kind],
      ['area', r.areaCentiM2],
      ['areaSource', r.areaSource],
    ];
    for (const [column, value] of given) {
      if (value === undefined) continue;
      const seen = unit.values[column];
      if (!seen) unit.values[column] = { value, row: r.row };
      else if (seen.value !== value) sheet.report(r.row, column, 'INCONSISTENT_UNIT', { unit: r.number, other: seen.row });
    }
    if (r.relation === 'owner' && r.name) unit.owners.push(r);
    if (r.relation === 'tenant' && r.name) unit.tenants.push(r);
  }

  // The developer: one name, marked on every row of that name, sole owner of its units.
  const developerRow = rows.find((r) => r.developer && r.relation === 'owner' && r.name);
  if (developerRow) {
    for (const r of rows) {
      if (r.developer && r.relation === 'owner' && r.name && r.name !== developerRow.name) {
        sheet.report(r.row, 'name', 'DEVELOPER_NAME_MISMATCH', { other: developerRow.row, name: developerRow.name });
      }
      if (!r.developer && r.relation === 'owner' && r.name === developerRow.name) {
        sheet.report(r.row, 'developer', 'DEVELOPER_MARKED_AS_PERSON', { name: r.name, other: developerRow.row });
      }
    }
  }

  // Owners: rows grouped by ownerKey; a person with an identity number has one name and phone.
  const owners = new Map<string, PlanOwner & { first: Row; phoneRow?: Row }>();
  for (const r of rows) {
    if (r.relation !== 'owner' || !r.name) continue;
    const key = ownerKey(r);
    const owner = owners.get(key);
    if (!owner) {
      owners.set(key, {
        key,
        developer: r.developer,
        name: r.name,
        ...(r.phone === undefined ? {} : { phone: r.phone }),
        ...(r.id === undefined ? {} : { id: r.id }),
        rows: [r.row],
        units: r.number ? [r.number] : [],
        first: r,
        phoneRow: r.phone ? r : undefined,
      });
      continue;
    }
    owner.rows.push(r.row);
    if (r.number && !owner.units.includes(r.number)) owner.units.push(r.number);
    if (key.startsWith('id:') && r.name !== owner.name) {
      sheet.report(r.row, 'name', 'INCONSISTENT_PERSON', { other: owner.first.row });
    }
    if (r.phone) {
      if (owner.phone && owner.phone !== r.phone) sheet.report(r.row, 'phone', 'INCONSISTENT_PERSON', { other: owner.phoneRow!.row });
      else if (!owner.phone) {
        owner.phone = r.phone;
        owner.phoneRow = r;
      }
    }
  }
  for (const owner of owners.values()) {
    if (owner.key.startsWith('np:') && !owner.phone && owner.rows.length > 1) {
      sheet.report(owner.rows[0]!, 'name', 'SAME_NAME_MERGED', { name: owner.name, rows: owner.rows.join('、'), count: owner.units.length });
    }
  }

  // Who owns and who rents each unit.
  const ownerships: PlanOwnership[] = [];
  const tenants: PlanTenant[] = [];
  for (const unit of units.values()) {
    if (unit.owners.length === 0) {
      sheet.report(unit.first.row, 'relation', 'UNIT_WITHOUT_OWNER', { unit: unit.number });
      continue;
    }
    const seen = new Map<string, Row>();
    for (const r of unit.owners) {
      const key = ownerKey(r);
      const first = seen.get(key);
      if (first) sheet.report(r.row, 'name', 'DUPLICATE_OWNERSHIP', { unit: unit.number, other: first.row });
      else seen.set(key, r);
    }
    const distinct = [...seen.values()];
    const developer = distinct.find((r) => r.developer);
    if (developer && distinct.length > 1) {
      for (const r of distinct.filter((x) => !x.developer)) sheet.report(r.row, 'developer', 'DEVELOPER_CO_OWNED', { unit: unit.number });
    } else if (distinct.length === 1) {
      const sole = distinct[0]!;
      if (sole.designatedVoter === false) sheet.report(sole.row, 'designatedVoter', 'SOLE_OWNER_NOT_VOTER', { unit: unit.number });
      ownerships.push({ row: sole.row, unitNumber: unit.number, ownerKey: ownerKey(sole), isDesignatedVoter: true });
    } else {
      const voters = distinct.filter((r) => r.designatedVoter === true);
      if (voters.length !== 1) {
        sheet.report(voters[1]?.row ?? distinct[0]!.row, 'designatedVoter', 'DESIGNATED_VOTER_COUNT', { unit: unit.number, owners: distinct.length, count: voters.length });
      }
      for (const r of distinct) ownerships.push({ row: r.row, unitNumber: unit.number, ownerKey: ownerKey(r), isDesignatedVoter: r.designatedVoter === true });
    }
    const tenantNames = new Map<string, Row>();
    for (const r of unit.tenants) {
      const first = tenantNames.get(r.name);
      if (first) {
        sheet.report(r.row, 'name', 'DUPLICATE_TENANT', { unit: unit.number, name: r.name, other: first.row });
        continue;
      }
      tenantNames.set(r.name, r);
      tenants.push({ row: r.row, unitNumber: unit.number, name: r.name, ...(r.phone === undefined ? {} : { phone: r.phone }) });
    }
  }

  const problems = sheet.sorted(sheet.problems);
  const warnings = sheet.sorted(sheet.warnings);
  if (problems.length > 0) return { plan: null, dataRows: sheet.rows.length, problems, warnings };
  const planUnits: PlanUnit[] = [...units.values()].map((u) => ({
    number: u.number,
    building: (u.values.building?.value as string | null | undefined) ?? null,
    kind: u.values.kind!.value as ExclusiveUnitKind,
    areaCentiM2: u.values.area!.value as number,
    areaSource: u.values.areaSource!.value as AreaSource,
    rows: u.rows,
  }));
  const buildings = [...new Set(planUnits.map((u) => u.building).filter((b): b is string => b !== null))];
  return {
    plan: {
      kind: 'compound',
      buildings,
      units: planUnits,
      owners: [...owners.values()].map(({ first: _f, phoneRow: _p, ...owner }) => owner),
      ownerships,
      tenants,
    },
    dataRows: sheet.rows.length,
    problems,
    warnings,
  };
}

function choice<K extends string>(sheet: Sheet<CompoundColumn>, row: TableRow, key: CompoundColumn, labels: Record<K, readonly string[]>): K | undefined {
  const text = sheet.text(row, key, { required: true });
  if (text === '') return undefined;
  const value = parseChoice(labels, text);
  if (!value) sheet.report(row, key, 'INVALID_CHOICE', { choices: choiceList(labels), value: text });
  return value;
}

function area(sheet: Sheet<CompoundColumn>, row: TableRow): number | undefined {
  const text = sheet.text(row, 'area', { required: true });
  if (text === '') return undefined;
  const value = parseAreaCell(text);
  if (value === undefined) sheet.report(row, 'area', 'INVALID_AREA', { value: text });
  return value;
}
