import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import type { RollRevision } from '../api/list-households';

/** 「名册第 2 版 · 2026年3月8日 09:05 导入 · 黄敏」: which version of the roll is shown. */
export function RevisionLine({ revision }: { revision: RollRevision }) {
  const { t, i18n } = useTranslation();
  const when = formatDateTime(revision.createdAt, currentLanguage(i18n)) ?? revision.createdAt;
  return (
    <p className="roll-revision-line">
      <strong>{t('roll.revision.number', { number: revision.number })}</strong>
      {t('roll.separator')}
      {t(`roll.revision.madeBy.${revision.source}`, { date: when })}
      {revision.createdByName && (
        <>
          {t('roll.separator')}
          {revision.createdByName}
        </>
      )}
    </p>
  );
}
