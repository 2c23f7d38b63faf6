import type { AreaSource, ExclusiveUnitKind } from '@yishi/contracts';
import type { OwnerKind, RollKind } from '../roll-kinds';
import type { CompoundPlan, CooperativePlan, PlanId, PlanMember, PlanOwner } from './plan';
import type { RollProblem } from './problems';
import { problem } from './problems';

/*
 * Matching a file to the current roll, and what applying it would change. Pure: the current
 * roll comes in as plain rows, the result goes to the preview, the audit trail and the writer.
 *
 * Who is who across imports (a person keeps their row, so their account link, invitation and
 * history stay with them):
 *  - households by 户号, buildings by name, exclusive units by 房号: these are their identities.
 *  - members: the same identity number (its keyed hash); else the same household, name and
 *    birth date; else, having moved household, the same name and birth date (unique, and not
 *    holding another identity number). An exported file's last four match the person with the
 *    same household, name and birth date (or name and birth date) whose last four they are.
 *  - owners: the developer is the developer; the same identity number; with only the last four,
 *    the same name and last four; else the same name and phone; else the same name among the
 *    owners of one of the row's units. A person changing name without an identity number on
 *    the roll is therefore a new person (the old entry is removed).
 *  - ownerships by unit and owner, tenants by unit and name.
 * An empty or missing identity-number cell keeps the stored hash: an import never erases one.
 */

export interface LinkState {
  /** An account is linked (实名). */
  linked: boolean;
  /** A letter with a live invitation code is out. */
  liveInvitation: boolean;
}

export interface CurrentHousehold {
  id: string;
  number: string;
  address: string | null;
}
export interface CurrentMember extends LinkState {
  id: string;
  householdId: string;
  name: string;
  birthDate: string;
  isHouseholdHead: boolean;
  isHouseholdRepresentative: boolean;
  isMemberRepresentative: boolean;
  phone: string | null;
  idNumberHash: string | null;
  idLast4: string | null;
}
export interface CurrentCooperative {
  kind: 'cooperative';
  households: CurrentHousehold[];
  members: CurrentMember[];
}

export interface CurrentBuilding {
  id: string;
  name: string;
}
export interface CurrentUnit {
  id: string;
  number: string;
  buildingId: string | null;
  kind: ExclusiveUnitKind;
  areaCentiM2: number;
  areaSource: AreaSource;
}
export interface CurrentOwner extends LinkState {
  id: string;
  kind: OwnerKind;
  name: string;
  phone: string | null;
  idNumberHash: string | null;
  idLast4: string | null;
}
export interface CurrentOwnership {
  id: string;
  exclusiveUnitId: string;
  ownerId: string;
  isDesignatedVoter: boolean;
}
export interface CurrentTenant extends LinkState {
  id: string;
  exclusiveUnitId: string;
  name: string;
  phone: string | null;
}
export interface CurrentCompound {
  kind: 'compound';
  buildings: CurrentBuilding[];
  units: CurrentUnit[];
  owners: CurrentOwner[];
  ownerships: CurrentOwnership[];
  tenants: CurrentTenant[];
}

export type CurrentRoll = CurrentCooperative | CurrentCompound;

export interface Added<V> {
  label: string;
  values: V;
}
export interface Changed<V> {
  id: string;
  label: string;
  /** Changed fields only (identity-number hashes left out). */
  before: Partial<V>;
  after: Partial<V>;
  fields: string[];
  values: V;
}
export interface Removed<V> {
  id: string;
  label: string;
  values: V;
  link?: LinkState;
}
export interface KindDiff<V> {
  add: Added<V>[];
  change: Changed<V>[];
  remove: Removed<V>[];
  unchanged: number;
}

export interface HouseholdValues {
  number: string;
  address: string | null;
}
export interface MemberValues {
  householdNumber: string;
  name: string;
  birthDate: string;
  isHouseholdHead: boolean;
  isHouseholdRepresentative: boolean;
  isMemberRepresentative: boolean;
  phone: string | null;
  idNumberHash: string | null;
  idLast4: string | null;
}
export interface BuildingValues {
  name: string;
}
export interface UnitValues {
  number: string;
  buildingName: string | null;
  kind: ExclusiveUnitKind;
  areaCentiM2: number;
  areaSource: AreaSource;
}
export interface OwnerValues {
  key: string;
  kind: OwnerKind;
  name: string;
  phone: string | null;
  idNumberHash: string | null;
  idLast4: string | null;
}
export interface OwnershipValues {
  unitNumber: string;
  ownerKey: string;
  ownerName: string;
  isDesignatedVoter: boolean;
}
export interface TenantValues {
  unitNumber: string;
  name: string;
  phone: string | null;
}

