/** Kinds of node in the organization tree: street → community → unit. */
export const ORG_NODE_KINDS = ['street', 'community', 'cooperative', 'compound'] as const;
export type OrgNodeKind = (typeof ORG_NODE_KINDS)[number];

/** A unit is the body that decides: an economic cooperative or a residential compound. */
export const UNIT_KINDS = ['cooperative', 'compound'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export function isUnitKind(kind: OrgNodeKind): kind is UnitKind {
  return kind === 'cooperative' || kind === 'compound';
}

/** Roles are granted on a node of the tree and hold for everything below it. */
export const ROLES = ['admin', 'staff', 'convenor', 'building_head', 'observer', 'resident'] as const;
export type Role = (typeof ROLES)[number];

/** Kinds of exclusive unit (专有部分) in a compound. */
export const EXCLUSIVE_UNIT_KINDS = ['dwelling', 'parking', 'shop'] as const;
export type ExclusiveUnitKind = (typeof EXCLUSIVE_UNIT_KINDS)[number];

/** Where a unit's floor area comes from, in order of precedence (SPC interpretation, 2020). */
export const AREA_SOURCES = ['register', 'survey', 'contract'] as const;
export type AreaSource = (typeof AREA_SOURCES)[number];

/** What the public organization tree endpoint returns for each node. */
export interface OrgTreeNode {
  id: string;
  kind: OrgNodeKind;
  code: string;
  name: string;
  children: OrgTreeNode[];
  /** Roll figures for units; absent for streets and communities. */
  stats?: UnitStats;
}

export interface UnitStats {
  /** Cooperative: households on the roll. */
  households?: number;
  /** Cooperative: members on the roll, minors included. */
  members?: number;
  /** Cooperative: members with full civil capacity today (the assembly denominator). */
  fullCapacityMembers?: number;
  /** Compound: buildings. */
  buildings?: number;
  /** Compound: exclusive units (dwellings, parking spaces, shops). */
  exclusiveUnits?: number;
  /** Compound: total exclusive floor area in 1/100 m². */
  totalAreaCentiM2?: number;
}

/**
 * Dates with legal effect (ages, notice periods, deadlines) are calendar dates in China Standard
 * Time, whatever the server's own time zone.
 */
export const LEGAL_TIME_ZONE = 'Asia/Shanghai';
