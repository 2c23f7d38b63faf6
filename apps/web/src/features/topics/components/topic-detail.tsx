import { LIMITS } from '@yishi/contracts';
import type { ChangeEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LiveMessage } from '../../../components/live-message';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';
import { checkFile, megabytes } from '../../../lib/upload';
import { useAddTopicPhoto } from '../api/add-topic-photo';
import type { Topic } from '../api/list-topics';
import { useTopic } from '../api/get-topic';
import { PHOTO_ACCEPT, PHOTO_RULES } from '../utils/topic-form';
import { SecondToggle, TopicByline, TopicDecision, TopicStatusBadge } from './topic-parts';
import './topics.css';
import { Section } from '../../../components/section';

/** Add a photo to my open topic (after a failed upload, or later), one at a time, three at most. */
function AddPhoto({ topic }: { topic: Topic }) {
  const { t } = useTranslation();
  const add = useAddTopicPhoto();
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const choose = (event: ChangeEvent<HTMLInputElement>): void => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file || add.isPending) return;
    const problem = checkFile(file, PHOTO_RULES);
    if (problem) {
      setStatus({
        tone: 'error',
        text:
          problem.kind === 'wrongType'
            ? t('topics.form.photoWrongType', { name: file.name })
            : problem.kind === 'empty'
              ? t('topics.form.photoEmpty', { name: file.name })
              : t('topics.form.photoTooLarge', { name: file.name, max: megabytes(problem.maxBytes) }),
      });
      return;
    }
    setStatus(null);
    add.mutate(
      { topicId: topic.id, file },
      {
        onSuccess: () => setStatus({ tone: 'success', text: t('topics.detail.photoAdded') }),
        onError: (error) =>
          setStatus({
            tone: 'error',
            text:
              error instanceof ApiError && error.code === 'CONFLICT' && error.details?.['reason'] === 'too_many_photos'
                ? t('topics.form.photoTooMany', { name: file.name, max: LIMITS.topicPhotos })
                : errorMessage(error, t),
          }),
      },
    );
  };
  return (
    <div className="stack topic-add-photo">
      <label className="button button--secondary topic-form__photo-button">
        {add.isPending ? t('topics.detail.photoUploading') : t('topics.form.addPhoto')}
        <input type="file" accept={PHOTO_ACCEPT} className="visually-hidden" onChange={choose} disabled={add.isPending} />
      </label>
      <LiveMessage tone={status?.tone}>{status?.text}</LiveMessage>
    </div>
  );
}

interface TopicDetailProps {
  topicId: string;
  titleId: string;
  /** Just submitted: say so, and how many photos did not make it. */
  submitted: { failedPhotos: number } | null;
}

/** A topic: its words and photos, who raised it and how, the seconds, and the screening decision in public. */
export function TopicDetail({ topicId, titleId, submitted }: TopicDetailProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const topic = useTopic(topicId);
  if (topic.isPending) {
    return (
      <p className="notice" role="status">
        {t('common.loading')}
      </p>
    );
  }
  if (topic.isError) return <QueryError error={topic.error} retrying={topic.isFetching} onRetry={() => void topic.refetch()} />;
  const data = topic.data;
  return (
    <article className="topic-detail" aria-labelledby={titleId}>
      <header className="page-header">
        <p className="page-header__kind">
          <Link to={`/units/${data.unitId}/topics`}>{t('topics.unitTopics', { unit: data.unitName })}</Link>
        </p>
        <p className="topic-card__badges">
          <TopicStatusBadge status={data.status} />
        </p>
        <h1 className="page-title" id={titleId} tabIndex={-1}>
          {data.title}
        </h1>
        <TopicByline topic={data} />
      </header>
      {submitted && (
        <div className="notice notice--success" role="status">
          <p className="notice__text">{t('topics.detail.submitted')}</p>
          {submitted.failedPhotos > 0 && <p>{t('topics.detail.photosFailed', { count: submitted.failedPhotos })}</p>}
        </div>
      )}
      {data.body && <p className="topic-detail__body">{data.body}</p>}
      {data.offline && (
        <p className="topic-detail__provenance">
          {t('topics.detail.offline', {
            channel: t(`intakeChannel.${data.channel}`),
            collector: data.offline.collectorName ?? t('topics.detail.unknownCollector'),
            date: formatDate(`${data.offline.collectedOn}T12:00:00+08:00`, language) ?? data.offline.collectedOn,
            recorder: data.offline.recordedByName,
          })}
        </p>
      )}
      {data.photos.length > 0 && (
        <ul className="plain-list topic-photos" aria-label={t('topics.detail.photos')}>
          {data.photos.map((photo) => (
            <li key={photo.fileId}>
              <a href={photo.url} className="topic-photos__link">
                <img src={photo.url} alt={t('topics.detail.photoAlt', { n: photo.position, title: data.title })} className="topic-photos__image" loading="lazy" />
              </a>
            </li>
          ))}
        </ul>
      )}
      {data.me.canAddPhotos && <AddPhoto topic={data} />}
      {data.mergedTopicCount > 0 && <p>{t('topics.detail.merged', { count: data.mergedTopicCount })}</p>}
      <Section titleId="topic-screening" title={t('topics.detail.screening')}>
        {data.decision ? <TopicDecision topic={data} /> : <p className="notice notice--info">{t('topics.detail.awaiting')}</p>}
      </Section>
      <Section titleId="topic-seconds" title={t('topics.detail.seconds')} intro={t('topics.detail.secondsIntro')}>
        <SecondToggle topic={data} />
      </Section>
    </article>
  );
}
