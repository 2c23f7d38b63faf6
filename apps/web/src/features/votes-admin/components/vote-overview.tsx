import type { TFunction } from 'i18next';
import { MATTERS, reasonProblem, RULE_SETS } from '@yishi/domain';
import type { FormEvent } from 'react';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormAlert } from '../../../components/form/form-alert';
import { TextAreaField } from '../../../components/form/text-area-field';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { errorMessage } from '../../../lib/api-client';
import { conflictReason, fieldReasons, refusalReason } from '../../../lib/api-problems';
import { useFocusFirstError } from '../../../lib/forms';
import { safeguardsOfVote } from '../../../shared/votes/safeguards';
import { SafeguardRows } from '../../../shared/votes/safeguard-rows';
import { formatDateTime } from '../../../lib/format';
import type { Turnout, VoteDetail } from '../api/votes';
import { useCancelVote, useDecideShortening, useOpenVote, useRequestShortening, useTurnout } from '../api/votes';
import { formatArea, participation, turnoutBars } from '../utils/turnout';
import { opening, requestedOpening } from '../utils/opening';
import { voteResultPath } from '../../../shared/votes/paths';
import { REASON_MAX, REASON_MIN, ReasonForm, useNow } from './vote-common';
import { AttachmentList } from '../../../components/attachment-list';
import { Section } from '../../../components/section';

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
  return (
    <Section titleId="vote-facts-title" title={t('voteAdmin.facts.heading')}>
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
        {vote.matterKinds.length > 0 && (
          <div className="facts__row">
            <dt>{t('voteAdmin.facts.matters')}</dt>
            <dd>
              <ul className="vote-facts__options">
                {vote.matterKinds.map((m) => (
                  <li key={m}>
                    {MATTERS[m].name[language]}
                    <span className="vote-facts__detail">{MATTERS[m].source[language]}</span>
                  </li>
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
        <SafeguardRows safeguards={safeguardsOfVote(vote)} />
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
        {vote.attachments.length > 0 && (
          <div className="facts__row">
            <dt>{t('voteAdmin.documents.heading')}</dt>
            <dd>
              <AttachmentList attachments={vote.attachments} label={t('voteAdmin.documents.heading')} />
            </dd>
          </div>
        )}
        {consultationHref && (
          <div className="facts__row">
            <dt>{t('voteAdmin.facts.consultation')}</dt>
            <dd>
              <Link to={consultationHref}>{t('voteAdmin.facts.consultationLink')}</Link>
            </dd>
          </div>
        )}
      </dl>
    </Section>
  );
}

function openError(error: unknown, t: TFunction): string | null {
  const reason = conflictReason(error);
  if (reason === 'not_scheduled' || reason === 'past_close' || reason === 'roll_inconsistent' || reason === 'approval_required') return t(`voteAdmin.open.errors.${reason}`);
  return null;
}

const SHORTENING_REASONS = ['not_needed', 'shortening_pending', 'already_decided', 'not_supervisor', 'same_person', 'not_scheduled', 'approval_required'] as const;

function shorteningError(error: unknown, t: TFunction): string | null {
  const reason = refusalReason(error);
  const known = SHORTENING_REASONS.find((r) => r === reason);
  if (known) return t(`voteAdmin.shortening.errors.${known}`);
  const problems = fieldReasons(error);
  if (problems.includes('reasonTooShort')) return t('voteAdmin.form.errors.shorteningReasonTooShort');
  if (problems.includes('reasonFiller')) return t('voteAdmin.form.errors.shorteningReasonFiller');
  return null;
}

/**
 * 开始与取消 for those who run it. Opening freezes the electorate. A vote that keeps its legal
 * notice and its shortest period opens by itself at its time (or by hand once due); one that would
 * open early or short needs the approval of staff of the community or street: here the convenor
 * asks, with a reason of substance, and sees the request waiting, refused or approved. There is
 * no early close: the window was part of the notice.
 */
export function VoteActions({ vote }: { vote: VoteDetail }) {
  const { t } = useTranslation();
  const when = useWhen();
  const titleId = useId();
  const open = useOpenVote(vote.id);
  const cancel = useCancelVote(vote.id);
  const request = useRequestShortening(vote.id);
  const [mode, setMode] = useState<'idle' | 'open' | 'cancel' | 'request'>('idle');
  const [done, setDone] = useState<'opened' | 'cancelled' | 'requested' | null>(null);
  const now = useNow();
  const state = opening(vote, now);
  const canOpen = (state?.kind === 'lawful' || state?.kind === 'approved') && state.canOpen;
  const canRequest = state?.kind === 'needsApproval';
  const canCancel = vote.status === 'scheduled' || vote.status === 'open';
  if (!vote.canManage) return null;
  const start = (next: typeof mode): void => {
    open.reset();
    cancel.reset();
    request.reset();
    setDone(null);
    setMode(next);
  };
  const ends = when(vote.noticeEndsAt);
  return (
    <section className="section vote-actions" aria-labelledby={titleId}>
      <h2 className="section__title" id={titleId}>
        {t('voteAdmin.actions.heading')}
      </h2>
      {done && <FormAlert tone="success">{done === 'requested' ? t('voteAdmin.shortening.requested') : t(`voteAdmin.actions.done.${done}`)}</FormAlert>}
      {state && (
        <p className="section__intro">
          {state.kind === 'lawful'
            ? t('voteAdmin.actions.scheduled', { opens: when(vote.opensAt) })
            : state.kind === 'pending'
              ? t('voteAdmin.shortening.pending')
              : state.kind === 'approved'
                ? state.canOpen
                  ? t('voteAdmin.shortening.approvedDue')
                  : t('voteAdmin.shortening.approvedLater', { opens: when(state.opensAt) })
                : state.refused
                  ? t('voteAdmin.shortening.refused', { ends })
                  : Date.parse(vote.opensAt) <= now
                    ? t('voteAdmin.actions.dueByHand', { ends })
                    : t('voteAdmin.actions.scheduledByHand', { opens: when(vote.opensAt), ends })}
        </p>
      )}
      {vote.status === 'open' && <p className="section__intro">{t('voteAdmin.actions.noEarlyClose', { closes: when(vote.closesAt) })}</p>}
      {mode === 'idle' && (canOpen || canRequest || canCancel) && (
        <div className="button-row">
          {canOpen && (
            <button type="button" className="button button--primary" onClick={() => start('open')}>
              {t('voteAdmin.actions.openNow')}
            </button>
          )}
          {canRequest && (
            <button type="button" className="button button--primary" onClick={() => start('request')}>
              {t('voteAdmin.shortening.request')}
            </button>
          )}
          {canCancel && (
            <button type="button" className="button button--secondary" onClick={() => start('cancel')}>
              {t('voteAdmin.actions.cancel')}
            </button>
          )}
        </div>
      )}
      {mode === 'request' && vote.status === 'scheduled' && (
        <div className="confirm">
          <p>{t('voteAdmin.shortening.requestIntro', { ends })}</p>
          <ReasonForm
            label={t('voteAdmin.form.shorteningReason')}
            hint={t('voteAdmin.shortening.reasonHint')}
            submitLabel={t('voteAdmin.shortening.requestSubmit')}
            pendingLabel={t('voteAdmin.shortening.requesting')}
            pending={request.isPending}
            error={request.error}
            errorText={(error) => shorteningError(error, t)}
            check={(reason) => {
              const problem = reasonProblem(reason);
              return problem === 'tooShort' ? t('voteAdmin.form.errors.shorteningReasonTooShort') : problem === 'filler' ? t('voteAdmin.form.errors.shorteningReasonFiller') : null;
            }}
            multiLine
            onSubmit={(reason) => request.mutate({ reason, opensAt: requestedOpening(vote, Date.now()) }, { onSuccess: () => (setDone('requested'), setMode('idle')) })}
            onCancel={() => setMode('idle')}
          />
        </div>
      )}
      {mode === 'open' && vote.status === 'scheduled' && (
        <div className="confirm" role="group" aria-label={t('voteAdmin.actions.openNow')}>
          <p>{t('voteAdmin.actions.confirmOpen')}</p>
          {open.isError && <FormAlert>{openError(open.error, t) ?? errorMessage(open.error, t)}</FormAlert>}
          <div className="button-row">
            <button type="button" className="button button--primary" aria-disabled={open.isPending} onClick={() => !open.isPending && open.mutate(undefined, { onSuccess: () => (setDone('opened'), setMode('idle')) })}>
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

/**
 * 审批缩短期限的申请: for staff of the community or street above the unit who neither asked nor
 * announced the vote. The request as the convenor made it, then approve or refuse with a note.
 */
export function ShorteningDecision({ vote }: { vote: VoteDetail }) {
  const { t } = useTranslation();
  const titleId = useId();
  const form = useRef<HTMLFormElement>(null);
  const decide = useDecideShortening(vote.id);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [done, setDone] = useState<'approved' | 'refused' | null>(null);
  useFocusFirstError(form, attempt);
  const shortening = vote.shortening;
  if (done) {
    return (
      <section className="section" aria-labelledby={titleId}>
        <h2 className="section__title" id={titleId}>
          {t('voteAdmin.shortening.decideHeading')}
        </h2>
        <FormAlert tone="success">{t(`voteAdmin.shortening.decided.${done}`)}</FormAlert>
      </section>
    );
  }
  if (!vote.canDecideShortening || shortening?.status !== 'pending') return null;
  const submit = (outcome: 'approved' | 'refused') => (event: FormEvent) => {
    event.preventDefault();
    if (decide.isPending) return;
    const text = note.trim();
    const found = [...text].length < REASON_MIN ? t('voteAdmin.shortening.noteRequired') : [...text].length > REASON_MAX ? t('voteAdmin.reason.tooLong', { max: REASON_MAX }) : null;
    setProblem(found);
    if (found) {
      setAttempt((n) => n + 1);
      return;
    }
    decide.mutate({ shorteningId: shortening.id, outcome, note: text }, { onSuccess: () => setDone(outcome) });
  };
  return (
    <section className="section shortening-decision" aria-labelledby={titleId}>
      <h2 className="section__title" id={titleId}>
        {t('voteAdmin.shortening.decideHeading')}
      </h2>
      <p className="section__intro">{t('voteAdmin.shortening.decideIntro', { unit: vote.unitName })}</p>
      <dl className="facts">
        <SafeguardRows safeguards={safeguardsOfVote(vote)} />
      </dl>
      <form ref={form} className="stack" noValidate onSubmit={submit('approved')} aria-label={t('voteAdmin.shortening.decideHeading')}>
        {decide.isError && <FormAlert>{shorteningError(decide.error, t) ?? errorMessage(decide.error, t)}</FormAlert>}
        <TextAreaField label={t('voteAdmin.shortening.note')} hint={t('voteAdmin.shortening.noteHint')} name="note" rows={3} maxChars={REASON_MAX} value={note} onChange={(event) => setNote(event.target.value)} error={problem} />
        <div className="button-row">
          <button type="submit" className="button button--primary" aria-disabled={decide.isPending}>
            {decide.isPending ? t('voteAdmin.shortening.deciding') : t('voteAdmin.shortening.approve')}
          </button>
          <button type="button" className="button button--secondary" aria-disabled={decide.isPending} onClick={submit('refused')}>
            {t('voteAdmin.shortening.refuse')}
          </button>
        </div>
      </form>
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
    <ul className="plain-list turnout-bars">
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
