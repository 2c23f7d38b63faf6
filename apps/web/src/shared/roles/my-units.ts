/**
 * The units (经济社 and 小区) a person belongs to, from the grants of their session: a resident
 * role, a building head's or a convenor's role on the unit itself. Roles on a community or a
 * street are the staff console's business, not 「我的议事」.
 */
import type { OrgNodeKind, UnitKind } from '@yishi/contracts';
import { isUnitKind } from '@yishi/contracts';
import { useSession } from '../../lib/auth';

export interface UnitGrantLike {
  nodeId: string;
  nodeName: string;
  nodeKind: OrgNodeKind;
}

export interface MyUnit {
  id: string;
  name: string;
  kind: UnitKind;
}

/** Each unit once, in the order of the grants. */
export function myUnits(grants: readonly UnitGrantLike[] | null | undefined): MyUnit[] {
  const units = new Map<string, MyUnit>();
  for (const grant of grants ?? []) {
    const kind = grant.nodeKind;
    if (isUnitKind(kind) && !units.has(grant.nodeId)) {
      units.set(grant.nodeId, { id: grant.nodeId, name: grant.nodeName, kind });
    }
  }
  return [...units.values()];
}

/** The name of one of my units, from my session; null for a unit I hold no role on. */
export function useMyUnitName(unitId: string): string | null {
  const grants = useSession().data?.user?.grants;
  return myUnits(grants).find((unit) => unit.id === unitId)?.name ?? null;
}