export interface CooperativeDiff {
  kind: 'cooperative';
  households: KindDiff<HouseholdValues>;
  members: KindDiff<MemberValues>;
  /** Current household ids by number, for households that stay. */
  householdIds: Map<string, string>;
}

export interface CompoundDiff {
  kind: 'compound';
  buildings: KindDiff<BuildingValues>;
  units: KindDiff<UnitValues>;
  owners: KindDiff<OwnerValues>;
  ownerships: KindDiff<OwnershipValues>;
  tenants: KindDiff<TenantValues>;
  buildingIds: Map<string, string>;
  unitIds: Map<string, string>;
  /** Current owner ids by the file's owner key. */
  ownerIds: Map<string, string>;
}

export type RollDiff = CooperativeDiff | CompoundDiff;

export interface DiffResult<D> {
  diff: D;
  problems: RollProblem[];
}

const ID_COLUMN = '身份证号';

function emptyDiff<V>(): KindDiff<V> {
  return { add: [], change: [], remove: [], unchanged: 0 };
}

/**
 * Compares `values` with `current` field by field; records a change or counts it unchanged.
 * A new identity number shows as the field `idNumber` (and its last four); the hash never does.
 */
function compare<V extends object>(diff: KindDiff<V>, id: string, label: string, current: V, values: V): void {
  const before: Partial<V> = {};
  const after: Partial<V> = {};
  const fields: string[] = [];
  for (const key of Object.keys(values) as (keyof V & string)[]) {
    if (current[key] === values[key]) continue;
    if (key === 'idNumberHash') {
      fields.push('idNumber');
      continue;
    }
    before[key] = current[key];
    after[key] = values[key];
    if (key !== 'idLast4') fields.push(key);
  }
  if (fields.length === 0) diff.unchanged += 1;
  else diff.change.push({ id, label, before, after, fields, values });
}

function nextId(id: PlanId | null | undefined, current: { idNumberHash: string | null; idLast4: string | null } | null): { idNumberHash: string | null; idLast4: string | null } {
  if (id?.kind === 'full') return { idNumberHash: id.hash, idLast4: id.last4 };
  return current ? { idNumberHash: current.idNumberHash, idLast4: current.idLast4 } : { idNumberHash: null, idLast4: null };
}

function pick<T>(value: T | undefined, current: T): T {
  return value === undefined ? current : value;
}

// --- Cooperative ---------------------------------------------------------------------------

