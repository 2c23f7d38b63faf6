import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { conflictReason } from '../../../lib/api-problems';
import { formatDateTime } from '../../../lib/format';
import type { Objection, VoteDetail } from '../api/votes';
import { useAnswerObjection, useObjections } from '../api/votes';
import { voteResultPath } from '../../../shared/votes/paths';
import { ReasonForm, useNow } from './vote-common';
import { Loading } from '../../../components/loading';
import { Section } from '../../../components/section';

function ObjectionItem({ vote, objection }: { vote: VoteDetail; objection: Objection }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const answer = useAnswerObjection(vote.id);
  const [answering, setAnswering] = useState(false);
  return (
    <li className="card objection">
      <p className="objection__meta">{t('voteAdmin.objections.received', { at: formatDateTime(objection.createdAt, language) ?? '' })}</p>
      <p className="objection__body">{objection.body}</p>
      {objection.answer ? (
        <div className="objection__answer">
          <p className="objection__meta">{t('voteAdmin.objections.answered', { at: formatDateTime(objection.answeredAt ?? '', language) ?? '' })}</p>
          <p className="objection__body">{objection.answer}</p>
        </div>
      ) : (
        <>
          <p className="badge objection__waiting">{t('voteAdmin.objections.waiting')}</p>
          {vote.canManage && !answering && (
            <div className="button-row">
              <button type="button" className="button button--primary button--small" onClick={() => setAnswering(true)}>
                {t('voteAdmin.objections.answer')}
              </button>
            </div>
          )}
          {answering && (
            <ReasonForm
              label={t('voteAdmin.objections.answerLabel')}
              hint={t('voteAdmin.objections.answerHint')}
              multiLine
              max={2000}
              submitLabel={t('voteAdmin.objections.send')}
              pendingLabel={t('voteAdmin.objections.sending')}
              pending={answer.isPending}
              error={answer.error}
              errorText={(error) => (conflictReason(error) === 'answered' ? t('voteAdmin.objections.already') : null)}
              onCancel={() => setAnswering(false)}
              onSubmit={(text) => answer.mutate({ objectionId: objection.id, answer: text }, { onSuccess: () => setAnswering(false) })}
            />
          )}
        </>
      )}
    </li>
  );
}

/**
 * 异议: objections to the provisional result and their answers. The final notice is published by
 * a job once the objection window has passed and every objection is answered; this says which.
 */
export function ObjectionsPanel({ vote }: { vote: VoteDetail }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const counted = vote.status === 'closed' || vote.status === 'final';
  const now = useNow();
  const list = useObjections(vote.id, counted);
  if (!counted) return <p className="notice">{t('voteAdmin.objections.notYet')}</p>;
  if (list.isPending) return <Loading />;
  if (list.isError) return <QueryError error={list.error} retrying={list.isFetching} onRetry={() => void list.refetch()} />;
  const open = list.data.filter((o) => !o.answer).length;
  const windowOver = vote.objectionUntil !== null && now >= new Date(vote.objectionUntil).getTime();
  const until = formatDateTime(vote.objectionUntil ?? '', language) ?? '';
  const state =
    vote.status === 'final'
      ? t('voteAdmin.objections.final')
      : !windowOver
        ? t('voteAdmin.objections.windowOpen', { until })
        : open > 0
          ? t('voteAdmin.objections.waitingAnswers', { count: open })
          : t('voteAdmin.objections.finalSoon');
  return (
    <div className="stack">
      <Section titleId="objections-title" title={t('voteAdmin.objections.heading', { count: list.data.length })}>
        <p className={`notice ${vote.status === 'final' ? 'notice--success' : 'notice--info'}`} role="status">
          {state}
        </p>
        <p>
          <Link to={voteResultPath(vote.id)}>{t('voteAdmin.outcome.notice')}</Link>
        </p>
        {list.data.length === 0 ? (
          <p className="notice">{t('voteAdmin.objections.none')}</p>
        ) : (
          <ul className="plain-list objections">
            {list.data.map((objection) => (
              <ObjectionItem key={objection.id} vote={vote} objection={objection} />
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
