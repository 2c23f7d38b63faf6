/**
 * Words for what the roll says about me: the badges of a household member, and the facts of an
 * exclusive unit, as i18n keys (the components translate them).
 */
import type { AreaSource, ExclusiveUnitKind } from '@yishi/contracts';
import { formatArea } from '@yishi/domain';
import type { HouseholdMember, MyExclusiveUnit } from '../api/get-my-roll';

export type MemberBadge = 'me' | 'head' | 'householdRepresentative' | 'memberRepresentative' | 'minor';

/** 我, 户主, 户代表, 成员代表, 未成年 — in that order, each only where it applies. */
export function memberBadges(member: HouseholdMember): MemberBadge[] {
  const badges: MemberBadge[] = [];
  if (member.isMe) badges.push('me');
  if (member.isHouseholdHead) badges.push('head');
  if (member.isHouseholdRepresentative) badges.push('householdRepresentative');
  if (member.isMemberRepresentative) badges.push('memberRepresentative');
  if (!member.fullCapacity) badges.push('minor');
  return badges;
}

export function unitKindKey(kind: ExclusiveUnitKind): `me.unitKind.${ExclusiveUnitKind}` {
  return `me.unitKind.${kind}`;
}

export function areaSourceKey(source: AreaSource): `me.areaSource.${AreaSource}` {
  return `me.areaSource.${source}`;
}

/** The floor area in square metres with two decimals: `8956` → `89.56`. */
export function unitArea(unit: Pick<MyExclusiveUnit, 'areaCentiM2'>): string {
  return formatArea(unit.areaCentiM2);
}

export type VotingNote = 'tenant' | 'soleOwner' | 'coOwnedIVote' | 'coOwnedOtherVotes';

/**
 * Who casts this unit's vote in an owners' decision: a tenant comments but does not vote; a
 * co-owned unit is one person, and one designated co-owner votes for it.
 */
export function votingNote(unit: Pick<MyExclusiveUnit, 'relation' | 'coOwners' | 'iVote'>): VotingNote {
  if (unit.relation === 'tenant') return 'tenant';
  if (unit.coOwners.length === 0) return 'soleOwner';
  return unit.iVote ? 'coOwnedIVote' : 'coOwnedOtherVotes';
}
