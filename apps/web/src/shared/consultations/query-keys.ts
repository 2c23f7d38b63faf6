/**
 * Query keys of everything about consultations, shared by the features that read and change them
 * (a feature never imports another; they meet on these keys). Whatever one consultation shows —
 * its detail, versions, comments, briefings — starts with `consultationKey(id)`, so a change
 * invalidates all of it in one call; a unit's lists start with their unit's key.
 */
export const consultationKey = (consultationId: string) => ['consultation', consultationId] as const;

/**
 * A consultation's draft: the list of versions, each version, each version's diff. The resident
 * pages and the console's editor read the same addresses under these keys, so they share what is
 * cached and the editor's changes refresh what residents see.
 */
export const versionsKey = (consultationId: string) => [...consultationKey(consultationId), 'versions'] as const;
export const versionKey = (consultationId: string, number: number) => [...versionsKey(consultationId), number] as const;
export const versionDiffKey = (consultationId: string, number: number) => [...versionKey(consultationId, number), 'diff'] as const;

/** The consultations of a unit (each unit's list; a community's page reads several). */
export const unitConsultationsKey = (unitId: string) => ['unit-consultations', unitId] as const;

/** Everything cached about unit lists of consultations (a new consultation may concern several units). */
export const ALL_UNIT_CONSULTATIONS_KEY = ['unit-consultations'] as const;

/** The topics of a unit, whatever the filter. */
export const unitTopicsKey = (unitId: string) => ['unit-topics', unitId] as const;
