import type { UnitKind } from '@yishi/contracts';
import type { EntityManager } from 'typeorm';
import { liveLetterSql, revokeLettersOf } from '../invitations/invitation-store';
import type { AuditRecord } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { Building } from './entities/building.entity';
import { ExclusiveUnit } from './entities/exclusive-unit.entity';
import { Household } from './entities/household.entity';
import { Member } from './entities/member.entity';
import { Owner } from './entities/owner.entity';
import { Ownership } from './entities/ownership.entity';
import { Tenant } from './entities/tenant.entity';
import type {
  Added,
  Changed,
  CompoundDiff,
  CooperativeDiff,
  CurrentCompound,
  CurrentCooperative,
  CurrentRoll,
  KindDiff,
  Removed,
  RollDiff,
} from './import/diff';
import type { RollKind } from './roll-kinds';

/**
 * The current roll of a unit (rows not removed), as the diff reads it. Queries run one after
 * the other: inside a transaction they share one connection.
 */
export async function loadCurrentRoll(m: EntityManager, unitId: string, kind: UnitKind): Promise<CurrentRoll> {
  if (kind === 'cooperative') {
    const households = await m.query<{ id: string; number: string; address: string | null }[]>(
      `SELECT id, number, address FROM household WHERE unit_id = $1 AND removed_revision_id IS NULL`,
      [unitId],
    );
    const members = await m.query<Record<string, unknown>[]>(
        `SELECT mb.id, mb.household_id, mb.name, mb.birth_date::text AS birth_date, mb.is_household_head, mb.is_household_representative,
                mb.is_member_representative, mb.phone, mb.id_number_hash, mb.id_last4, mb.user_id IS NOT NULL AS linked,
                ${liveLetterSql('member_id', 'mb')} AS live_invitation
           FROM member mb WHERE mb.unit_id = $1 AND mb.removed_revision_id IS NULL`,
      [unitId],
    );
    return {
      kind: 'cooperative',
      households,
      members: members.map((r) => ({
        id: r['id'] as string,
        householdId: r['household_id'] as string,
        name: r['name'] as string,
        birthDate: r['birth_date'] as string,
        isHouseholdHead: r['is_household_head'] as boolean,
        isHouseholdRepresentative: r['is_household_representative'] as boolean,
        isMemberRepresentative: r['is_member_representative'] as boolean,
        phone: r['phone'] as string | null,
        idNumberHash: r['id_number_hash'] as string | null,
        idLast4: r['id_last4'] as string | null,
        linked: r['linked'] as boolean,
        liveInvitation: r['live_invitation'] as boolean,
      })),
    } satisfies CurrentCooperative;
  }
  const buildings = await m.query<{ id: string; name: string }[]>(`SELECT id, name FROM building WHERE unit_id = $1 AND removed_revision_id IS NULL`, [unitId]);
  const units = await m.query<Record<string, unknown>[]>(
    `SELECT id, number, building_id, kind, area_centi_m2, area_source FROM exclusive_unit WHERE unit_id = $1 AND removed_revision_id IS NULL`,
    [unitId],
  );
  const owners = await m.query<Record<string, unknown>[]>(
    `SELECT o.id, o.kind, o.name, o.phone, o.id_number_hash, o.id_last4, o.user_id IS NOT NULL AS linked, ${liveLetterSql('owner_id', 'o')} AS live_invitation
       FROM owner o WHERE o.unit_id = $1 AND o.removed_revision_id IS NULL`,
    [unitId],
  );
  const ownerships = await m.query<Record<string, unknown>[]>(
    `SELECT id, exclusive_unit_id, owner_id, is_designated_voter FROM ownership WHERE unit_id = $1 AND removed_revision_id IS NULL`,
    [unitId],
  );
  const tenants = await m.query<Record<string, unknown>[]>(
    `SELECT t.id, t.exclusive_unit_id, t.name, t.phone, t.user_id IS NOT NULL AS linked, ${liveLetterSql('tenant_id', 't')} AS live_invitation
       FROM tenant t WHERE t.unit_id = $1 AND t.removed_revision_id IS NULL`,
    [unitId],
  );
  return {
    kind: 'compound',
    buildings,
    units: units.map((r) => ({
      id: r['id'] as string,
      number: r['number'] as string,
      buildingId: r['building_id'] as string | null,
      kind: r['kind'] as CurrentCompound['units'][number]['kind'],
      areaCentiM2: r['area_centi_m2'] as number,
      areaSource: r['area_source'] as CurrentCompound['units'][number]['areaSource'],
    })),
    owners: owners.map((r) => ({
      id: r['id'] as string,
      kind: r['kind'] as CurrentCompound['owners'][number]['kind'],
      name: r['name'] as string,
      phone: r['phone'] as string | null,
      idNumberHash: r['id_number_hash'] as string | null,
      idLast4: r['id_last4'] as string | null,
      linked: r['linked'] as boolean,
      liveInvitation: r['live_invitation'] as boolean,
    })),
    ownerships: ownerships.map((r) => ({
      id: r['id'] as string,
      exclusiveUnitId: r['exclusive_unit_id'] as string,
      ownerId: r['owner_id'] as string,
      isDesignatedVoter: r['is_designated_voter'] as boolean,
    })),
    tenants: tenants.map((r) => ({
      id: r['id'] as string,
      exclusiveUnitId: r['exclusive_unit_id'] as string,
      name: r['name'] as string,
      phone: r['phone'] as string | null,
      linked: r['linked'] as boolean,
      liveInvitation: r['live_invitation'] as boolean,
    })),
  } satisfies CurrentCompound;
}

