import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { consultationPath } from '../../../shared/consultations/links';
import { formatDate } from '../../../lib/format';
import type { ConsultationSummary } from '../api/list-unit-consultations';
import { useUnitConsultations } from '../api/list-unit-consultations';
import { PhaseBadge } from './phase-badge';
import './consultations.css';

function ConsultationCard({ consultation, unitId }: { consultation: ConsultationSummary; unitId: string }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const otherUnits = consultation.units.filter((unit) => unit.id !== unitId);
  return (
    <li className="consultation-card">
      <p className="consultation-card__badges">
        <PhaseBadge phase={consultation.phase} />
      </p>
      <h3 className="consultation-card__title">
        <Link to={consultationPath(consultation.id)} className="consultation-card__link">
          {consultation.title}
        </Link>
      </h3>
      <p className="consultation-card__meta">
        {consultation.currentVersion === null ? t('consultations.noDraftYet') : t('consultations.draftVersion', { number: consultation.currentVersion })}
        {t('consultations.separator')}
        {t('consultations.commentCount', { count: consultation.commentCount })}
      </p>
      <p className="consultation-card__meta">
        {t('consultations.phaseSince', { date: formatDate(consultation.phaseChangedAt, language) ?? '' })}
        {otherUnits.length > 0 && (
          <>
            {t('consultations.separator')}
            {t('consultations.alsoUnits', { units: otherUnits.map((unit) => unit.name).join(t('consultations.nameSeparator')) })}
          </>
        )}
      </p>
    </li>
  );
}

interface UnitConsultationsProps {
  unitId: string;
  /** Shown when the unit has none. */
  emptyText?: string;
}

/** The consultations of one unit, newest first: phase, draft version and how many opinions so far. */
export function UnitConsultations({ unitId, emptyText }: UnitConsultationsProps) {
  const { t } = useTranslation();
  const consultations = useUnitConsultations(unitId);
  if (consultations.isPending) {
    return (
      <p className="notice" role="status">
        {t('common.loading')}
      </p>
    );
  }
  if (consultations.isError) {
    return <QueryError error={consultations.error} retrying={consultations.isFetching} onRetry={() => void consultations.refetch()} />;
  }
  if (consultations.data.length === 0) return <p className="notice">{emptyText ?? t('consultations.none')}</p>;
  return (
    <ul className="plain-list consultation-list">
      {consultations.data.map((consultation) => (
        <ConsultationCard key={consultation.id} consultation={consultation} unitId={unitId} />
      ))}
    </ul>
  );
}
