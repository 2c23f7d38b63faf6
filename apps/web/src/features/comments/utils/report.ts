/** The adoption report's sections (by version, then whole draft, then clauses) grouped under their version. */

interface SectionLike {
  versionId: string;
  versionNumber: number;
  versionTitle: string;
}

export interface ReportVersion<S extends SectionLike> {
  versionId: string;
  versionNumber: number;
  versionTitle: string;
  sections: S[];
}

export function reportVersions<S extends SectionLike>(sections: readonly S[]): ReportVersion<S>[] {
  const versions: ReportVersion<S>[] = [];
  for (const section of sections) {
    let version = versions.find((v) => v.versionId === section.versionId);
    if (!version) {
      version = { versionId: section.versionId, versionNumber: section.versionNumber, versionTitle: section.versionTitle, sections: [] };
      versions.push(version);
    }
    version.sections.push(section);
  }
  return versions;
}

interface PagedSection<I> {
  versionId: string;
  clauseId: string | null;
  items: I[];
}

/**
 * The sections of the report's pages read so far, as one list: a section a page boundary cut in
 * two (the same version and clause at the end of one page and the start of the next) is one again.
 */
export function mergeReportPages<I, S extends PagedSection<I>>(pages: readonly { sections: readonly S[] }[]): S[] {
  const merged: S[] = [];
  for (const page of pages) {
    for (const section of page.sections) {
      const last = merged.at(-1);
      if (last && last.versionId === section.versionId && last.clauseId === section.clauseId) {
        merged[merged.length - 1] = { ...last, items: [...last.items, ...section.items] };
      } else {
        merged.push(section);
      }
    }
  }
  return merged;
}