/** Current rows per kind, for a revision's summary. */
export async function countCurrentRoll(m: EntityManager, unitId: string, kind: UnitKind): Promise<Record<string, number>> {
  const tables: [string, string][] =
    kind === 'cooperative'
      ? [
          ['households', 'household'],
          ['members', 'member'],
        ]
      : [
          ['buildings', 'building'],
          ['exclusiveUnits', 'exclusive_unit'],
          ['owners', 'owner'],
          ['ownerships', 'ownership'],
          ['tenants', 'tenant'],
        ];
  const [row] = await m.query<Record<string, number>[]>(
    `SELECT ${tables.map(([key, table]) => `(SELECT count(*)::int FROM ${table} WHERE unit_id = $1 AND removed_revision_id IS NULL) AS "${key}"`).join(', ')}`,
    [unitId],
  );
  return row ?? {};
}

const CHUNK = 1000;

async function insertAll<T extends object>(m: EntityManager, entity: new () => T, rows: Partial<T>[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const result = await m.getRepository(entity).insert(rows.slice(i, i + CHUNK) as never);
    ids.push(...result.identifiers.map((x) => String(x['id'])));
  }
  return ids;
}

async function markRemoved(m: EntityManager, table: RollKind, ids: string[], revisionId: string): Promise<void> {
  if (ids.length === 0) return;
  await m.query(`UPDATE ${table} SET removed_revision_id = $2 WHERE id = ANY($1::uuid[]) AND removed_revision_id IS NULL`, [ids, revisionId]);
  if (table === 'member' || table === 'owner' || table === 'tenant') {
    // Letters printed for people who left the roll stop working with the revision that removed them.
    await revokeLettersOf(m, table, ids);
  }
}

/** Updates many rows in one statement from parallel arrays: `SET col = v.col … FROM unnest(…)`. */
async function updateAll(m: EntityManager, table: RollKind, columns: [name: string, type: string][], rows: unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  const all: [string, string][] = [['id', 'uuid'], ...columns];
  const params = all.map((_, c) => rows.map((r) => r[c]));
  await m.query(
    `UPDATE ${table} t SET ${columns.map(([name]) => `${name} = v.${name}`).join(', ')}
       FROM unnest(${all.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')}) AS v(${all.map(([name]) => name).join(', ')})
      WHERE t.id = v.id`,
    params,
  );
}

