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
