import type { DataSource, EntityManager } from 'typeorm';
import { AuditEntry } from '../audit/entities/audit-entry.entity';
import { hashPassword } from '../auth/password-hash';
import { OrgNode } from '../organizations/entities/org-node.entity';
import { Building } from '../rolls/entities/building.entity';
import { ExclusiveUnit } from '../rolls/entities/exclusive-unit.entity';
import { Household } from '../rolls/entities/household.entity';
import { Member } from '../rolls/entities/member.entity';
import { Owner } from '../rolls/entities/owner.entity';
import { Ownership } from '../rolls/entities/ownership.entity';
import { RollRevision } from '../rolls/entities/roll-revision.entity';
import { Tenant } from '../rolls/entities/tenant.entity';
import { RoleGrant } from '../users/entities/role-grant.entity';
import { User } from '../users/entities/user.entity';
import type { DemoData } from './demo-data';
import { buildDemoData, DEMO_PASSWORD, STREET } from './demo-data';

/** Any fixed number shared by every instance, so two starting together seed once. */
const SEED_LOCK = 7_301_944_128_002;

export interface SeedResult {
  seeded: boolean;
  counts: Record<string, number>;
}

/**
 * Writes the demo street once, in one transaction. When the street already exists nothing is
 * touched, so restarting never duplicates or overwrites what people changed since.
 */
export async function seedDemoData(dataSource: DataSource, data: DemoData = buildDemoData()): Promise<SeedResult> {
  return dataSource.transaction(async (m) => {
    await m.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
    if (await m.getRepository(OrgNode).existsBy({ code: STREET })) {
      return { seeded: false, counts: {} };
    }
    const counts = await writeDemoData(m, data);
    await m.getRepository(AuditEntry).insert({
      actorId: null,
      nodeId: (await m.getRepository(OrgNode).findOneByOrFail({ code: STREET })).id,
      action: 'seed.demo_data',
      entityType: 'org_node',
      entityId: STREET,
      before: null,
      after: counts,
      requestId: null,
    });
    return { seeded: true, counts };
  });
}

async function writeDemoData(m: EntityManager, data: DemoData): Promise<Record<string, number>> {
  const nodeIds = new Map<string, string>();
  for (const node of data.nodes) {
    const saved = await m.getRepository(OrgNode).save({
      code: node.code,
      kind: node.kind,
      name: node.name,
      parentId: node.parent ? nodeIds.get(node.parent)! : null,
    });
    nodeIds.set(node.code, saved.id);
  }

  const userIds = new Map<string, string>();
  const hashes = await Promise.all(data.accounts.map(() => hashPassword(DEMO_PASSWORD)));
  for (const [i, account] of data.accounts.entries()) {
    const user = await m.getRepository(User).save({ phone: account.phone, displayName: account.displayName, passwordHash: hashes[i]! });
    userIds.set(account.phone, user.id);
  }

  // Each unit's roll starts as its revision 1 (source `seed`); later imports add revisions.
  const memberCount = data.cooperative.households.reduce((n, h) => n + h.members.length, 0);
  const ownershipCount = data.compound.owners.reduce((n, o) => n + o.units.length, 0);
  const revision = async (unitId: string, counts: Record<string, number>): Promise<string> =>
    (await m.getRepository(RollRevision).save({ unitId, number: 1, source: 'seed', fileName: null, fileSha256: null, summary: { counts }, createdBy: null })).id;

  // Cooperative roll.
  const cooperativeId = nodeIds.get(data.cooperative.unit)!;
  const cooperativeRevision = await revision(cooperativeId, { households: data.cooperative.households.length, members: memberCount });
  const members: Partial<Member>[] = [];
  for (const household of data.cooperative.households) {
    const saved = await m
      .getRepository(Household)
      .save({ unitId: cooperativeId, number: household.number, address: household.address, addedRevisionId: cooperativeRevision });
    for (const member of household.members) {
      members.push({
        unitId: cooperativeId,
        addedRevisionId: cooperativeRevision,
        householdId: saved.id,
        name: member.name,
        birthDate: member.birthDate,
        isHouseholdHead: member.isHouseholdHead,
        isHouseholdRepresentative: member.isHouseholdRepresentative,
        isMemberRepresentative: member.isMemberRepresentative,
        phone: member.phone,
        userId: member.account ? userIds.get(member.account)! : null,
      });
    }
  }
  await m.getRepository(Member).insert(members);

  // Compound roll.
  const compoundId = nodeIds.get(data.compound.unit)!;
  const compoundRevision = await revision(compoundId, {
    buildings: data.compound.buildings.length,
    exclusiveUnits: data.compound.units.length,
    owners: data.compound.owners.length,
    ownerships: ownershipCount,
    tenants: data.compound.tenants.length,
  });
  const buildingIds = new Map<string, string>();
  for (const name of data.compound.buildings) {
    const saved = await m.getRepository(Building).save({ unitId: compoundId, name, addedRevisionId: compoundRevision });
    buildingIds.set(name, saved.id);
  }
  const unitRows = await m.getRepository(ExclusiveUnit).insert(
    data.compound.units.map((u) => ({
      unitId: compoundId,
      addedRevisionId: compoundRevision,
      buildingId: u.building ? buildingIds.get(u.building)! : null,
      number: u.number,
      kind: u.kind,
      areaCentiM2: u.areaCentiM2,
      areaSource: u.areaSource,
    })),
  );
  const unitIds = new Map(data.compound.units.map((u, i) => [u.number, String(unitRows.identifiers[i]!['id'])]));
  const ownerRows = await m.getRepository(Owner).insert(
    data.compound.owners.map((o) => ({
      unitId: compoundId,
      addedRevisionId: compoundRevision,
      kind: o.kind,
      name: o.name,
      phone: o.phone,
      userId: o.account ? userIds.get(o.account)! : null,
    })),
  );
  const ownerships = data.compound.owners.flatMap((o, i) =>
    o.units.map((u) => ({
      unitId: compoundId,
      addedRevisionId: compoundRevision,
      ownerId: String(ownerRows.identifiers[i]!['id']),
      exclusiveUnitId: unitIds.get(u.number)!,
      isDesignatedVoter: u.designatedVoter,
    })),
  );
  await m.getRepository(Ownership).insert(ownerships);
  await m.getRepository(Tenant).insert(
    data.compound.tenants.map((t) => ({
      unitId: compoundId,
      addedRevisionId: compoundRevision,
      exclusiveUnitId: unitIds.get(t.unit)!,
      name: t.name,
      phone: t.phone,
      userId: t.account ? userIds.get(t.account)! : null,
    })),
  );

  const grants = data.accounts.flatMap((a) =>
    a.grants.map((g) => ({
      userId: userIds.get(a.phone)!,
      nodeId: nodeIds.get(g.node)!,
      role: g.role,
      buildingId: g.building ? buildingIds.get(g.building)! : null,
      grantedBy: null,
    })),
  );
  await m.getRepository(RoleGrant).insert(grants);

  return {
    nodes: data.nodes.length,
    accounts: data.accounts.length,
    households: data.cooperative.households.length,
    members: members.length,
    buildings: data.compound.buildings.length,
    exclusiveUnits: data.compound.units.length,
    owners: data.compound.owners.length,
    ownerships: ownerships.length,
    tenants: data.compound.tenants.length,
    roleGrants: grants.length,
  };
}