/** The hash is never written to the audit trail; whether one is present is. */
function auditValues(values: object): Record<string, unknown> {
  const { idNumberHash, key: _key, ownerKey: _ownerKey, ...rest } = values as Record<string, unknown>;
  return idNumberHash === undefined ? rest : { ...rest, hasIdNumber: idNumberHash !== null };
}

/** Rows per audit entry: an import of a whole compound stays a few dozen entries, each readable. */
const AUDIT_CHUNK = 500;

/**
 * The audit of a revision: one entry per kind of row and operation (`roll.add`, `roll.change`,
 * `roll.remove`), listing each row with its id, label and values before/after, chunked so no
 * entry grows unwieldy. Entries name the revision as their entity.
 */
class AuditCollector {
  private readonly groups = new Map<string, { action: string; table: RollKind; before: Record<string, unknown>[]; after: Record<string, unknown>[] }>();

  constructor(
    private readonly actor: Pick<Actor, 'id'>,
    private readonly unitId: string,
    private readonly revisionId: string,
    private readonly revision: number,
  ) {}

  private group(action: string, table: RollKind): { before: Record<string, unknown>[]; after: Record<string, unknown>[] } {
    const key = `${action} ${table}`;
    const group = this.groups.get(key) ?? { action, table, before: [], after: [] };
    this.groups.set(key, group);
    return group;
  }

  added<V extends object>(table: RollKind, rows: Added<V>[], ids: string[]): void {
    const group = this.group('roll.add', table);
    rows.forEach((row, i) => group.after.push({ id: ids[i]!, label: row.label, ...auditValues(row.values) }));
  }

  changed<V extends object>(table: RollKind, rows: Changed<V>[]): void {
    const group = this.group('roll.change', table);
    for (const row of rows) {
      group.before.push({ id: row.id, label: row.label, ...auditValues(row.before) });
      group.after.push({ id: row.id, label: row.label, fields: row.fields, ...auditValues(row.after) });
    }
  }

  removed<V extends object>(table: RollKind, rows: Removed<V>[]): void {
    const group = this.group('roll.remove', table);
    for (const row of rows) group.before.push({ id: row.id, label: row.label, ...auditValues(row.values) });
  }

  get records(): AuditRecord[] {
    const records: AuditRecord[] = [];
    for (const { action, table, before, after } of this.groups.values()) {
      const total = Math.max(before.length, after.length);
      for (let i = 0; i < total; i += AUDIT_CHUNK) {
        const part = { revision: this.revision, table, count: Math.min(AUDIT_CHUNK, total - i) };
        records.push({
          actor: this.actor,
          nodeId: this.unitId,
          action,
          entityType: table,
          entityId: this.revisionId,
          before: before.length ? { rows: before.slice(i, i + AUDIT_CHUNK) } : null,
          after: after.length ? { ...part, rows: after.slice(i, i + AUDIT_CHUNK) } : part,
        });
      }
    }
    return records;
  }
}

export interface ApplyContext {
  m: EntityManager;
  actor: Pick<Actor, 'id'>;
  unitId: string;
  revisionId: string;
  revisionNumber: number;
}

/**
 * Writes a diff to the roll as one revision, inside the caller's transaction, and returns the
 * audit records of the rows it added, changed or removed (grouped, see AuditCollector). Removals go first; a changed row is
 * first cleared of what unique indexes look at (flags, identity hash, its natural key), then
 * given its final values, so swaps (a new household head, a new designated voter) never collide.
 */
export async function applyDiff(ctx: ApplyContext, diff: RollDiff): Promise<AuditRecord[]> {
  const audit = new AuditCollector(ctx.actor, ctx.unitId, ctx.revisionId, ctx.revisionNumber);
  if (diff.kind === 'cooperative') await applyCooperative(ctx, diff, audit);
  else await applyCompound(ctx, diff, audit);
  return audit.records;
}

const ids = <V>(d: KindDiff<V>['remove'] | KindDiff<V>['change']): string[] => d.map((r) => r.id);

