/**
 * What an import would change, or did change, in words: per kind of roll row (households,
 * members; buildings, exclusive units, owners, ownerships, tenants) how many are added, changed,
 * removed and unchanged, and the people whose removal staff must notice.
 */
import type { TFunction } from 'i18next';
import type { RollImportCommit } from '../api/commit-import';
import type { RollKindCounts } from '../api/list-revisions';
import type { RollChange, RollImportPreview } from '../api/preview-import';

export type RollKind = RollKindCounts['kind'];

/** The order kinds are listed in: a cooperative's, then a compound's. */
export const ROLL_KIND_ORDER: readonly RollKind[] = ['household', 'member', 'building', 'exclusive_unit', 'owner', 'ownership', 'tenant'];

export const CHANGE_OPS = ['added', 'changed', 'removed'] as const;
export type ChangeOp = (typeof CHANGE_OPS)[number];

/** The revision summary's `counts` keys (rows on the roll after a revision), per kind. */
const COUNT_KEYS: Record<string, RollKind> = {
  households: 'household',
  members: 'member',
  buildings: 'building',
  exclusiveUnits: 'exclusive_unit',
  owners: 'owner',
  ownerships: 'ownership',
  tenants: 'tenant',
};

const rank = (kind: RollKind): number => ROLL_KIND_ORDER.indexOf(kind);

/** The summary in the fixed order of kinds. */
export function orderedSummary(summary: readonly RollKindCounts[]): RollKindCounts[] {
  return [...summary].sort((a, b) => rank(a.kind) - rank(b.kind));
}

/** Whether anything would be added, changed or removed. */
export function hasChanges(summary: readonly RollKindCounts[]): boolean {
  return summary.some((row) => row.added + row.changed + row.removed > 0);
}

/** `3 户` / `1 household`: a count of one kind, in words. */
export function kindCount(kind: RollKind, count: number, t: TFunction): string {
  return t(`roll.count.${kind}`, { count });
}

/**
 * 「新增 1 户、1 名成员；移除 2 名成员」: what changed, op by op, kinds in order; '' when nothing did
 * (the caller says 「没有变化」).
 */
export function describeChanges(summary: readonly RollKindCounts[], t: TFunction): string {
  const ordered = orderedSummary(summary);
  const parts: string[] = [];
  for (const op of CHANGE_OPS) {
    const counts = ordered.filter((row) => row[op] > 0).map((row) => kindCount(row.kind, row[op], t));
    if (counts.length > 0) parts.push(t(`roll.summary.op.${op}`, { list: counts.join(t('roll.summary.listSeparator')) }));
  }
  return parts.join(t('roll.summary.opSeparator'));
}

/** 「41 户 · 115 名成员」: what a revision left on the roll; unknown keys are skipped. */
export function describeCounts(counts: Readonly<Record<string, number>>, t: TFunction): string {
  return Object.entries(counts)
    .flatMap(([key, count]) => {
      const kind = COUNT_KEYS[key];
      return kind ? [{ kind, count }] : [];
    })
    .sort((a, b) => rank(a.kind) - rank(b.kind))
    .map(({ kind, count }) => kindCount(kind, count, t))
    .join(t('roll.summary.countSeparator'));
}

export type PreviewOutcome = 'problems' | 'unchanged' | 'changes';

/** A preview either lists problems (nothing can be saved), or changes nothing, or has changes to confirm. */
export function previewOutcome(preview: Pick<RollImportPreview, 'valid' | 'importId' | 'hasChanges'>): PreviewOutcome {
  if (!preview.valid || preview.importId === null) return 'problems';
  return preview.hasChanges ? 'changes' : 'unchanged';
}

export type CommitOutcome = { kind: 'revision'; number: number } | { kind: 'unchanged' };

/** A commit made revision N, or (a file equal to the roll) none: 「没有变化」. */
export function commitOutcome(result: RollImportCommit): CommitOutcome {
  return result.revision ? { kind: 'revision', number: result.revision.number } : { kind: 'unchanged' };
}

/** People the import would take off the roll although they signed up (实名) or hold a live letter. */
export function removalsToWatch(changes: readonly RollChange[]): RollChange[] {
  return changes.filter((change) => change.op === 'remove' && (change.linked || change.liveInvitation));
}

const FIELD_KEYS = {
  householdNumber: 'roll.field.householdNumber',
  address: 'roll.field.address',
  name: 'roll.field.name',
  birthDate: 'roll.field.birthDate',
  idNumber: 'roll.field.idNumber',
  isHouseholdHead: 'roll.field.isHouseholdHead',
  isHouseholdRepresentative: 'roll.field.isHouseholdRepresentative',
  isMemberRepresentative: 'roll.field.isMemberRepresentative',
  phone: 'roll.field.phone',
  number: 'roll.field.number',
  buildingName: 'roll.field.buildingName',
  kind: 'roll.field.kind',
  areaCentiM2: 'roll.field.area',
  areaSource: 'roll.field.areaSource',
  unitNumber: 'roll.field.unitNumber',
  ownerName: 'roll.field.ownerName',
  isDesignatedVoter: 'roll.field.isDesignatedVoter',
} as const;

/** A changed field's name in words (「手机」 for `phone`); an unknown one as it is. */
export function fieldName(field: string, t: TFunction): string {
  return Object.prototype.hasOwnProperty.call(FIELD_KEYS, field) ? t(FIELD_KEYS[field as keyof typeof FIELD_KEYS]) : field;
}
