import type { MarkViewDto, MatterViewDto } from './dto/assembly.dto';
import type { Marks, VoteMatter } from './assembly-matters';

/** A matter of an assembly's ballot as the API shows it. */
export function matterView(m: VoteMatter): MatterViewDto {
  return {
    id: m.id,
    title: m.title,
    titleEn: m.titleEn,
    question: m.question,
    questionEn: m.questionEn,
    kind: m.kind,
    ruleSet: m.ruleSet,
    matterKinds: m.matterKinds,
    seats: m.seats,
    candidates: m.candidates?.map((c) => ({ id: c.id, name: c.name, statement: c.statement, statementEn: c.statementEn })) ?? null,
  };
}

/** A ballot's marks, matter by matter in the order of the paper, as the API shows them to the voter. */
export function markViews(marks: Marks): MarkViewDto[] {
  return Object.entries(marks).map(([matter, mark]) => (typeof mark === 'string' ? { matter, choice: mark as MarkViewDto['choice'], chosen: null } : { matter, choice: null, chosen: mark.chosen }));
}
