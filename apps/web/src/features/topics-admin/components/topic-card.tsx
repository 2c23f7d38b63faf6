import { LIMITS } from '@yishi/contracts';
import type { ChangeEvent, FormEvent } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FileField } from '../../../components/form/file-field';
import { FormAlert } from '../../../components/form/form-alert';
import { currentLanguage } from '../../../i18n';
import { formatDate, formatDateTime } from '../../../lib/format';
import { megabytes } from '../../../lib/upload';
import { PHOTO_MAX_BYTES, useAddTopicPhoto } from '../api/add-topic-photo';
import type { Topic } from '../api/list-topics';
import { photoProblem } from './offline-topic-form';
import type { ConsultationChoice, NewConsultationSlot, ScreenedInto } from './screening-actions';
import { AcceptForm, DeclineForm, MergeForm, screeningErrorMessage } from './screening-actions';

export interface TopicLinks {
  /** The topic's page as residents see it. */
  topic: (topicId: string) => string;
  /** A consultation's console page. */
  consultation: (consultationId: string) => string;
}

function Decision({ topic, links }: { topic: Topic; links: TopicLinks }) {
  const { t, i18n } = useTranslation();
  const decision = topic.decision;
  if (!decision) return null;
  return (
    <div className={`topic-decision topic-decision--${decision.outcome}`}>
      <p className="topic-decision__head">
        <strong>{t(`convene.topicStatus.${decision.outcome}`)}</strong>
        <span className="topic-decision__by">
          {t('convene.screening.decidedBy', { name: decision.screenedByName ?? t('convene.screening.someone'), date: formatDateTime(decision.screenedAt, currentLanguage(i18n)) ?? '' })}
        </span>
      </p>
      {decision.consultationId && (
        <p className="topic-decision__line">
          {t('convene.screening.intoConsultation')}{' '}
          <Link to={links.consultation(decision.consultationId)}>{decision.consultationTitle ?? t('convene.screening.aConsultation')}</Link>
        </p>
      )}
      {decision.mergedIntoId && (
        <p className="topic-decision__line">
          {t('convene.screening.intoTopic')} <Link to={links.topic(decision.mergedIntoId)}>{decision.mergedIntoTitle ?? ''}</Link>
        </p>
      )}
      {decision.reason && <p className="topic-decision__reason">{decision.reason}</p>}
    </div>
  );
}

function AddPhoto({ topic, unitId }: { topic: Topic; unitId: string }) {
  const { t } = useTranslation();
  const add = useAddTopicPhoto(unitId);
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (add.isPending) return;
    const found = file ? photoProblem([file], t) : t('convene.topics.errors.photoRequired');
    setProblem(found);
    if (found || !file) return;
    add.mutate(
      { topicId: topic.id, file },
      {
        onSuccess: () => {
          setFile(null);
          if (input.current) input.current.value = '';
        },
      },
    );
  };
  return (
    <form className="stack topic-photo-form" noValidate onSubmit={submit} aria-label={t('convene.topics.addPhoto')}>
      {add.isError && <FormAlert>{screeningErrorMessage(add.error, t)}</FormAlert>}
      <FileField
        ref={input}
        label={t('convene.topics.addPhoto')}
        hint={t('convene.topics.photosHint', { count: LIMITS.topicPhotos - topic.photos.length, megabytes: megabytes(PHOTO_MAX_BYTES) })}
        accept=".jpg,.jpeg,.png,.webp,image/jpeg,image/png,image/webp"
        onChange={(event: ChangeEvent<HTMLInputElement>) => {
          setFile(event.target.files?.[0] ?? null);
          setProblem(null);
        }}
        error={problem}
      />
      <div className="button-row">
        <button type="submit" className="button button--secondary button--small" aria-disabled={add.isPending}>
          {add.isPending ? t('convene.topics.uploading') : t('convene.topics.uploadPhoto')}
        </button>
      </div>
    </form>
  );
}

interface TopicCardProps {
  topic: Topic;
  unitId: string;
  canRecordOffline: boolean;
  consultations: readonly ConsultationChoice[];
  renderNewConsultation: NewConsultationSlot;
  links: TopicLinks;
  /** A screening decision was taken (the topic may leave the list shown): what to tell. */
  onScreened: (message: string, into?: ScreenedInto) => void;
}

