/**
 * Whose letters a person may print on a unit's page: the whole unit, one building of a compound
 * (a building head's own, or any building for those who print for the whole unit), or one
 * household of a cooperative (chosen on the roll). The API checks every request again.
 */
import type { IssueRequest } from '../api/issue-invitations';

/** What the person's roles open (from their grants): the whole unit, or their buildings. */
export type GrantedScope = { kind: 'unit' } | { kind: 'building'; buildingId: string; buildingName: string | null };

export type IssueScope =
  | { kind: 'unit' }
  | {
      kind: 'building';
      buildingId: string;
      buildingName: string | null;
      /** The building head's own building (from their grant), not one picked from the roll. */
      mine: boolean;
      /** Exclusive units in it, when known from the roll. */
      exclusiveUnits: number | null;
    }
  | { kind: 'household'; householdId: string; householdNumber: string };

export interface ScopeExtras {
  unitKind: 'cooperative' | 'compound';
  /** A compound's buildings, from its roll (only for people who print for the whole unit). */
  buildings?: readonly { id: string; name: string; exclusiveUnits: number }[] | null;
  /** A cooperative's household chosen on the roll («为此户打印邀请函»). */
  household?: { id: string; number: string } | null;
}

/** A stable key for a scope (for form state and React lists). */
export function scopeKey(scope: IssueScope): string {
  switch (scope.kind) {
    case 'unit':
      return 'unit';
    case 'building':
      return `building:${scope.buildingId}`;
    case 'household':
      return `household:${scope.householdId}`;
  }
}

/**
 * The scopes to offer, in order: the whole unit, the chosen household, then buildings — one's
 * own first, then the others of the roll. A household or a picked building needs the whole
 * unit's letters; without them (a building head), only one's own buildings are offered.
 */
export function letterScopes(granted: readonly GrantedScope[], extras: ScopeExtras): IssueScope[] {
  const wholeUnit = granted.some((scope) => scope.kind === 'unit');
  const scopes: IssueScope[] = [];
  if (wholeUnit) scopes.push({ kind: 'unit' });
  if (wholeUnit && extras.unitKind === 'cooperative' && extras.household) {
    scopes.push({ kind: 'household', householdId: extras.household.id, householdNumber: extras.household.number });
  }
  const known = new Map((extras.buildings ?? []).map((building) => [building.id, building]));
  for (const scope of granted) {
    if (scope.kind !== 'building') continue;
    const building = known.get(scope.buildingId);
    scopes.push({ ...scope, buildingName: scope.buildingName ?? building?.name ?? null, mine: true, exclusiveUnits: building?.exclusiveUnits ?? null });
  }
  if (wholeUnit && extras.unitKind === 'compound') {
    for (const building of extras.buildings ?? []) {
      if (scopes.some((scope) => scope.kind === 'building' && scope.buildingId === building.id)) continue;
      scopes.push({ kind: 'building', buildingId: building.id, buildingName: building.name, mine: false, exclusiveUnits: building.exclusiveUnits });
    }
  }
  return scopes;
}

/** The scope selected at first: the household chosen on the roll, else the first. */
export function initialScopeKey(scopes: readonly IssueScope[]): string | null {
  const chosen = scopes.find((scope) => scope.kind === 'household') ?? scopes[0];
  return chosen ? scopeKey(chosen) : null;
}

/** The request that issues the letters of a scope. */
export function issueRequestFor(scope: IssueScope, reissue: boolean): IssueRequest {
  const extra = reissue ? { reissue: true } : {};
  switch (scope.kind) {
    case 'unit':
      return { ...extra };
    case 'building':
      return { buildingId: scope.buildingId, ...extra };
    case 'household':
      return { householdId: scope.householdId, ...extra };
  }
}
