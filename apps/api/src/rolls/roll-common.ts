import type { UnitKind } from '@yishi/contracts';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { OrgNode } from '../organizations/entities/org-node.entity';
import type { RollRevisionDto } from './dto/rolls.dto';
import type { RollRevisionSummary } from './entities/roll-revision.entity';
import type { RollRevisionSource } from './roll-kinds';

export interface RollUnit {
  id: string;
  name: string;
  kind: UnitKind;
}

/** The cooperative or compound a roll belongs to; NOT_FOUND for other nodes or the wrong kind. */
export async function requireUnit(m: EntityManager, unitId: string, kind?: UnitKind): Promise<RollUnit> {
  const node = await m.getRepository(OrgNode).findOneBy({ id: unitId });
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

interface RevisionRow {
  id: string;
  number: number;
  source: RollRevisionSource;
  file_name: string | null;
  file_sha256: string | null;
  summary: RollRevisionSummary;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date;
}

const REVISION_SELECT = `SELECT r.id, r.number, r.source, r.file_name, r.file_sha256, r.summary, r.created_by, u.display_name AS created_by_name, r.created_at
                           FROM roll_revision r LEFT JOIN app_user u ON u.id = r.created_by`;

export function toRevisionDto(r: RevisionRow): RollRevisionDto {
  return {
    id: r.id,
    number: r.number,
    source: r.source,
    fileName: r.file_name,
    fileSha256: r.file_sha256,
    summary: r.summary,
    createdById: r.created_by,
    createdByName: r.created_by_name,
    createdAt: r.created_at.toISOString(),
  };
}

export async function latestRevision(m: EntityManager, unitId: string): Promise<RollRevisionDto | null> {
  const [row] = await m.query<RevisionRow[]>(`${REVISION_SELECT} WHERE r.unit_id = $1 ORDER BY r.number DESC LIMIT 1`, [unitId]);
  return row ? toRevisionDto(row) : null;
}

export async function revisionById(m: EntityManager, id: string): Promise<RollRevisionDto> {
  const [row] = await m.query<RevisionRow[]>(`${REVISION_SELECT} WHERE r.id = $1`, [id]);
  return toRevisionDto(row!);
}

export async function listRevisions(m: EntityManager, unitId: string, before: number | undefined, limit: number): Promise<{ items: RollRevisionDto[]; next: number | null }> {
  const rows = await m.query<RevisionRow[]>(
    `${REVISION_SELECT} WHERE r.unit_id = $1 AND ($2::int IS NULL OR r.number < $2::int) ORDER BY r.number DESC LIMIT $3`,
    [unitId, before ?? null, limit + 1],
  );
  const page = rows.slice(0, limit);
  return { items: page.map(toRevisionDto), next: rows.length > limit ? page.at(-1)!.number : null };
}

/** `%text%` for ILIKE, with the pattern characters of the text escaped. */
export function likePattern(q: string | undefined): string | null {
  return q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
}

/**
 * SQL for a natural sort key of a text column: runs of digits zero-padded, compared bytewise,
 * so 1-101 < 1-201 < 1-1001 < P-002 < S-1 and 2栋 < 10栋, whatever the database's collation.
 */
export function naturalOrder(expr: string): string {
  return `(SELECT string_agg(CASE WHEN part[1] ~ '^[0-9]' THEN lpad(part[1], 12, '0') ELSE part[1] END, '' ORDER BY n)
             FROM regexp_matches(${expr}, '([0-9]+|[^0-9]+)', 'g') WITH ORDINALITY AS parts(part, n)) COLLATE "C"`;
}
