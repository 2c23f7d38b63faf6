import type { ConsultationPhase } from '@yishi/contracts';
import { CONSULTATION_PHASES } from '@yishi/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { components } from '../../../api/schema';
import { FormAlert } from '../../../components/form/form-alert';
import { SelectField } from '../../../components/form/select-field';
import { QueryError } from '../../../components/query-error';
import { useAllComments } from '../api/list-all-comments';
import type { OpinionFilter } from '../utils/opinions';
import { adoptionReportXlsxUrl, filterCounts, groupByPlace, linkableClauses, matchesFilter, OPINION_FILTERS, placeKey } from '../utils/opinions';
import { OfflineOpinionForm } from './offline-opinion-form';
import { OpinionCard } from './opinion-card';
import './opinions.css';

type Version = components['schemas']['VersionDto'];

const phaseIndex = (phase: ConsultationPhase): number => CONSULTATION_PHASES.indexOf(phase);

interface OpinionsWorkspaceProps {
  consultation: { id: string; phase: ConsultationPhase; me: { canModerate: boolean; canRecordOffline: boolean } };
  /** The published versions with their clauses, oldest first. */
  versions: readonly Version[];
  /** The residents' page of the adoption report. */
  reportHref: string;
  /** The name to start the collector field with (the person entering). */
  collectorDefault: string;
}

/**
 * 意见: every opinion by version and place, filtered (未答复 / 已答复 / 被举报 / 已隐藏), each
 * answered officially or hidden with a reason; offline opinions entered with their provenance;
 * the adoption report to read and to download.
 */
export function OpinionsWorkspace({ consultation, versions, reportHref, collectorDefault }: OpinionsWorkspaceProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const comments = useAllComments(consultation.id);
  const [filter, setFilter] = useState<OpinionFilter>('all');
  const [place, setPlace] = useState('');
  const [recording, setRecording] = useState(false);
  const [recorded, setRecorded] = useState<string | null>(null);
  // Said to screen readers even when the opinion just answered leaves the filtered list.
  const [announcement, setAnnouncement] = useState('');
  const offlineButton = useRef<HTMLButtonElement>(null);
  const recordedRef = useRef<HTMLDivElement>(null);
  // The form closes once the opinion is entered: focus goes to the word that it was.
  useEffect(() => {
    if (recorded) recordedRef.current?.querySelector<HTMLElement>('.notice')?.focus();
  }, [recorded]);
  const current = versions.at(-1) ?? null;
  const phase = consultation.phase;
  const canReply = phaseIndex(phase) >= phaseIndex('comment');
  const offlineOpen = phase === 'comment' || phase === 'revision';
  const canRecord = consultation.me.canRecordOffline && offlineOpen && current !== null;

  const threads = comments.data?.threads ?? [];
  const counts = filterCounts(threads);
  const allGroups = groupByPlace(threads, versions);
  const shown = threads.filter((thread) => matchesFilter(thread, filter) && (!place || placeKey(thread) === place));
  const groups = groupByPlace(shown, versions);

  const placeName = (group: { versionNumber: number; clauseNumber: number | null; heading: string | null }): string => {
    const where = group.clauseNumber === null ? t('convene.opinions.wholeDraft') : t('convene.draft.clauseNumber', { number: group.clauseNumber });
    const named = group.heading ? t('convene.opinions.placeWithHeading', { place: where, heading: group.heading }) : where;
    return versions.length > 1 ? t('convene.opinions.inVersion', { version: group.versionNumber, place: named }) : named;
  };

  return (
    <section className="opinions stack" aria-labelledby={headingId}>
      <h2 className="section__title" id={headingId}>
        {t('convene.opinions.heading')}
      </h2>
      <p className="section__intro">{t('convene.opinions.intro')}</p>
      <ul className="plain-list opinions__links">
        <li>
          <Link to={reportHref} className="button button--secondary">
            {t('convene.opinions.report')}
          </Link>
        </li>
        <li>
          <a href={adoptionReportXlsxUrl(consultation.id)} className="button button--secondary" download>
            {t('convene.opinions.xlsx')}
          </a>
        </li>
      </ul>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {!canReply && <p className="notice notice--info">{t('convene.opinions.notYet')}</p>}
      {recorded && !recording && (
        <div ref={recordedRef}>
          <FormAlert tone="success">{recorded}</FormAlert>
        </div>
      )}
      {canRecord && !recording && (
        <div className="button-row">
          <button
            ref={offlineButton}
            type="button"
            className="button button--primary"
            onClick={() => {
              setRecorded(null);
              setRecording(true);
            }}
          >
            {t('convene.offline.open')}
          </button>
        </div>
      )}
      {consultation.me.canRecordOffline && !offlineOpen && canReply && <p className="notice">{t('convene.offline.closed')}</p>}
      {recording && current && (
        <OfflineOpinionForm
          consultationId={consultation.id}
          version={current}
          collectorDefault={collectorDefault}
          onDone={(message) => {
            setRecording(false);
            setRecorded(message);
          }}
          onCancel={() => {
            setRecording(false);
            requestAnimationFrame(() => offlineButton.current?.focus());
          }}
        />
      )}
      {comments.isPending && (
        <p className="notice" role="status">
          {t('common.loading')}
        </p>
      )}
      {comments.isError && <QueryError error={comments.error} retrying={comments.isFetching} onRetry={() => void comments.refetch()} />}
      {comments.data && (
        <>
          <fieldset className="opinion-filters">
            <legend className="field__label">{t('convene.opinions.filter')}</legend>
            <div className="opinion-filters__options">
              {OPINION_FILTERS.map((option) => (
                <label key={option} className="opinion-filter">
                  <input type="radio" name="opinion-filter" value={option} checked={filter === option} onChange={() => setFilter(option)} />
                  <span>{t(`convene.opinions.filters.${option}`, { count: counts[option] })}</span>
                </label>
              ))}
            </div>
          </fieldset>
          {allGroups.length > 1 && (
            <SelectField label={t('convene.opinions.place')} name="place" value={place} onChange={(event) => setPlace(event.target.value)}>
              <option value="">{t('convene.opinions.allPlaces')}</option>
              {allGroups.map((group) => (
                <option key={group.key} value={group.key}>
                  {t('convene.opinions.placeOption', { place: placeName(group), count: group.threads.length })}
                </option>
              ))}
            </SelectField>
          )}
          <p className="opinions__status" role="status">
            {t('convene.opinions.showing', { count: shown.length, total: threads.length })}
          </p>
          {comments.data.truncated && <p className="notice notice--warning">{t('convene.opinions.truncated')}</p>}
          {threads.length === 0 && <p className="notice">{t('convene.opinions.none')}</p>}
          {groups.map((group) => (
            <section key={group.key} className="opinion-group" aria-label={placeName(group)}>
              <h3 className="opinion-group__title">
                {placeName(group)}
                <span className="opinion-group__count">{t('convene.opinions.groupCount', { count: group.threads.length })}</span>
              </h3>
              <ul className="plain-list opinion-list">
                {group.threads.map((thread) => (
                  <li key={thread.id}>
                    <OpinionCard
                      consultationId={consultation.id}
                      thread={thread}
                      canModerate={consultation.me.canModerate}
                      canReply={canReply}
                      linkable={linkableClauses(thread, versions)}
                      onDone={setAnnouncement}
                    />
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </section>
  );
}