async function applyCooperative({ m, unitId, revisionId }: ApplyContext, diff: CooperativeDiff, audit: AuditCollector): Promise<void> {
  const added = { unitId, addedRevisionId: revisionId };
  await markRemoved(m, 'member', ids(diff.members.remove), revisionId);
  await markRemoved(m, 'household', ids(diff.households.remove), revisionId);
  audit.removed('member', diff.members.remove);
  audit.removed('household', diff.households.remove);

  await updateAll(m, 'household', [['address', 'text']], diff.households.change.map((c) => [c.id, c.values.address]));
  audit.changed('household', diff.households.change);
  const householdIds = new Map(diff.householdIds);
  const newHouseholds = await insertAll(m, Household, diff.households.add.map((a) => ({ ...added, number: a.values.number, address: a.values.address })));
  diff.households.add.forEach((a, i) => householdIds.set(a.values.number, newHouseholds[i]!));
  audit.added('household', diff.households.add, newHouseholds);

  const changed = ids(diff.members.change);
  if (changed.length > 0) {
    await m.query(
      `UPDATE member SET is_household_head = false, is_household_representative = false, id_number_hash = NULL, id_last4 = NULL, name = name || ' #' || id
        WHERE id = ANY($1::uuid[])`,
      [changed],
    );
  }
  await updateAll(
    m,
    'member',
    [
      ['household_id', 'uuid'],
      ['name', 'text'],
      ['birth_date', 'date'],
      ['is_household_head', 'boolean'],
      ['is_household_representative', 'boolean'],
      ['is_member_representative', 'boolean'],
      ['phone', 'text'],
      ['id_number_hash', 'text'],
      ['id_last4', 'text'],
    ],
    diff.members.change.map(({ id, values: v }) => [
      id,
      householdIds.get(v.householdNumber),
      v.name,
      v.birthDate,
      v.isHouseholdHead,
      v.isHouseholdRepresentative,
      v.isMemberRepresentative,
      v.phone,
      v.idNumberHash,
      v.idLast4,
    ]),
  );
  audit.changed('member', diff.members.change);
  const newMembers = await insertAll(
    m,
    Member,
    diff.members.add.map(({ values: v }) => ({
      ...added,
      householdId: householdIds.get(v.householdNumber)!,
      name: v.name,
      birthDate: v.birthDate,
      isHouseholdHead: v.isHouseholdHead,
      isHouseholdRepresentative: v.isHouseholdRepresentative,
      isMemberRepresentative: v.isMemberRepresentative,
      phone: v.phone,
      idNumberHash: v.idNumberHash,
      idLast4: v.idLast4,
    })),
  );
  audit.added('member', diff.members.add, newMembers);
}

