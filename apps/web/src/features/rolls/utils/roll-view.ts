/**
 * The roll as a list of groups (a household, an exclusive unit) of people, the same shape for a
 * cooperative and a compound, so one card list (phones) and one table (wide screens) show both.
 * Words are left to the components: badges and kinds are i18n keys.
 */
import type { AreaSource, ExclusiveUnitKind } from '@yishi/contracts';
import { formatArea } from '@yishi/domain';
import type { RollHousehold, RollMember } from '../api/list-households';
import type { RollExclusiveUnit, RollOwner, RollTenant } from '../api/list-exclusive-units';
import type { PersonType } from '../api/link-in-person';

/** What a person is on the roll, beyond their name. */
export type RoleBadge = 'head' | 'householdRepresentative' | 'memberRepresentative' | 'minor' | 'owner' | 'developer' | 'designatedVoter' | 'tenant';
/** Where their real-name link stands: 已实名, or a letter is out (邀请函未使用). */
export type StatusBadge = 'linked' | 'liveInvitation';

export interface RollPersonView {
  key: string;
  personType: PersonType;
  personId: string;
  name: string;
  roles: RoleBadge[];
  status: StatusBadge[];
  /** Members: their birth date (ISO). */
  birthDate: string | null;
  /** Owners of more than one unit of the compound: how many. */
  unitCount: number | null;
  idLast4: string | null;
  phone: string | null;
  /** Staff may link an account to this entry in person (not linked yet, not the developer). */
  linkable: boolean;
}

export interface RollGroupView {
  key: string;
  kind: 'household' | 'exclusive_unit';
  /** 户号 or 房号. */
  number: string;
  /** A household's address. */
  address: string | null;
  /** An exclusive unit's facts. */
  unit: { buildingName: string | null; kind: ExclusiveUnitKind; area: string; areaSource: AreaSource } | null;
  /** A household's id (letters are issued per household). */
  householdId: string | null;
  /** A household with an adult member not linked yet, to whom a letter could go. */
  needsLetters: boolean;
  people: RollPersonView[];
}

function statusOf(person: { linked: boolean; liveInvitation: boolean }): StatusBadge[] {
  if (person.linked) return ['linked'];
  return person.liveInvitation ? ['liveInvitation'] : [];
}

export function memberView(member: RollMember): RollPersonView {
  const roles: RoleBadge[] = [];
  if (member.isHouseholdHead) roles.push('head');
  if (member.isHouseholdRepresentative) roles.push('householdRepresentative');
  if (member.isMemberRepresentative) roles.push('memberRepresentative');
  if (!member.fullCapacity) roles.push('minor');
  return {
    key: `member-${member.id}`,
    personType: 'member',
    personId: member.id,
    name: member.name,
    roles,
    status: statusOf(member),
    birthDate: member.birthDate,
    unitCount: null,
    idLast4: member.idLast4,
    phone: member.phone,
    linkable: !member.linked,
  };
}

/** An owner of a unit; `coOwned`: the unit has several owners, one of whom votes. */
export function ownerView(owner: RollOwner, coOwned: boolean): RollPersonView {
  const developer = owner.kind === 'developer';
  const roles: RoleBadge[] = [developer ? 'developer' : 'owner'];
  if (coOwned && owner.isDesignatedVoter) roles.push('designatedVoter');
  return {
    key: `owner-${owner.ownershipId}`,
    personType: 'owner',
    personId: owner.id,
    name: owner.name,
    roles,
    status: statusOf(owner),
    birthDate: null,
    unitCount: owner.unitCount > 1 ? owner.unitCount : null,
    idLast4: owner.idLast4,
    phone: owner.phone,
    linkable: !owner.linked && !developer,
  };
}

export function tenantView(tenant: RollTenant): RollPersonView {
  return {
    key: `tenant-${tenant.id}`,
    personType: 'tenant',
    personId: tenant.id,
    name: tenant.name,
    roles: ['tenant'],
    status: statusOf(tenant),
    birthDate: null,
    unitCount: null,
    idLast4: null,
    phone: tenant.phone,
    linkable: !tenant.linked,
  };
}

export function householdGroup(household: RollHousehold): RollGroupView {
  return {
    key: household.id,
    kind: 'household',
    number: household.number,
    address: household.address,
    unit: null,
    householdId: household.id,
    needsLetters: householdNeedsLetters(household),
    people: household.members.map(memberView),
  };
}

export function exclusiveUnitGroup(unit: RollExclusiveUnit): RollGroupView {
  const coOwned = unit.owners.length > 1;
  return {
    key: unit.id,
    kind: 'exclusive_unit',
    number: unit.number,
    address: null,
    unit: { buildingName: unit.buildingName, kind: unit.kind, area: formatArea(unit.areaCentiM2), areaSource: unit.areaSource },
    householdId: null,
    needsLetters: false,
    people: [...unit.owners.map((owner) => ownerView(owner, coOwned)), ...unit.tenants.map(tenantView)],
  };
}

/** Whether letters for this household could reach someone: an adult member not yet linked. */
export function householdNeedsLetters(household: Pick<RollHousehold, 'members'>): boolean {
  return household.members.some((member) => member.fullCapacity && !member.linked);
}

/** Pages needed for `total` rows, at least one. */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
