import type { TopicStatus } from '@yishi/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LiveMessage } from '../../../components/live-message';
import { currentLanguage } from '../../../i18n';
import { errorMessage } from '../../../lib/api-client';
import { consultationPath } from '../../../shared/consultations/links';
import { formatDate } from '../../../lib/format';
import type { Topic } from '../api/list-topics';
import { useSecondTopic } from '../api/second-topic';
import './topics.css';

/** 待筛选 / 已采纳 / 已合并 / 未采纳, in words. */
export function TopicStatusBadge({ status }: { status: TopicStatus }) {
  const { t } = useTranslation();
  return <span className={`badge topic-status topic-status--${status}`}>{t(`topics.status.${status}`)}</span>;
}

/** Who raised it and how: 网上 or the offline channel, the name or 匿名, the day. */
export function TopicByline({ topic }: { topic: Topic }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const who = topic.anonymous || topic.submitterName === null ? t('topics.anonymous') : topic.submitterName;
  return (
    <p className="topic-byline">
      {t('topics.byline', { who, channel: t(`intakeChannel.${topic.channel}`), date: formatDate(topic.createdAt, language) ?? '' })}
      {topic.mine && <span className="badge badge--me">{t('topics.mine')}</span>}
    </p>
  );
}

/**
 * 附议: a toggle button (aria-pressed), with the number of people seconding beside it. Only for
 * an open topic of my unit that I did not raise; the result is announced.
 */
export function SecondToggle({ topic }: { topic: Topic }) {
  const { t } = useTranslation();
  const second = useSecondTopic();
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const toggle = (): void => {
    if (second.isPending) return;
    const seconded = !topic.secondedByMe;
    setStatus(null);
    second.mutate(
      { topicId: topic.id, unitId: topic.unitId, seconded },
      {
        onSuccess: (state) => setStatus({ tone: 'success', text: t(state.secondedByMe ? 'topics.second.done' : 'topics.second.withdrawn', { count: state.secondCount }) }),
        onError: (error) => setStatus({ tone: 'error', text: errorMessage(error, t) }),
      },
    );
  };
  return (
    <div className="topic-second">
      <p className="topic-second__count">{t('topics.second.count', { count: topic.secondCount })}</p>
      {topic.me.canSecond && (
        <button type="button" className="button button--secondary topic-second__button" aria-pressed={topic.secondedByMe} aria-disabled={second.isPending || undefined} onClick={toggle}>
          <span aria-hidden="true">{topic.secondedByMe ? '✓' : '+'}</span>
          {t('topics.second.button')}
          <span className="visually-hidden">{t('topics.second.forTopic', { title: topic.title })}</span>
        </button>
      )}
      <LiveMessage tone={status?.tone} className="topic-second__status">
        {status?.text}
      </LiveMessage>
    </div>
  );
}

/** The screening decision, shown to everyone: accepted into a consultation, merged into a topic, or declined with the reason. */
export function TopicDecision({ topic }: { topic: Topic }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const decision = topic.decision;
  if (!decision) return null;
  const by = decision.screenedByName
    ? t('topics.decision.by', { name: decision.screenedByName, date: formatDate(decision.screenedAt, language) ?? '' })
    : t('topics.decision.on', { date: formatDate(decision.screenedAt, language) ?? '' });
  return (
    <div className={`topic-decision topic-decision--${decision.outcome}`}>
      <p className="topic-decision__outcome">
        {decision.outcome === 'accepted' &&
          (decision.consultationId && decision.consultationTitle ? (
            <>
              {t('topics.decision.acceptedInto')}
              <Link to={consultationPath(decision.consultationId)}>{t('topics.decision.consultationTitle', { title: decision.consultationTitle })}</Link>
            </>
          ) : (
            t('topics.decision.acceptedPreparing')
          ))}
        {decision.outcome === 'merged' &&
          (decision.mergedIntoId ? (
            <>
              {t('topics.decision.mergedInto')}
              <Link to={`/topics/${decision.mergedIntoId}`}>{t('topics.decision.topicTitle', { title: decision.mergedIntoTitle ?? t('topics.decision.anotherTopic') })}</Link>
            </>
          ) : (
            t('topics.decision.merged')
          ))}
        {decision.outcome === 'declined' && t('topics.decision.declined')}
      </p>
      {decision.reason && (
        <p className="topic-decision__reason">
          <strong>{decision.outcome === 'declined' ? t('topics.decision.reason') : t('topics.decision.note')}</strong>
          {decision.reason}
        </p>
      )}
      <p className="topic-decision__by">{by}</p>
    </div>
  );
}
