import { describe, expect, it } from '@jest/globals';
import type { GrantedScope } from './letter-scopes';
import { initialScopeKey, issueRequestFor, letterScopes, scopeKey } from './letter-scopes';

const buildings = [
  { id: 'b1', name: '1栋', exclusiveUnits: 94 },
  { id: 'b2', name: '2栋', exclusiveUnits: 90 },
];
const unit: GrantedScope = { kind: 'unit' };
const ownBuilding: GrantedScope = { kind: 'building', buildingId: 'b1', buildingName: '1栋' };

describe('letterScopes', () => {
  it('offers staff of a compound the whole compound, then each building of its roll', () => {
    const scopes = letterScopes([unit], { unitKind: 'compound', buildings });
    expect(scopes.map(scopeKey)).toEqual(['unit', 'building:b1', 'building:b2']);
    expect(scopes[1]).toMatchObject({ buildingName: '1栋', mine: false, exclusiveUnits: 94 });
  });

  it('gives a building head their own building only, even when the roll lists others', () => {
    const scopes = letterScopes([ownBuilding], { unitKind: 'compound', buildings });
    expect(scopes).toEqual([{ kind: 'building', buildingId: 'b1', buildingName: '1栋', mine: true, exclusiveUnits: 94 }]);
  });

  it('lists a building once when someone prints for the whole unit and heads one building', () => {
    const scopes = letterScopes([unit, ownBuilding], { unitKind: 'compound', buildings });
    expect(scopes.map(scopeKey)).toEqual(['unit', 'building:b1', 'building:b2']);
    expect(scopes[1]).toMatchObject({ mine: true });
  });

  it('offers a cooperative’s household chosen on the roll, and selects it at first', () => {
    const scopes = letterScopes([unit], { unitKind: 'cooperative', household: { id: 'h1', number: 'NC-801' } });
    expect(scopes.map(scopeKey)).toEqual(['unit', 'household:h1']);
    expect(initialScopeKey(scopes)).toBe('household:h1');
    expect(initialScopeKey(letterScopes([unit], { unitKind: 'cooperative' }))).toBe('unit');
    expect(initialScopeKey([])).toBeNull();
  });

  it('offers no household or building to someone who cannot print the whole unit’s letters', () => {
    expect(letterScopes([ownBuilding], { unitKind: 'cooperative', household: { id: 'h1', number: 'NC-801' } }).map(scopeKey)).toEqual(['building:b1']);
  });
});

describe('issueRequestFor', () => {
  it('asks for the scope’s letters, reissuing when asked', () => {
    expect(issueRequestFor({ kind: 'unit' }, false)).toEqual({});
    expect(issueRequestFor({ kind: 'household', householdId: 'h1', householdNumber: 'NC-801' }, false)).toEqual({ householdId: 'h1' });
    expect(issueRequestFor({ kind: 'building', buildingId: 'b2', buildingName: '2栋', mine: false, exclusiveUnits: 90 }, true)).toEqual({ buildingId: 'b2', reissue: true });
  });
});