export function diffCooperative(plan: CooperativePlan, current: CurrentCooperative): DiffResult<CooperativeDiff> {
  const problems: RollProblem[] = [];
  const households = emptyDiff<HouseholdValues>();
  const members = emptyDiff<MemberValues>();
  const householdIds = new Map<string, string>();

  const currentHouseholds = new Map(current.households.map((h) => [h.number, h]));
  const householdNumber = new Map(current.households.map((h) => [h.id, h.number]));
  for (const h of plan.households) {
    const cur = currentHouseholds.get(h.number);
    if (!cur) {
      households.add.push({ label: h.number, values: { number: h.number, address: h.address ?? null } });
      continue;
    }
    householdIds.set(h.number, cur.id);
    compare(households, cur.id, h.number, { number: cur.number, address: cur.address }, { number: h.number, address: pick(h.address, cur.address) });
  }
  const keptHouseholds = new Set(plan.households.map((h) => h.number));
  for (const h of current.households) {
    if (!keptHouseholds.has(h.number)) households.remove.push({ id: h.id, label: h.number, values: { number: h.number, address: h.address } });
  }

  // Matching, pass by pass; a current member is matched at most once.
  const free = new Map(current.members.map((m) => [m.id, m]));
  const matched = new Map<PlanMember, CurrentMember>();
  const take = (m: PlanMember, cur: CurrentMember): void => {
    matched.set(m, cur);
    free.delete(cur.id);
  };
  const freeWhere = (test: (c: CurrentMember) => boolean): CurrentMember[] => [...free.values()].filter(test);
  const sameNatural = (m: PlanMember) => (c: CurrentMember) =>
    householdNumber.get(c.householdId) === m.householdNumber && c.name === m.name && c.birthDate === m.birthDate;

  for (const m of plan.members) {
    if (m.id?.kind !== 'full') continue;
    const hash = m.id.hash;
    const [cur] = freeWhere((c) => c.idNumberHash === hash);
    if (cur) take(m, cur);
  }
  for (const m of plan.members) {
    if (m.id?.kind !== 'last4') continue;
    const last4 = m.id.last4;
    const [natural] = freeWhere(sameNatural(m));
    if (natural) {
      if (natural.idLast4 === last4) take(m, natural);
      else problems.push(problem('ID_LAST4_MISMATCH', m.row, ID_COLUMN, { name: m.name }));
      continue;
    }
    const candidates = freeWhere((c) => c.name === m.name && c.birthDate === m.birthDate && c.idLast4 === last4);
    if (candidates.length === 1) take(m, candidates[0]!);
    else if (candidates.length > 1) problems.push(problem('PERSON_AMBIGUOUS', m.row, ID_COLUMN, { name: m.name }));
    else problems.push(problem('ID_LAST4_UNKNOWN', m.row, ID_COLUMN, { name: m.name, last4 }));
  }
  for (const m of plan.members) {
    if (matched.has(m) || m.id?.kind === 'last4') continue;
    const [natural] = freeWhere(sameNatural(m));
    if (natural) take(m, natural);
  }
  for (const m of plan.members) {
    if (matched.has(m) || m.id?.kind === 'last4') continue;
    const full = m.id?.kind === 'full';
    const moved = freeWhere((c) => c.name === m.name && c.birthDate === m.birthDate && (!full || c.idNumberHash === null));
    if (moved.length === 1) take(m, moved[0]!);
  }

  for (const m of plan.members) {
    const label = `${m.householdNumber} ${m.name}`;
    const cur = matched.get(m);
    if (!cur) {
      members.add.push({
        label,
        values: {
          householdNumber: m.householdNumber,
          name: m.name,
          birthDate: m.birthDate,
          isHouseholdHead: m.isHouseholdHead,
          isHouseholdRepresentative: m.isHouseholdRepresentative,
          isMemberRepresentative: m.isMemberRepresentative ?? false,
          phone: m.phone ?? null,
          ...nextId(m.id, null),
        },
      });
      continue;
    }
    const currentValues = memberValues(cur, householdNumber.get(cur.householdId)!);
    compare(members, cur.id, label, currentValues, {
      householdNumber: m.householdNumber,
      name: m.name,
      birthDate: m.birthDate,
      isHouseholdHead: m.isHouseholdHead,
      isHouseholdRepresentative: m.isHouseholdRepresentative,
      isMemberRepresentative: pick(m.isMemberRepresentative, cur.isMemberRepresentative),
      phone: pick(m.phone, cur.phone),
      ...nextId(m.id, cur),
    });
  }
  for (const cur of free.values()) {
    const number = householdNumber.get(cur.householdId)!;
    members.remove.push({ id: cur.id, label: `${number} ${cur.name}`, values: memberValues(cur, number), link: { linked: cur.linked, liveInvitation: cur.liveInvitation } });
  }
  return { diff: { kind: 'cooperative', households, members, householdIds }, problems };
}

function memberValues(m: CurrentMember, householdNumber: string): MemberValues {
  return {
    householdNumber,
    name: m.name,
    birthDate: m.birthDate,
    isHouseholdHead: m.isHouseholdHead,
    isHouseholdRepresentative: m.isHouseholdRepresentative,
    isMemberRepresentative: m.isMemberRepresentative,
    phone: m.phone,
    idNumberHash: m.idNumberHash,
    idLast4: m.idLast4,
  };
}

// --- Compound ------------------------------------------------------------------------------

