import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OrgNodeKind, OrgTreeNode, UnitStats } from '@yishi/contracts';
import { DataSource } from 'typeorm';
import { compareChinese } from '../common/collation';
import type { RollFiguresRow } from '../rolls/roll-view-store';
import { unitRollFigures } from '../rolls/roll-view-store';
import { treeNodes } from './organization-store';

const KIND_ORDER = { street: 0, community: 1, cooperative: 2, compound: 3 } as const;

@Injectable()
export class OrganizationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The whole organization tree with each unit's current roll figures (rows not removed by a
   * later roll revision), sorted by kind and name.
   * Full capacity is counted as in `libs/domain` (of age from the day after the 18th birthday,
   * today being the date in China Standard Time, see the rolls' unitRollFigures); a test holds the SQL
   * and the library together.
   */
  async tree(): Promise<OrgTreeNode[]> {
    // Read as plain rows: hydrating OrgNode entities (TypeORM's find, with dates parsed) took a tenth of the page's API time.
    const nodes = await treeNodes(this.dataSource.manager);
    const units = nodes.filter((n) => n.kind === 'cooperative' || n.kind === 'compound').map((n) => n.id);
    const stats = await unitRollFigures(this.dataSource.manager, units);
    const statsByUnit = new Map(stats.map((row) => [row.unit_id, row]));
    const byId = new Map<string, OrgTreeNode>();
    for (const node of nodes) {
      const entry: OrgTreeNode = { id: node.id, kind: node.kind, code: node.code, name: node.name, children: [] };
      const row = statsByUnit.get(node.id);
      if (row) {
        entry.stats = toStats(node.kind, row);
      }
      byId.set(node.id, entry);
    }
    const roots: OrgTreeNode[] = [];
    for (const node of nodes) {
      const entry = byId.get(node.id)!;
      const parent = node.parent_id ? byId.get(node.parent_id) : undefined;
      (parent ? parent.children : roots).push(entry);
    }
    const sort = (list: OrgTreeNode[]): void => {
      list.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || compareChinese(a.name, b.name));
      list.forEach((n) => sort(n.children));
    };
    sort(roots);
    return roots;
  }
}

function toStats(kind: OrgNodeKind, row: RollFiguresRow): UnitStats {
  const n = (v: string | number | null): number => Number(v ?? 0);
  return kind === 'cooperative'
    ? { households: n(row.households), members: n(row.members), fullCapacityMembers: n(row.full_capacity) }
    : { buildings: n(row.buildings), exclusiveUnits: n(row.exclusive_units), totalAreaCentiM2: n(row.total_area) };
}
