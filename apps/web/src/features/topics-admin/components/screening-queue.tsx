import type { IntakeChannel, TopicStatus } from '@yishi/contracts';
import { INTAKE_CHANNELS, TOPIC_STATUSES } from '@yishi/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { FormAlert } from '../../../components/form/form-alert';
import { SelectField } from '../../../components/form/select-field';
import { Pagination } from '../../../components/pagination';
import { QueryError } from '../../../components/query-error';
import { useTopics } from '../api/list-topics';
import type { TopicSearch } from '../api/list-topics';
import { ALL, readTopicSearch, writeTopicSearch } from '../utils/topic-search';
import { OfflineTopicForm } from './offline-topic-form';
import type { ConsultationChoice, NewConsultationSlot, ScreenedInto } from './screening-actions';
import type { TopicLinks } from './topic-card';
import { TopicCard } from './topic-card';
import './screening.css';

interface ScreeningQueueProps {
  unitId: string;
  unitName: string;
  /** Screen topics (accept, merge, decline). */
  canManage: boolean;
  /** Enter topics that arrived offline, add photos of their paper. */
  canRecordOffline: boolean;
  /** The unit's consultations (a topic may join one not past its comment period). */
  consultations: readonly ConsultationChoice[];
  renderNewConsultation: NewConsultationSlot;
  links: TopicLinks;
  collectorDefault: string;
}

/**
 * 议题: a unit's topics, online and offline, by status (待筛选 first) and channel, a page at a
 * time; each accepted into a consultation, merged into another, or declined with a public reason;
 * offline topics entered with their provenance and photos of the paper.
 */
export function ScreeningQueue({ unitId, unitName, canManage, canRecordOffline, consultations, renderNewConsultation, links, collectorDefault }: ScreeningQueueProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const resultsTitle = useRef<HTMLHeadingElement>(null);
  const [params, setParams] = useSearchParams();
  const search = readTopicSearch(params);
  const topics = useTopics(unitId, search);
  const [recording, setRecording] = useState(false);
  const [recorded, setRecorded] = useState<{ message: string; failed: string | null } | null>(null);
  const [screened, setScreened] = useState<{ message: string; into: ScreenedInto | null; at: number } | null>(null);
  const screenedRef = useRef<HTMLDivElement>(null);
  const recordedRef = useRef<HTMLDivElement>(null);
  const offlineButton = useRef<HTMLButtonElement>(null);
  const [offlineCancelled, setOfflineCancelled] = useState(0);

  // The offline form closes: focus goes to the word that the topic was entered, or back to its button.
  useEffect(() => {
    if (recorded) recordedRef.current?.querySelector<HTMLElement>('.notice')?.focus();
  }, [recorded]);
  useEffect(() => {
    if (offlineCancelled > 0) offlineButton.current?.focus();
  }, [offlineCancelled]);

  // A screened topic leaves the list of those waiting: the outcome is said, and focus goes there.
  useEffect(() => {
    if (screened) screenedRef.current?.focus();
  }, [screened]);

  const go = (next: TopicSearch): void => setParams(writeTopicSearch(next));
  const pages = topics.data ? Math.max(1, Math.ceil(topics.data.total / topics.data.pageSize)) : 1;

  return (
    <section className="screening stack" aria-labelledby={headingId}>
      <h2 className="section__title" id={headingId}>
        {t('convene.topics.heading')}
      </h2>
      <p className="section__intro">{canManage ? t('convene.topics.intro', { unit: unitName }) : t('convene.topics.introOffline', { unit: unitName })}</p>
      {recorded && !recording && (
        <div ref={recordedRef}>
          <FormAlert tone={recorded.failed ? 'error' : 'success'}>
            <p>{recorded.message}</p>
            {recorded.failed && <p>{recorded.failed}</p>}
          </FormAlert>
        </div>
      )}
      {screened && (
        <div ref={screenedRef} className="notice notice--success" role="status" tabIndex={-1}>
          <p className="notice__text">{screened.message}</p>
          {screened.into && (
            <p className="notice__text">
              <Link to={links.consultation(screened.into.consultationId)}>{t('convene.screening.openConsultation', { title: screened.into.consultationTitle })}</Link>
            </p>
          )}
        </div>
      )}
      {canRecordOffline && !recording && (
        <div className="button-row">
          <button
            ref={offlineButton}
            type="button"
            className="button button--primary"
            onClick={() => {
              setRecorded(null);
              setScreened(null);
              setRecording(true);
            }}
          >
            {t('convene.topics.recordOffline')}
          </button>
        </div>
      )}
      {recording && (
        <OfflineTopicForm
          unitId={unitId}
          collectorDefault={collectorDefault}
          onCancel={() => {
            setRecording(false);
            setOfflineCancelled((n) => n + 1);
          }}
          onDone={(topic, failed) => {
            setRecording(false);
            setRecorded({ message: t('convene.topics.recorded', { title: topic.title, count: topic.photos.length }), failed });
            // The new topic waits for screening: show that list.
            go({ status: 'open', channel: null, page: 1 });
          }}
        />
      )}
      <div className="screening__filters">
        <SelectField label={t('convene.topics.status')} name="status" value={search.status ?? ALL} onChange={(event) => go({ ...search, status: event.target.value === ALL ? null : (event.target.value as TopicStatus), page: 1 })}>
          {TOPIC_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`convene.topicStatus.${status}`)}
            </option>
          ))}
          <option value={ALL}>{t('convene.topics.allStatuses')}</option>
        </SelectField>
        <SelectField label={t('convene.topics.channel')} name="channel" value={search.channel ?? ''} onChange={(event) => go({ ...search, channel: (event.target.value || null) as IntakeChannel | null, page: 1 })}>
          <option value="">{t('convene.topics.allChannels')}</option>
          {INTAKE_CHANNELS.map((channel) => (
            <option key={channel} value={channel}>
              {t(`convene.channel.${channel}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <section aria-labelledby={`${headingId}-results`} aria-busy={topics.isFetching}>
        <h3 className="visually-hidden" id={`${headingId}-results`} ref={resultsTitle} tabIndex={-1}>
          {t('convene.topics.results')}
        </h3>
        {topics.isPending && (
          <p className="notice" role="status">
            {t('common.loading')}
          </p>
        )}
        {topics.isError && !topics.data && <QueryError error={topics.error} retrying={topics.isFetching} onRetry={() => void topics.refetch()} />}
        {topics.data && (
          <div className="stack">
            <p className="screening__status" role="status">
              {search.status ? t('convene.topics.countIn', { count: topics.data.total, status: t(`convene.topicStatus.${search.status}`) }) : t('convene.topics.count', { count: topics.data.total })}
            </p>
            {topics.data.items.length === 0 && <p className="notice">{search.status === 'open' ? t('convene.topics.noneOpen') : t('convene.topics.none')}</p>}
            <ul className="plain-list screening-cards">
              {topics.data.items.map((topic) => (
                <li key={topic.id}>
                  <TopicCard
                    topic={topic}
                    unitId={unitId}
                    canRecordOffline={canRecordOffline}
                    consultations={consultations}
                    renderNewConsultation={renderNewConsultation}
                    links={links}
                    onScreened={(message, into) => {
                      setRecorded(null);
                      setScreened({ message, into: into ?? null, at: Date.now() });
                    }}
                  />
                </li>
              ))}
            </ul>
            <Pagination
              page={search.page}
              pages={pages}
              label={t('convene.topics.pages')}
              onPage={(page) => {
                go({ ...search, page });
                resultsTitle.current?.focus();
              }}
            />
          </div>
        )}
      </section>
    </section>
  );
}
