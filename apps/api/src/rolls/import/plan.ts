import type { AreaSource, ExclusiveUnitKind } from '@yishi/contracts';

/**
 * A validated roll file, ready to be matched against the current roll and applied. It is what a
 * pending import stores (as JSON), so it holds no raw identity number: only the keyed hash and
 * the last four characters. `undefined` means the file had no such column (the stored value is
 * kept); `null` means the cell was empty.
 */
export type PlanId = { kind: 'full'; hash: string; last4: string } | { kind: 'last4'; last4: string };

export interface PlanHousehold {
  number: string;
  address?: string | null;
  rows: number[];
}

export interface PlanMember {
  row: number;
  householdNumber: string;
  name: string;
  birthDate: string;
  isHouseholdHead: boolean;
  isHouseholdRepresentative: boolean;
  isMemberRepresentative?: boolean;
  phone?: string | null;
  /** Null or absent: keep what the roll holds (an import never erases an identity number). */
  id?: PlanId | null;
}

export interface CooperativePlan {
  kind: 'cooperative';
  households: PlanHousehold[];
  members: PlanMember[];
}

export interface PlanUnit {
  number: string;
  building: string | null;
  kind: ExclusiveUnitKind;
  areaCentiM2: number;
  areaSource: AreaSource;
  rows: number[];
}

/** One owner of the file: its rows share the key (see `ownerKey`). */
export interface PlanOwner {
  key: string;
  developer: boolean;
  name: string;
  phone?: string | null;
  id?: PlanId | null;
  rows: number[];
  /** The units this owner's rows name. */
  units: string[];
}

export interface PlanOwnership {
  row: number;
  unitNumber: string;
  ownerKey: string;
  isDesignatedVoter: boolean;
}

export interface PlanTenant {
  row: number;
  unitNumber: string;
  name: string;
  phone?: string | null;
}

export interface CompoundPlan {
  kind: 'compound';
  buildings: string[];
  units: PlanUnit[];
  owners: PlanOwner[];
  ownerships: PlanOwnership[];
  tenants: PlanTenant[];
}

export type RollPlan = CooperativePlan | CompoundPlan;
