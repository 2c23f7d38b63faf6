import type { UnitKind } from '@yishi/contracts';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { nodeById } from '../organizations/organization-store';

export interface RollUnit {
  id: string;
  name: string;
  kind: UnitKind;
}

/** The cooperative or compound a roll belongs to; NOT_FOUND for other nodes or the wrong kind. */
export async function requireUnit(m: EntityManager, unitId: string, kind?: UnitKind): Promise<RollUnit> {
  return rollUnit(await nodeById(m, unitId), unitId, kind);
}

/** The node read for a roll (undefined: none), as requireUnit checks it. */
export function rollUnit(node: { id: string; name: string; kind: string } | null | undefined, unitId: string, kind?: UnitKind): RollUnit {
  if (!node || (node.kind !== 'cooperative' && node.kind !== 'compound')) {
    throw new DomainError('NOT_FOUND', 'Rolls belong to a cooperative or a compound: this is neither.', { unitId });
  }
  if (kind && node.kind !== kind) {
    throw new DomainError(
      'NOT_FOUND',
      kind === 'cooperative' ? 'This unit is a compound: its roll has exclusive units, not households.' : 'This unit is a cooperative: its roll has households, not exclusive units.',
      { unitId, unitKind: node.kind },
    );
  }
  return { id: node.id, name: node.name, kind: node.kind };
}
