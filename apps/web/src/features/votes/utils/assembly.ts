/**
 * An assembly's ballot (several matters on one paper) in words: a matter's name in the screen's
 * language, and what a ballot says of it — a choice, left blank, unreadable on paper, or the
 * candidates chosen by name.
 */
import type { TFunction } from 'i18next';

interface MatterLike {
  title: string;
  titleEn: string | null;
  kind: 'motion' | 'election';
  candidates: { id: string; name: string }[] | null;
}

interface MarkLike {
  choice: 'approve' | 'oppose' | 'abstain' | 'blank' | 'spoilt' | null;
  chosen: string[] | null;
}

export function matterTitle(matter: Pick<MatterLike, 'title' | 'titleEn'>, language: 'zh-CN' | 'en'): string {
  return language === 'en' ? matter.titleEn || matter.title : matter.title;
}

/** Candidate ids as their names, in the order given (an unknown id as itself). */
export function candidateNames(matter: Pick<MatterLike, 'candidates'>, ids: readonly string[]): string[] {
  const names = new Map((matter.candidates ?? []).map((c) => [c.id, c.name]));
  return ids.map((id) => names.get(id) ?? id);
}

export function markLabel(matter: MatterLike, mark: MarkLike, t: TFunction): string {
  if (mark.chosen) return mark.chosen.length === 0 ? t('votes.assembly.noneChosen') : candidateNames(matter, mark.chosen).join(t('votes.listSeparator'));
  switch (mark.choice) {
    case 'approve':
    case 'oppose':
    case 'abstain':
      return t(`votes.choice.${mark.choice}`);
    case 'spoilt':
      return t('votes.assembly.spoilt');
    case 'blank':
    case null:
      return t('votes.assembly.blank');
  }
}