export function diffCompound(plan: CompoundPlan, current: CurrentCompound): DiffResult<CompoundDiff> {
  const problems: RollProblem[] = [];
  const buildings = emptyDiff<BuildingValues>();
  const units = emptyDiff<UnitValues>();
  const owners = emptyDiff<OwnerValues>();
  const ownerships = emptyDiff<OwnershipValues>();
  const tenants = emptyDiff<TenantValues>();
  const buildingIds = new Map<string, string>();
  const unitIds = new Map<string, string>();
  const ownerIds = new Map<string, string>();

  // Buildings by name.
  const buildingName = new Map(current.buildings.map((b) => [b.id, b.name]));
  const currentBuildings = new Map(current.buildings.map((b) => [b.name, b]));
  for (const name of plan.buildings) {
    const cur = currentBuildings.get(name);
    if (cur) {
      buildingIds.set(name, cur.id);
      buildings.unchanged += 1;
    } else {
      buildings.add.push({ label: name, values: { name } });
    }
  }
  const keptBuildings = new Set(plan.buildings);
  for (const b of current.buildings) if (!keptBuildings.has(b.name)) buildings.remove.push({ id: b.id, label: b.name, values: { name: b.name } });

  // Exclusive units by number.
  const unitNumber = new Map(current.units.map((u) => [u.id, u.number]));
  const currentUnits = new Map(current.units.map((u) => [u.number, u]));
  const unitValues = (u: CurrentUnit): UnitValues => ({
    number: u.number,
    buildingName: u.buildingId ? (buildingName.get(u.buildingId) ?? null) : null,
    kind: u.kind,
    areaCentiM2: u.areaCentiM2,
    areaSource: u.areaSource,
  });
  for (const u of plan.units) {
    const values: UnitValues = { number: u.number, buildingName: u.building, kind: u.kind, areaCentiM2: u.areaCentiM2, areaSource: u.areaSource };
    const cur = currentUnits.get(u.number);
    if (!cur) {
      units.add.push({ label: u.number, values });
      continue;
    }
    unitIds.set(u.number, cur.id);
    compare(units, cur.id, u.number, unitValues(cur), values);
  }
  const keptUnits = new Set(plan.units.map((u) => u.number));
  for (const u of current.units) if (!keptUnits.has(u.number)) units.remove.push({ id: u.id, label: u.number, values: unitValues(u) });

  // Owners: pass by pass, a current owner matched at most once.
  const ownedUnits = new Map<string, Set<string>>();
  for (const s of current.ownerships) {
    const set = ownedUnits.get(s.ownerId) ?? new Set<string>();
    set.add(unitNumber.get(s.exclusiveUnitId) ?? '');
    ownedUnits.set(s.ownerId, set);
  }
  const free = new Map(current.owners.map((o) => [o.id, o]));
  const matched = new Map<PlanOwner, CurrentOwner>();
  const take = (o: PlanOwner, cur: CurrentOwner): void => {
    matched.set(o, cur);
    free.delete(cur.id);
  };
  const freePersons = (test: (c: CurrentOwner) => boolean): CurrentOwner[] => [...free.values()].filter((c) => c.kind === 'person' && test(c));
  const unresolved = new Set<PlanOwner>();

  for (const o of plan.owners) {
    if (o.developer) {
      const cur = [...free.values()].find((c) => c.kind === 'developer');
      if (cur) take(o, cur);
    }
  }
  for (const o of plan.owners) {
    if (o.developer || o.id?.kind !== 'full') continue;
    const hash = o.id.hash;
    const [cur] = freePersons((c) => c.idNumberHash === hash);
    if (cur) take(o, cur);
  }
  for (const o of plan.owners) {
    if (o.developer || o.id?.kind !== 'last4') continue;
    const last4 = o.id.last4;
    const candidates = freePersons((c) => c.name === o.name && c.idLast4 === last4);
    if (candidates.length === 1) {
      take(o, candidates[0]!);
      continue;
    }
    unresolved.add(o);
    if (candidates.length > 1) {
      problems.push(problem('PERSON_AMBIGUOUS', o.rows[0]!, ID_COLUMN, { name: o.name }));
    } else if (freePersons((c) => c.name === o.name && o.units.some((n) => ownedUnits.get(c.id)?.has(n))).length > 0) {
      problems.push(problem('ID_LAST4_MISMATCH', o.rows[0]!, ID_COLUMN, { name: o.name }));
    } else {
      problems.push(problem('ID_LAST4_UNKNOWN', o.rows[0]!, ID_COLUMN, { name: o.name, last4 }));
    }
  }
  const fallbacks: ((o: PlanOwner) => (c: CurrentOwner) => boolean)[] = [
    (o) => (c) => c.name === o.name && (o.phone === undefined || c.phone === (o.phone ?? null)),
    (o) => (c) => c.name === o.name && o.units.some((n) => ownedUnits.get(c.id)?.has(n)),
  ];
  for (const test of fallbacks) {
    for (const o of plan.owners) {
      if (o.developer || matched.has(o) || unresolved.has(o)) continue;
      const full = o.id?.kind === 'full';
      const candidates = freePersons((c) => test(o)(c) && (!full || c.idNumberHash === null));
      if (candidates.length === 1) take(o, candidates[0]!);
    }
  }

  const ownerName = new Map(plan.owners.map((o) => [o.key, o.name]));
  for (const o of plan.owners) {
    const cur = matched.get(o);
    const kind: OwnerKind = o.developer ? 'developer' : 'person';
    if (!cur) {
      owners.add.push({ label: o.name, values: { key: o.key, kind, name: o.name, phone: o.phone ?? null, ...nextId(o.id, null) } });
      continue;
    }
    ownerIds.set(o.key, cur.id);
    compare(owners, cur.id, o.name, ownerValues(cur, o.key), { key: o.key, kind, name: o.name, phone: pick(o.phone, cur.phone), ...nextId(o.id, cur) });
  }
  for (const cur of free.values()) {
    owners.remove.push({ id: cur.id, label: cur.name, values: ownerValues(cur, ''), link: { linked: cur.linked, liveInvitation: cur.liveInvitation } });
  }

  // Ownerships by unit and owner.
  const currentOwnerships = new Map(current.ownerships.map((s) => [`${s.exclusiveUnitId}\u0000${s.ownerId}`, s]));
  const keptOwnerships = new Set<string>();
  const ownerById = new Map(current.owners.map((o) => [o.id, o]));
  for (const s of plan.ownerships) {
    const name = ownerName.get(s.ownerKey) ?? '';
    const values: OwnershipValues = { unitNumber: s.unitNumber, ownerKey: s.ownerKey, ownerName: name, isDesignatedVoter: s.isDesignatedVoter };
    const label = `${s.unitNumber} ${name}`;
    const unitId = unitIds.get(s.unitNumber);
    const ownerId = ownerIds.get(s.ownerKey);
    const cur = unitId && ownerId ? currentOwnerships.get(`${unitId}\u0000${ownerId}`) : undefined;
    if (!cur) {
      ownerships.add.push({ label, values });
      continue;
    }
    keptOwnerships.add(cur.id);
    compare(ownerships, cur.id, label, { ...values, ownerName: name, isDesignatedVoter: cur.isDesignatedVoter }, values);
  }
  for (const s of current.ownerships) {
    if (keptOwnerships.has(s.id)) continue;
    const name = ownerById.get(s.ownerId)?.name ?? '';
    const number = unitNumber.get(s.exclusiveUnitId) ?? '';
    ownerships.remove.push({ id: s.id, label: `${number} ${name}`, values: { unitNumber: number, ownerKey: '', ownerName: name, isDesignatedVoter: s.isDesignatedVoter } });
  }

  // Tenants by unit and name.
  const currentTenants = new Map(current.tenants.map((t) => [`${unitNumber.get(t.exclusiveUnitId)}\u0000${t.name}`, t]));
  const keptTenants = new Set<string>();
  for (const t of plan.tenants) {
    const label = `${t.unitNumber} ${t.name}`;
    const cur = unitIds.has(t.unitNumber) ? currentTenants.get(`${t.unitNumber}\u0000${t.name}`) : undefined;
    if (!cur) {
      tenants.add.push({ label, values: { unitNumber: t.unitNumber, name: t.name, phone: t.phone ?? null } });
      continue;
    }
    keptTenants.add(cur.id);
    compare(tenants, cur.id, label, { unitNumber: t.unitNumber, name: cur.name, phone: cur.phone }, { unitNumber: t.unitNumber, name: t.name, phone: pick(t.phone, cur.phone) });
  }
  for (const t of current.tenants) {
    if (keptTenants.has(t.id)) continue;
    const number = unitNumber.get(t.exclusiveUnitId) ?? '';
    tenants.remove.push({ id: t.id, label: `${number} ${t.name}`, values: { unitNumber: number, name: t.name, phone: t.phone }, link: { linked: t.linked, liveInvitation: t.liveInvitation } });
  }

  return { diff: { kind: 'compound', buildings, units, owners, ownerships, tenants, buildingIds, unitIds, ownerIds }, problems };
}

function ownerValues(o: CurrentOwner, key: string): OwnerValues {
  return { key, kind: o.kind, name: o.name, phone: o.phone, idNumberHash: o.idNumberHash, idLast4: o.idLast4 };
}

/** Added / changed / removed / unchanged per kind, in a fixed order. */
export function summarise(diff: RollDiff): { kind: RollKind; added: number; changed: number; removed: number; unchanged: number }[] {
  const parts: [RollKind, KindDiff<object>][] =
    diff.kind === 'cooperative'
      ? [
          ['household', diff.households],
          ['member', diff.members],
        ]
      : [
          ['building', diff.buildings],
          ['exclusive_unit', diff.units],
          ['owner', diff.owners],
          ['ownership', diff.ownerships],
          ['tenant', diff.tenants],
        ];
  return parts.map(([kind, d]) => ({ kind, added: d.add.length, changed: d.change.length, removed: d.remove.length, unchanged: d.unchanged }));
}

export function hasChanges(diff: RollDiff): boolean {
  return summarise(diff).some((k) => k.added + k.changed + k.removed > 0);
}
