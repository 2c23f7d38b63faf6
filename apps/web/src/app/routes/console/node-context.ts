/**
 * What a node's page (/console/nodes/:nodeId, in console.tsx) hands down to the section pages it
 * shows in its outlet — the node and where it sits, the sections the person's grants open, their
 * grants — and what the section pages of every kind (roll, consultations, votes…) derive from it.
 */
import type { UnitKind } from '@yishi/contracts';
import { isUnitKind } from '@yishi/contracts';
import { useOutletContext } from 'react-router';
import type { ConsoleGrant, Located, NodeSections } from '../../../features/console/utils/console-nodes';
import { unitsBelow } from '../../../features/console/utils/console-nodes';

export interface NodeContext {
  located: Located;
  sections: NodeSections;
  grants: ConsoleGrant[];
  userId: string;
}

/** The node context inside a section page. */
export function useNodeContext(): NodeContext {
  return useOutletContext<NodeContext>();
}

/** The units a node's consultations and votes concern: the unit itself, or those below a community or street. */
export function unitsOfNode(context: NodeContext): { id: string; name: string; kind: UnitKind }[] {
  return unitsBelow(context.located.node).flatMap((unit) => (isUnitKind(unit.kind) ? [{ id: unit.id, name: unit.name, kind: unit.kind }] : []));
}
