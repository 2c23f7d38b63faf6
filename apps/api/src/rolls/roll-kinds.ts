/**
 * The kinds the roll's entities and its import diff share. A leaf module (it imports nothing), so
 * the entities and `import/diff.ts` can both name them without importing each other.
 */

/** The kinds of roll rows, one per roll table (a revision's summary counts changes per kind). */
export const ROLL_KINDS = ['household', 'member', 'building', 'exclusive_unit', 'owner', 'ownership', 'tenant'] as const;
export type RollKind = (typeof ROLL_KINDS)[number];

/** An owner is a person, or the developer holding unsold or undelivered units (one record). */
export const OWNER_KINDS = ['person', 'developer'] as const;
export type OwnerKind = (typeof OWNER_KINDS)[number];

/** How a roll revision came about. */
export const ROLL_REVISION_SOURCES = ['import', 'edit', 'seed'] as const;
export type RollRevisionSource = (typeof ROLL_REVISION_SOURCES)[number];
