/**
 * What a vote decides, as the law lists the matters of each body: Civil Code art. 278's nine items
 * for the owners of a compound, the RCEO Law's member-assembly powers (arts. 26, 15) and the Land
 * Management Law (art. 63) for a cooperative, the Village Committee Law's list (arts. 24, 28) for a
 * village. Each matter names the rule sets that may decide it and why (`MATTERS`); a vote names
 * the matters it decides, and a body that may not decide one of them is refused before anything is
 * announced. The ids are stable: they are stored with every vote and published in the recount kit.
 */
export const MATTER_KINDS = [
  // Owners of a compound: Civil Code art. 278 para. 1, items (1)–(9).
  'procedure-rules',
  'management-statute',
  'owners-committee',
  'property-service',
  'repair-fund-use',
  'repair-fund-raising',
  'rebuilding',
  'common-parts-use',
  'owners-other',
  // A cooperative's member assembly: RCEO Law art. 26 para. 1, items (1)–(13), and art. 15.
  'charter',
  'internal-rules',
  'membership',
  'officers',
  'work-reports',
  'officer-pay',
  'plans-and-distribution',
  'land-contracting',
  'homestead',
  'share-quantification',
  'commercial-construction-land',
  'compensation-distribution',
  'major-investment',
  'merger-or-split',
  'cooperative-other',
  'non-member-rights',
  // A village: Village Committee Law art. 24 para. 1, items (1)–(9), and art. 28 (villager group).
  'village-allowances',
  'village-income-use',
  'village-public-works',
  'village-land-contracting',
  'village-projects',
  'village-homestead',
  'village-compensation',
  'village-property-disposal',
  'village-other',
  'villager-group-affairs',
  // Nothing the law gives to a body: an informal poll (a date, a preference).
  'other',
] as const;
export type MatterKind = (typeof MATTER_KINDS)[number];

export function isMatterKind(value: unknown): value is MatterKind {
  return typeof value === 'string' && (MATTER_KINDS as readonly string[]).includes(value);
}
