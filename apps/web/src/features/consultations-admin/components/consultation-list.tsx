import type { ConsultationPhase } from '@yishi/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SelectField } from '../../../components/form/select-field';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { formatDate } from '../../../lib/format';
import { useMediaQuery } from '../../../lib/use-media-query';
import type { ConsultationSummary } from '../api/list-unit-consultations';
import { useUnitsConsultations } from '../api/list-unit-consultations';
import { PHASES } from '../utils/phases';
import '../../../components/data-table.css';
import './consultations-admin.css';

const WIDE_SCREEN = '(min-width: 64em)';

/** Where a consultation's console page is. */
export const consultationConsolePath = (id: string): string => `/console/consultations/${id}`;

export function PhaseBadge({ phase }: { phase: ConsultationPhase }) {
  const { t } = useTranslation();
  return <span className={`badge phase-badge phase-badge--${phase}`}>{t(`convene.phase.${phase}`)}</span>;
}

function VersionText({ consultation }: { consultation: ConsultationSummary }) {
  const { t } = useTranslation();
  return <>{consultation.currentVersion === null ? t('convene.list.noVersion') : t('convene.list.version', { number: consultation.currentVersion })}</>;
}

function Cards({ items, showUnits }: { items: ConsultationSummary[]; showUnits: boolean }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return (
    <ul className="plain-list console-consultations">
      {items.map((consultation) => (
        <li key={consultation.id} className="console-consultation">
          <h3 className="console-consultation__title">
            <Link to={consultationConsolePath(consultation.id)}>{consultation.title}</Link>
          </h3>
          <p className="console-consultation__line">
            <PhaseBadge phase={consultation.phase} />
            <span>
              <VersionText consultation={consultation} />
            </span>
            <span>{t('convene.list.comments', { count: consultation.commentCount })}</span>
          </p>
          {showUnits && <p className="console-consultation__units">{consultation.units.map((unit) => unit.name).join(t('convene.listSeparator'))}</p>}
          <p className="console-consultation__meta">{t('convene.list.opened', { date: formatDate(consultation.createdAt, language) ?? '', node: consultation.ownerNodeName })}</p>
        </li>
      ))}
    </ul>
  );
}

function Table({ items, showUnits, caption }: { items: ConsultationSummary[]; showUnits: boolean; caption: string }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return (
    <div className="data-table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('convene.list.title')}</th>
            <th scope="col">{t('convene.list.phase')}</th>
            {showUnits && <th scope="col">{t('convene.list.units')}</th>}
            <th scope="col">{t('convene.list.draft')}</th>
            <th scope="col">{t('convene.list.commentCount')}</th>
            <th scope="col">{t('convene.list.openedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((consultation) => (
            <tr key={consultation.id}>
              <th scope="row">
                <Link to={consultationConsolePath(consultation.id)}>{consultation.title}</Link>
              </th>
              <td>
                <PhaseBadge phase={consultation.phase} />
              </td>
              {showUnits && <td>{consultation.units.map((unit) => unit.name).join(t('convene.listSeparator'))}</td>}
              <td className="data-table__nowrap">
                <VersionText consultation={consultation} />
              </td>
              <td className="data-table__number">{consultation.commentCount}</td>
              <td className="data-table__nowrap">
                {formatDate(consultation.createdAt, language)}
                <span className="data-table__aside">{consultation.ownerNodeName}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The consultations of one unit, or of the units of a community (each once), newest first, with
 * their phase; a phase filter; each opens its console page.
 */
export function ConsultationList({ unitIds, showUnits }: { unitIds: readonly string[]; showUnits: boolean }) {
  const { t } = useTranslation();
  const wide = useMediaQuery(WIDE_SCREEN);
  const [phase, setPhase] = useState<ConsultationPhase | ''>('');
  const list = useUnitsConsultations(unitIds);
  const items = (list.data ?? []).filter((consultation) => !phase || consultation.phase === phase);
  const status = list.data
    ? phase
      ? t('convene.list.countInPhase', { count: items.length, phase: t(`convene.phase.${phase}`) })
      : t('convene.list.count', { count: items.length })
    : '';
  return (
    <div className="stack">
      {list.data && list.data.length > 0 && (
        <SelectField label={t('convene.list.filter')} name="phase" value={phase} onChange={(event) => setPhase(event.target.value as ConsultationPhase | '')}>
          <option value="">{t('convene.list.allPhases')}</option>
          {PHASES.map((option) => (
            <option key={option} value={option}>
              {t(`convene.phase.${option}`)}
            </option>
          ))}
        </SelectField>
      )}
      {list.isPending && (
        <p className="notice" role="status">
          {t('common.loading')}
        </p>
      )}
      {list.error !== null && !list.data && <QueryError error={list.error} retrying={list.isFetching} onRetry={list.refetch} />}
      {list.data && (
        <>
          <p className="convene-status" role="status">
            {status}
          </p>
          {list.data.length === 0 && <p className="notice">{t('convene.list.empty')}</p>}
          {items.length > 0 && (wide ? <Table items={items} showUnits={showUnits} caption={status} /> : <Cards items={items} showUnits={showUnits} />)}
        </>
      )}
    </div>
  );
}
