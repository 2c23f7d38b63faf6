import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OrgTreeNode, UnitStats } from '@yishi/contracts';
import { LEGAL_TIME_ZONE } from '@yishi/contracts';
import { DataSource } from 'typeorm';
import { OrgNode } from './entities/org-node.entity';

interface StatsRow {
  unit_id: string;
  households: string | null;
  members: string | null;
  full_capacity: string | null;
  buildings: string | null;
  exclusive_units: string | null;
  total_area: string | null;
}

const KIND_ORDER = { street: 0, community: 1, cooperative: 2, compound: 3 } as const;

@Injectable()
export class OrganizationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The whole organization tree with each unit's current roll figures (rows not removed by a
   * later roll revision), sorted by kind and name.
   * Full capacity is counted as in `libs/domain` (of age from the day after the 18th birthday,
   * today being the date in China Standard Time); a test holds the SQL and the library together.
   */
  async tree(): Promise<OrgTreeNode[]> {
    const [nodes, stats] = await Promise.all([
      this.dataSource.getRepository(OrgNode).find({ order: { name: 'ASC' } }),
      this.dataSource.query<StatsRow[]>(`
        SELECT n.id AS unit_id,
               (SELECT count(*) FROM household h WHERE h.unit_id = n.id AND h.removed_revision_id IS NULL) AS households,
               (SELECT count(*) FROM member m WHERE m.unit_id = n.id AND m.removed_revision_id IS NULL) AS members,
               (SELECT count(*) FROM member m WHERE m.unit_id = n.id AND m.removed_revision_id IS NULL
                  AND (m.birth_date + interval '18 years')::date < (now() AT TIME ZONE $1)::date) AS full_capacity,
               (SELECT count(*) FROM building b WHERE b.unit_id = n.id AND b.removed_revision_id IS NULL) AS buildings,
               (SELECT count(*) FROM exclusive_unit e WHERE e.unit_id = n.id AND e.removed_revision_id IS NULL) AS exclusive_units,
               (SELECT coalesce(sum(e.area_centi_m2), 0) FROM exclusive_unit e WHERE e.unit_id = n.id AND e.removed_revision_id IS NULL) AS total_area
          FROM org_node n
         WHERE n.kind IN ('cooperative', 'compound')`,
        [LEGAL_TIME_ZONE],
      ),
    ]);
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
      const parent = node.parentId ? byId.get(node.parentId) : undefined;
      (parent ? parent.children : roots).push(entry);
    }
    const sort = (list: OrgTreeNode[]): void => {
      list.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.name.localeCompare(b.name, 'zh-CN'));
      list.forEach((n) => sort(n.children));
    };
    sort(roots);
    return roots;
  }
}

function toStats(kind: OrgNode['kind'], row: StatsRow): UnitStats {
  const n = (v: string | null): number => Number(v ?? 0);
  return kind === 'cooperative'
    ? { households: n(row.households), members: n(row.members), fullCapacityMembers: n(row.full_capacity) }
    : { buildings: n(row.buildings), exclusiveUnits: n(row.exclusive_units), totalAreaCentiM2: n(row.total_area) };
}
