/**
 * The kinds a roll is made of, a leaf both the entities and the import's diff name (so neither
 * imports the other).
 */

/** The kinds of rows a roll revision adds, changes or removes, in the order a summary lists them. */
export const ROLL_KINDS = ['household', 'member', 'building', 'exclusive_unit', 'owner', 'ownership', 'tenant'] as const;
export type RollKind = (typeof ROLL_KINDS)[number];

/** An owner is a person, or the developer holding units not yet sold. */
export const OWNER_KINDS = ['person', 'developer'] as const;
export type OwnerKind = (typeof OWNER_KINDS)[number];
