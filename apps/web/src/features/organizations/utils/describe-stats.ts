import { formatArea } from '@yishi/domain';
import type { TFunction } from 'i18next';
import type { OrgNodeKind, UnitStats } from '../api/get-organization-tree';

/**
 * The roll figures of a unit in words, one phrase per figure, in the active language, e.g.
 * 「40 户」「126 名成员（其中 98 名完全民事行为能力人）」 or "3 buildings", "304 exclusive units",
 * "31,063.90 m² in all". Streets and communities carry no figures; a figure the API leaves out
 * is left out.
 */
export function statsPhrases(kind: OrgNodeKind, stats: UnitStats | undefined, t: TFunction): string[] {
  if (!stats) {
    return [];
  }
  const parts: string[] = [];
  switch (kind) {
    case 'cooperative': {
      const { households, members, fullCapacityMembers } = stats;
      if (households !== undefined) {
        parts.push(t('organizations.stats.households', { count: households }));
      }
      if (members !== undefined && fullCapacityMembers !== undefined) {
        parts.push(t('organizations.stats.membersWithFullCapacity', { count: members, fullCapacity: fullCapacityMembers }));
      } else if (members !== undefined) {
        parts.push(t('organizations.stats.members', { count: members }));
      } else if (fullCapacityMembers !== undefined) {
        parts.push(t('organizations.stats.fullCapacityMembers', { count: fullCapacityMembers }));
      }
      break;
    }
    case 'compound': {
      const { buildings, exclusiveUnits, totalAreaCentiM2 } = stats;
      if (buildings !== undefined) {
        parts.push(t('organizations.stats.buildings', { count: buildings }));
      }
      if (exclusiveUnits !== undefined) {
        parts.push(t('organizations.stats.exclusiveUnits', { count: exclusiveUnits }));
      }
      if (totalAreaCentiM2 !== undefined && Number.isSafeInteger(totalAreaCentiM2)) {
        parts.push(t('organizations.stats.totalArea', { area: formatArea(totalAreaCentiM2) }));
      }
      break;
    }
    case 'street':
    case 'community':
      return [];
  }
  return parts;
}

/** The phrases as one sentence: 「3 栋楼 · 304 个专有部分 · 总面积 31,063.90㎡」, or null when there are none. */
export function describeStats(kind: OrgNodeKind, stats: UnitStats | undefined, t: TFunction): string | null {
  const phrases = statsPhrases(kind, stats, t);
  return phrases.length > 0 ? phrases.join(t('organizations.stats.separator')) : null;
}