/** One topic in the queue: what it says, where it came from, its photos and seconds; 采纳 / 合并 / 不采纳 while open. */
export function TopicCard({ topic, unitId, canRecordOffline, consultations, renderNewConsultation, links, onScreened }: TopicCardProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const titleId = useId();
  const [mode, setMode] = useState<'view' | 'accept' | 'merge' | 'decline'>('view');
  const article = useRef<HTMLElement>(null);
  // Where focus goes once the card has drawn: into the action just opened (its heading), or
  // back to the button that opened the one just cancelled. The buttons vanish while an action is open.
  const [focusTo, setFocusTo] = useState<'panel' | 'accept' | 'merge' | 'decline' | null>(null);
  useEffect(() => {
    if (focusTo === null) return;
    const card = article.current;
    const target = focusTo === 'panel' ? card?.querySelector<HTMLElement>('.screening-action__title') : card?.querySelector<HTMLElement>(`[data-action="${focusTo}"]`);
    target?.focus();
    // The request is used once; clearing it renders nothing new.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setFocusTo(null);
  }, [focusTo]);
  const finish = (message: string, into?: ScreenedInto): void => {
    setMode('view');
    onScreened(message, into);
  };
  const act = (next: 'accept' | 'merge' | 'decline') => () => {
    setMode(next);
    setFocusTo('panel');
  };
  const cancel = (): void => {
    if (mode !== 'view') setFocusTo(mode);
    setMode('view');
  };
  const offline = topic.offline;
  const who = topic.anonymous || !topic.submitterName ? t('convene.opinions.anonymous') : topic.submitterName;
  return (
    <article ref={article} className={`screening-card screening-card--${topic.status}`} aria-labelledby={titleId}>
      <h3 className="screening-card__title" id={titleId}>
        {topic.title}
      </h3>
      <p className="screening-card__badges">
        <span className={`badge topic-status topic-status--${topic.status}`}>{t(`convene.topicStatus.${topic.status}`)}</span>
        <span className="badge">{t(`convene.channel.${topic.channel}`)}</span>
        <span className="badge">{t('convene.topics.seconds', { count: topic.secondCount })}</span>
        {topic.mergedTopicCount > 0 && <span className="badge">{t('convene.topics.mergedIn', { count: topic.mergedTopicCount })}</span>}
      </p>
      <p className="screening-card__meta">{t('convene.topics.raisedBy', { who, date: formatDate(topic.createdAt, language) ?? '' })}</p>
      {offline && (
        <p className="screening-card__meta">
          {t('convene.topics.collected', {
            collector: offline.collectorName ?? t('convene.screening.someone'),
            date: formatDate(`${offline.collectedOn}T12:00:00+08:00`, language) ?? offline.collectedOn,
            recorder: offline.recordedByName,
          })}
        </p>
      )}
      {topic.body && <p className="screening-card__body">{topic.body}</p>}
      {topic.photos.length > 0 && (
        <ul className="plain-list topic-photos" aria-label={t('convene.topics.photoList', { count: topic.photos.length })}>
          {topic.photos.map((photo) => (
            <li key={photo.fileId}>
              <a href={photo.url} target="_blank" rel="noopener" className="topic-photo">
                <img src={photo.url} alt={t('convene.topics.photoAlt', { number: photo.position, title: topic.title })} loading="lazy" width="160" height="120" />
              </a>
            </li>
          ))}
        </ul>
      )}
      <Decision topic={topic} links={links} />
      <p className="screening-card__link">
        <Link to={links.topic(topic.id)}>{t('convene.topics.residentView')}</Link>
      </p>
      {topic.me.canScreen && mode === 'view' && (
        <div className="button-row screening-card__actions">
          <button type="button" className="button button--primary button--small" data-action="accept" onClick={act('accept')}>
            {t('convene.screening.accept')}
            {' '}
            <span className="visually-hidden">{topic.title}</span>
          </button>
          <button type="button" className="button button--secondary button--small" data-action="merge" onClick={act('merge')}>
            {t('convene.screening.merge')}
            {' '}
            <span className="visually-hidden">{topic.title}</span>
          </button>
          <button type="button" className="button button--secondary button--small" data-action="decline" onClick={act('decline')}>
            {t('convene.screening.decline')}
            {' '}
            <span className="visually-hidden">{topic.title}</span>
          </button>
        </div>
      )}
      {mode === 'accept' && (
        <AcceptForm topic={topic} unitId={unitId} consultations={consultations} renderNewConsultation={renderNewConsultation} onDone={finish} onCancel={cancel} />
      )}
      {mode === 'merge' && <MergeForm topic={topic} unitId={unitId} onDone={finish} onCancel={cancel} />}
      {mode === 'decline' && <DeclineForm topic={topic} unitId={unitId} onDone={finish} onCancel={cancel} />}
      {canRecordOffline && topic.channel !== 'online' && topic.status === 'open' && topic.photos.length < LIMITS.topicPhotos && mode === 'view' && (
        <details className="screening-card__more">
          <summary>{t('convene.topics.addPhoto')}</summary>
          <AddPhoto topic={topic} unitId={unitId} />
        </details>
      )}
    </article>
  );
}