async function applyCompound({ m, unitId, revisionId }: ApplyContext, diff: CompoundDiff, audit: AuditCollector): Promise<void> {
  const added = { unitId, addedRevisionId: revisionId };
  await markRemoved(m, 'tenant', ids(diff.tenants.remove), revisionId);
  await markRemoved(m, 'ownership', ids(diff.ownerships.remove), revisionId);
  await markRemoved(m, 'owner', ids(diff.owners.remove), revisionId);
  await markRemoved(m, 'exclusive_unit', ids(diff.units.remove), revisionId);
  await markRemoved(m, 'building', ids(diff.buildings.remove), revisionId);
  audit.removed('tenant', diff.tenants.remove);
  audit.removed('ownership', diff.ownerships.remove);
  audit.removed('owner', diff.owners.remove);
  audit.removed('exclusive_unit', diff.units.remove);
  audit.removed('building', diff.buildings.remove);

  const buildingIds = new Map(diff.buildingIds);
  const newBuildings = await insertAll(m, Building, diff.buildings.add.map((a) => ({ ...added, name: a.values.name })));
  diff.buildings.add.forEach((a, i) => buildingIds.set(a.values.name, newBuildings[i]!));
  audit.added('building', diff.buildings.add, newBuildings);
  const buildingOf = (name: string | null): string | null => (name === null ? null : buildingIds.get(name)!);

  await updateAll(
    m,
    'exclusive_unit',
    [
      ['building_id', 'uuid'],
      ['kind', 'text'],
      ['area_centi_m2', 'integer'],
      ['area_source', 'text'],
    ],
    diff.units.change.map(({ id, values: v }) => [id, buildingOf(v.buildingName), v.kind, v.areaCentiM2, v.areaSource]),
  );
  audit.changed('exclusive_unit', diff.units.change);
  const unitIds = new Map(diff.unitIds);
  const newUnits = await insertAll(
    m,
    ExclusiveUnit,
    diff.units.add.map(({ values: v }) => ({ ...added, number: v.number, buildingId: buildingOf(v.buildingName), kind: v.kind, areaCentiM2: v.areaCentiM2, areaSource: v.areaSource })),
  );
  diff.units.add.forEach((a, i) => unitIds.set(a.values.number, newUnits[i]!));
  audit.added('exclusive_unit', diff.units.add, newUnits);

  const changedOwners = ids(diff.owners.change);
  if (changedOwners.length > 0) {
    await m.query(`UPDATE owner SET id_number_hash = NULL, id_last4 = NULL WHERE id = ANY($1::uuid[])`, [changedOwners]);
  }
  await updateAll(
    m,
    'owner',
    [
      ['name', 'text'],
      ['phone', 'text'],
      ['id_number_hash', 'text'],
      ['id_last4', 'text'],
    ],
    diff.owners.change.map(({ id, values: v }) => [id, v.name, v.phone, v.idNumberHash, v.idLast4]),
  );
  audit.changed('owner', diff.owners.change);
  const ownerIds = new Map(diff.ownerIds);
  const newOwners = await insertAll(
    m,
    Owner,
    diff.owners.add.map(({ values: v }) => ({ ...added, kind: v.kind, name: v.name, phone: v.phone, idNumberHash: v.idNumberHash, idLast4: v.idLast4 })),
  );
  diff.owners.add.forEach((a, i) => ownerIds.set(a.values.key, newOwners[i]!));
  audit.added('owner', diff.owners.add, newOwners);

  const changedOwnerships = ids(diff.ownerships.change);
  if (changedOwnerships.length > 0) {
    await m.query(`UPDATE ownership SET is_designated_voter = false WHERE id = ANY($1::uuid[])`, [changedOwnerships]);
  }
  await updateAll(m, 'ownership', [['is_designated_voter', 'boolean']], diff.ownerships.change.map((c) => [c.id, c.values.isDesignatedVoter]));
  audit.changed('ownership', diff.ownerships.change);
  const newOwnerships = await insertAll(
    m,
    Ownership,
    diff.ownerships.add.map(({ values: v }) => ({
      ...added,
      exclusiveUnitId: unitIds.get(v.unitNumber)!,
      ownerId: ownerIds.get(v.ownerKey)!,
      isDesignatedVoter: v.isDesignatedVoter,
    })),
  );
  audit.added('ownership', diff.ownerships.add, newOwnerships);

  await updateAll(m, 'tenant', [['phone', 'text']], diff.tenants.change.map((c) => [c.id, c.values.phone]));
  audit.changed('tenant', diff.tenants.change);
  const newTenants = await insertAll(
    m,
    Tenant,
    diff.tenants.add.map(({ values: v }) => ({ ...added, exclusiveUnitId: unitIds.get(v.unitNumber)!, name: v.name, phone: v.phone })),
  );
  audit.added('tenant', diff.tenants.add, newTenants);
}

/** Drops a unit's pending imports a day past their expiry (previews of no use to anyone). */
export async function dropStaleImports(m: EntityManager, unitId: string): Promise<void> {
  await m.query(`DELETE FROM roll_import WHERE unit_id = $1 AND status = 'pending' AND expires_at < now() - interval '1 day'`, [unitId]);
}

/** Holds the unit's roll lock until the transaction ends: one roll change at a time per unit. */
export async function lockRoll(m: EntityManager, unitId: string): Promise<void> {
  await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`roll:${unitId}`]);
}
