import type { TFunction } from 'i18next';
import { RULE_SETS } from '@yishi/domain';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormAlert } from '../../../components/form/form-alert';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { conflictReason } from '../../../lib/api-problems';
import { formatDateTime } from '../../../lib/format';
import type { Turnout, VoteDetail } from '../api/votes';
import { useCancelVote, useOpenVote, useTurnout } from '../api/votes';
import { formatArea, participation, turnoutBars } from '../utils/turnout';
import { noticeEnds } from '../utils/vote-form';
import { voteResultPath } from '../utils/vote-paths';
import { ReasonForm, useNow } from './vote-common';

function useWhen() {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return (iso: string | null | undefined): string => (iso ? (formatDateTime(iso, language) ?? '') : '');
}

/** What the vote is: body, rule, question, window, notice and settings. */
export function VoteFacts({ vote, consultationHref }: { vote: VoteDetail; consultationHref: string | null }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const when = useWhen();
  const info = RULE_SETS[vote.ruleSet];
  const ends = noticeEnds(vote.ruleSet, new Date(vote.announcedAt)).toISOString();
  return (
    <section className="section" aria-labelledby="vote-facts-title">
      <h2 className="section__title" id="vote-facts-title">
        {t('voteAdmin.facts.heading')}
      </h2>
      <dl className="facts vote-facts">
        <div className="facts__row">
          <dt>{t('voteAdmin.facts.question')}</dt>
          <dd className="vote-facts__question">{vote.question}</dd>
        </div>
        {vote.options && (
          <div className="facts__row">
            <dt>{t('voteAdmin.facts.options')}</dt>
            <dd>
              <ul className="vote-facts__options">
                {vote.options.map((o) => (
                  <li key={o.id}>{language === 'en' ? o.labelEn : o.label}</li>
                ))}
              </ul>
            </dd>
          </div>
        )}
        <div className="facts__row">
          <dt>{t('voteAdmin.facts.body')}</dt>
          <dd>
            {language === 'en' ? vote.bodyEn : vote.bodyZh}
            <span className="facts__aside">
              {' '}
              {vote.unitName}
            </span>
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('voteAdmin.facts.ruleSet')}</dt>
          <dd>
            {t(`convene.ruleSet.${vote.ruleSet}.name`)}
            <span className="vote-facts__detail">{t('convene.ruleSetSource', { body: info.body[language], statute: info.statute[language] })}</span>
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('voteAdmin.facts.window')}</dt>
          <dd>{t('voteAdmin.facts.windowValue', { opens: when(vote.opensAt), closes: when(vote.closesAt) })}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('voteAdmin.facts.notice')}</dt>
          <dd>
            {(vote.noticeDays ?? 0) > 0
              ? t('voteAdmin.facts.noticeValue', { count: vote.noticeDays, announced: when(vote.announcedAt), ends: when(ends) })
              : t('voteAdmin.facts.noNotice', { announced: when(vote.announcedAt) })}
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('voteAdmin.facts.ballot')}</dt>
          <dd>
            {vote.secrecy === 'named' ? t('voteAdmin.facts.named') : t('voteAdmin.facts.secret')}
            {' · '}
            {vote.secrecy === 'secret' ? t('voteAdmin.facts.final') : vote.allowChange ? t('voteAdmin.facts.mayChange') : t('voteAdmin.facts.noChange')}
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('voteAdmin.facts.settings')}</dt>
          <dd>
            {t(vote.turnoutPublic ? 'voteAdmin.facts.turnoutPublic' : 'voteAdmin.facts.turnoutPrivate')}
            {' · '}
            {t('voteAdmin.facts.proxyCap', { count: vote.proxyCap })}
            {' · '}
            {t('voteAdmin.facts.objectionDays', { count: vote.objectionDays })}
          </dd>
        </div>
        {consultationHref && (
          <div className="facts__row">
            <dt>{t('voteAdmin.facts.consultation')}</dt>
            <dd>
              <Link to={consultationHref}>{t('voteAdmin.facts.consultationLink')}</Link>
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
}

function openError(error: unknown, t: TFunction): string | null {
  const reason = conflictReason(error);
  if (reason === 'not_scheduled' || reason === 'past_close' || reason === 'roll_inconsistent') return t(`voteAdmin.open.errors.${reason}`);
  if (error instanceof ApiError && error.code === 'VALIDATION_FAILED') return t('voteAdmin.open.errors.reasonNeeded');
  return null;
}

/**
 * 立即开始 and 取消表决 for those who run it. Opening freezes the electorate; before the legal
 * notice has run it takes a reason, which the API records in the audit trail. There is no early
 * close: the window was part of the notice.
 */
export function VoteActions({ vote }: { vote: VoteDetail }) {
  const { t } = useTranslation();
  const when = useWhen();
  const titleId = useId();
  const open = useOpenVote(vote.id);
  const cancel = useCancelVote(vote.id);
  const [mode, setMode] = useState<'idle' | 'open' | 'cancel'>('idle');
  const [done, setDone] = useState<'opened' | 'openedEarly' | 'cancelled' | null>(null);
  const ends = noticeEnds(vote.ruleSet, new Date(vote.announcedAt));
  const now = useNow();
  const early = now < ends.getTime();
  // Voting can start once its opening time has come; before the notice has run, only by hand.
  const due = now >= new Date(vote.opensAt).getTime();
  const waitsForHand = vote.status === 'scheduled' && new Date(vote.opensAt).getTime() < ends.getTime();
  const canOpen = vote.status === 'scheduled' && due;
  const canCancel = vote.status === 'scheduled' || vote.status === 'open';
  if (!vote.canManage) return null;
  const start = (next: typeof mode): void => {
    open.reset();
    cancel.reset();
    setDone(null);
    setMode(next);
  };
  return (
    <section className="section vote-actions" aria-labelledby={titleId}>
      <h2 className="section__title" id={titleId}>
        {t('voteAdmin.actions.heading')}
      </h2>
      {done && <FormAlert tone="success">{t(`voteAdmin.actions.done.${done}`)}</FormAlert>}
      {vote.status === 'scheduled' && (
        <p className="section__intro">
          {!waitsForHand
            ? t('voteAdmin.actions.scheduled', { opens: when(vote.opensAt) })
            : due
              ? t('voteAdmin.actions.dueByHand', { ends: when(ends.toISOString()) })
              : t('voteAdmin.actions.scheduledByHand', { opens: when(vote.opensAt), ends: when(ends.toISOString()) })}
        </p>
      )}
      {vote.status === 'open' && <p className="section__intro">{t('voteAdmin.actions.noEarlyClose', { closes: when(vote.closesAt) })}</p>}
      {mode === 'idle' && (canOpen || canCancel) && (
        <div className="button-row">
          {canOpen && (
            <button type="button" className="button button--primary" onClick={() => start('open')}>
              {t('voteAdmin.actions.openNow')}
            </button>
          )}
          {canCancel && (
            <button type="button" className="button button--secondary" onClick={() => start('cancel')}>
              {t('voteAdmin.actions.cancel')}
            </button>
          )}
        </div>
      )}
      {mode === 'open' && early && (
        <div className="confirm">
          <p>{t('voteAdmin.actions.earlyWarning', { count: vote.noticeDays, ends: when(ends.toISOString()) })}</p>
          <ReasonForm
            label={t('voteAdmin.actions.earlyReason')}
            hint={t('voteAdmin.actions.earlyReasonHint')}
            submitLabel={t('voteAdmin.actions.openEarly')}
            pendingLabel={t('voteAdmin.actions.opening')}
            pending={open.isPending}
            error={open.error}
            errorText={(error) => openError(error, t)}
            onSubmit={(reason) => open.mutate(reason, { onSuccess: () => (setDone('openedEarly'), setMode('idle')) })}
            onCancel={() => setMode('idle')}
          />
        </div>
      )}
      {mode === 'open' && !early && (
        <div className="confirm" role="group" aria-label={t('voteAdmin.actions.openNow')}>
          <p>{t('voteAdmin.actions.confirmOpen')}</p>
          {open.isError && <FormAlert>{openError(open.error, t) ?? errorMessage(open.error, t)}</FormAlert>}
          <div className="button-row">
            <button type="button" className="button button--primary" aria-disabled={open.isPending} onClick={() => !open.isPending && open.mutate(null, { onSuccess: () => (setDone('opened'), setMode('idle')) })}>
              {open.isPending ? t('voteAdmin.actions.opening') : t('voteAdmin.actions.openNow')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setMode('idle')}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      {mode === 'cancel' && (
        <div className="confirm">
          <p>{t('voteAdmin.actions.cancelWarning')}</p>
          <ReasonForm
            label={t('voteAdmin.actions.cancelReason')}
            submitLabel={t('voteAdmin.actions.confirmCancel')}
            pendingLabel={t('voteAdmin.actions.cancelling')}
            pending={cancel.isPending}
            error={cancel.error}
            onSubmit={(reason) => cancel.mutate(reason, { onSuccess: () => (setDone('cancelled'), setMode('idle')) })}
            onCancel={() => setMode('idle')}
          />
        </div>
      )}
    </section>
  );
}

function Bars({ turnout }: { turnout: Turnout }) {
  const { t } = useTranslation();
  const bars = turnoutBars(turnout.conditions);
  const figures = turnout.figures;
  if (bars.length === 0) {
    const p = participation(figures);
    return (
      <p className="vote-turnout__plain">
        {t('voteAdmin.turnout.plain', { persons: p.persons, of: p.of, percent: p.percent ?? '—' })}
      </p>
    );
  }
  return (
    <ul className="turnout-bars">
      {bars.map((bar) => {
        const area = bar.measure === 'area';
        const value = area ? t('voteAdmin.turnout.areaValue', { part: formatArea(bar.numerator), whole: formatArea(bar.denominator) }) : t('voteAdmin.turnout.countValue', { part: bar.numerator, whole: bar.denominator });
        const label = t(`voteAdmin.turnout.condition.${bar.id}` as 'voteAdmin.turnout.condition.turnout-area');
        return (
          <li key={bar.id} className={`turnout-bar${bar.met ? ' turnout-bar--met' : ''}`}>
            <p className="turnout-bar__label">
              <span className="turnout-bar__name">{label}</span>
              <span className="turnout-bar__percent">{bar.percent === null ? '—' : `${bar.percent}%`}</span>
            </p>
            <div
              className="turnout-bar__track"
              role="meter"
              aria-label={label}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(bar.fill * 100) / 100}
              aria-valuetext={t('voteAdmin.turnout.meterText', { percent: bar.percent ?? '0', threshold: bar.thresholdText })}
            >
              <span className="turnout-bar__fill" style={{ width: `${bar.fill}%` }} />
              <span className="turnout-bar__line" style={{ left: `${bar.threshold}%` }} aria-hidden="true" />
            </div>
            <p className="turnout-bar__detail">
              {value} · {t(`voteAdmin.turnout.threshold.${bar.comparison}`, { fraction: bar.thresholdText })} · {bar.met ? t('voteAdmin.turnout.met') : t('voteAdmin.turnout.notMet')}
            </p>
          </li>
        );
      })}
    </ul>
  );
}

/** 实时参与情况: area % and headcount % against the threshold line, read again every few seconds while open, and the frozen denominators. */
export function VoteTurnout({ vote }: { vote: VoteDetail }) {
  const { t } = useTranslation();
  const titleId = useId();
  const turnout = useTurnout(vote.id, vote.status);
  if (vote.status === 'scheduled' || vote.status === 'cancelled') {
    return vote.status === 'scheduled' ? <p className="notice notice--info">{t('voteAdmin.turnout.notYet')}</p> : null;
  }
  if (!vote.canManage && !vote.turnoutPublic) return null;
  const figures = turnout.data?.figures;
  return (
    <section className="section vote-turnout" aria-labelledby={titleId}>
      <h2 className="section__title" id={titleId}>
        {vote.status === 'open' ? t('voteAdmin.turnout.headingLive') : t('voteAdmin.turnout.heading')}
      </h2>
      {vote.status === 'open' && <p className="section__intro">{t('voteAdmin.turnout.liveHint')}</p>}
      {turnout.isPending && <p className="notice">{t('common.loading')}</p>}
      {turnout.isError && !turnout.data && <QueryError error={turnout.error} retrying={turnout.isFetching} onRetry={() => void turnout.refetch()} />}
      {turnout.data && figures && (
        <>
          <Bars turnout={turnout.data} />
          <h3 className="subsection__title">{t('voteAdmin.turnout.electorate')}</h3>
          <dl className="facts turnout-figures">
            <div className="facts__row">
              <dt>{t('voteAdmin.turnout.persons')}</dt>
              <dd>{t('voteAdmin.turnout.personsValue', { participating: figures.participating.persons, electorate: figures.electorate.persons })}</dd>
            </div>
            {figures.electorate.area !== null && (
              <div className="facts__row">
                <dt>{t('voteAdmin.turnout.area')}</dt>
                <dd>{t('voteAdmin.turnout.areaFigures', { participating: formatArea(figures.participating.area ?? 0), electorate: formatArea(figures.electorate.area) })}</dd>
              </div>
            )}
            {figures.electorate.households !== null && (
              <div className="facts__row">
                <dt>{t('voteAdmin.turnout.households')}</dt>
                <dd>{t('voteAdmin.turnout.personsValue', { participating: figures.participating.households ?? 0, electorate: figures.electorate.households })}</dd>
              </div>
            )}
            <div className="facts__row">
              <dt>{t('voteAdmin.turnout.ballots')}</dt>
              <dd>{t('voteAdmin.turnout.ballotsValue', { received: figures.ballots.received, online: figures.ballots.online, paper: figures.ballots.paper, meeting: figures.ballots.meeting })}</dd>
            </div>
          </dl>
        </>
      )}
    </section>
  );
}

/** After close: the provisional result, the objection window, then the final notice the job publishes. */
export function VoteOutcome({ vote }: { vote: VoteDetail }) {
  const { t } = useTranslation();
  const when = useWhen();
  const titleId = useId();
  if (vote.status !== 'counting' && vote.status !== 'closed' && vote.status !== 'final') return null;
  return (
    <section className="section vote-outcome" aria-labelledby={titleId}>
      <h2 className="section__title" id={titleId}>
        {t('voteAdmin.outcome.heading')}
      </h2>
      {vote.status === 'counting' ? (
        <p className="notice notice--info">{t('voteAdmin.outcome.counting')}</p>
      ) : (
        <>
          <p className={`vote-verdict vote-verdict--${vote.passed ? 'passed' : 'failed'}`}>{vote.passed ? t('voteAdmin.outcome.passed') : t('voteAdmin.outcome.failed')}</p>
          <p>{vote.status === 'final' ? t('voteAdmin.outcome.final') : t('voteAdmin.outcome.provisional', { until: when(vote.objectionUntil) })}</p>
          {vote.closingHash && (
            <p className="vote-hash">
              {t('voteAdmin.outcome.closingHash')} <code>{vote.closingHash}</code>
            </p>
          )}
          <div className="button-row">
            <Link to={voteResultPath(vote.id)} className="button button--primary">
              {t('voteAdmin.outcome.notice')}
            </Link>
            <a href={`/api/votes/${vote.id}/recount-kit`} className="button button--secondary" download>
              {t('voteAdmin.outcome.kit')}
            </a>
          </div>
        </>
      )}
    </section>
  );
}
