import type { TFunction } from 'i18next';
import type { ConsultationPhase } from '@yishi/contracts';
import type { FormEvent } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormAlert } from '../../../components/form/form-alert';
import { SelectField } from '../../../components/form/select-field';
import { TextAreaField } from '../../../components/form/text-area-field';
import { currentLanguage } from '../../../i18n';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useFocusFirstError } from '../../../lib/forms';
import { useChangePhase } from '../api/change-phase';
import type { ConsultationDetail } from '../../../shared/consultations/get-consultation';
import { earlierPhases, needsPublishedDraft, nextPhase, PHASES, phaseState } from '../utils/phases';
import './consultations-admin.css';
import { ConfirmButtons } from '../../../components/form/confirm-buttons';

const REASON_MIN = 2;
const REASON_MAX = 500;

type Outcome = { kind: 'forward'; to: ConsultationPhase } | { kind: 'back'; to: ConsultationPhase; reason: string };

function PlannedDates({ consultation, phase }: { consultation: ConsultationDetail; phase: ConsultationPhase }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const planned = consultation.phases.find((p) => p.phase === phase);
  if (!planned) return null;
  const start = formatDateTime(planned.startsAt, language) ?? '';
  const end = planned.endsAt ? formatDateTime(planned.endsAt, language) : null;
  return <span className="phase-step__dates">{end ? t('convene.phaseBar.plannedRange', { start, end }) : t('convene.phaseBar.plannedFrom', { start })}</span>;
}

function phaseError(error: unknown, t: TFunction, to: ConsultationPhase | null): string {
  if (error instanceof ApiError && error.code === 'CONFLICT' && to && needsPublishedDraft(to)) return t('convene.phaseBar.needsDraft');
  return errorMessage(error, t);
}

/**
 * Where the consultation stands among its seven phases, with their planned dates; for those who
 * run it: 进入下一阶段 (residents are told), and 退回 to an earlier phase with a reason, which is
 * recorded in the audit trail and shown here once done.
 */
export function PhaseBar({ consultation, draftHref }: { consultation: ConsultationDetail; draftHref: string | null }) {
  const { t } = useTranslation();
  const change = useChangePhase(consultation.id);
  const titleId = useId();
  const backForm = useRef<HTMLFormElement>(null);
  const [mode, setMode] = useState<'idle' | 'confirmNext' | 'back'>('idle');
  const [backTo, setBackTo] = useState<ConsultationPhase | ''>('');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  useFocusFirstError(backForm, attempt);
  const panel = useRef<HTMLElement>(null);
  // Where focus goes once drawn: the question just opened, the button of the one cancelled, or
  // the word that the phase changed. The buttons vanish while a question is open.
  const [focusTo, setFocusTo] = useState<'question' | 'next' | 'back' | 'outcome' | null>(null);
  useEffect(() => {
    if (focusTo === null) return;
    const selector = focusTo === 'question' ? '[data-question]' : focusTo === 'outcome' ? '.phase-panel__outcome .notice' : `[data-action="${focusTo}"]`;
    panel.current?.querySelector<HTMLElement>(selector)?.focus();
    // The request is used once; clearing it renders nothing new.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setFocusTo(null);
  }, [focusTo]);

  const current = consultation.phase;
  const next = nextPhase(current);
  const earlier = earlierPhases(current);
  const blocked = next !== null && needsPublishedDraft(next) && consultation.currentVersion === null;
  const manage = consultation.me.canManage;

  const forward = (): void => {
    if (!next || change.isPending) return;
    change.mutate(
      { to: next },
      {
        onSuccess: () => {
          setOutcome({ kind: 'forward', to: next });
          setMode('idle');
          setFocusTo('outcome');
        },
      },
    );
  };

  const goBack = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (change.isPending) return;
    const to = backTo || earlier[0];
    const text = reason.trim();
    const problem = [...text].length < REASON_MIN ? t('convene.phaseBar.reasonRequired') : [...text].length > REASON_MAX ? t('convene.phaseBar.reasonTooLong', { max: REASON_MAX }) : null;
    setReasonError(problem);
    if (problem || !to) {
      setAttempt((n) => n + 1);
      return;
    }
    change.mutate(
      { to, reason: text },
      {
        onSuccess: () => {
          setOutcome({ kind: 'back', to, reason: text });
          setMode('idle');
          setFocusTo('outcome');
          setReason('');
          setBackTo('');
        },
        onError: () => setAttempt((n) => n + 1),
      },
    );
  };

  const open = (next: typeof mode): void => {
    change.reset();
    setOutcome(null);
    setMode(next);
    setFocusTo('question');
  };

  const cancel = (): void => {
    setFocusTo(mode === 'back' ? 'back' : 'next');
    setMode('idle');
  };

  return (
    <section ref={panel} className="phase-panel" aria-labelledby={titleId}>
      <h2 className="section__title" id={titleId}>
        {t('convene.phaseBar.heading')}
      </h2>
      <ol className="plain-list phase-bar">
        {PHASES.map((phase, index) => {
          const state = phaseState(phase, current);
          return (
            <li key={phase} className={`phase-step phase-step--${state}`} aria-current={state === 'current' ? 'step' : undefined}>
              <span className="phase-step__number" aria-hidden="true">
                {index + 1}
              </span>
              <span className="phase-step__text">
                <span className="phase-step__name">{t(`convene.phase.${phase}`)}</span>
                <span className="visually-hidden">{t(`convene.phaseBar.state.${state}`)}</span>
                <PlannedDates consultation={consultation} phase={phase} />
              </span>
            </li>
          );
        })}
      </ol>
      <p className="phase-panel__now">
        {t('convene.phaseBar.now', { phase: t(`convene.phase.${current}`) })} {t(`convene.phaseHelp.${current}`)}
      </p>
      {outcome && (
        <div className="phase-panel__outcome">
          {outcome.kind === 'forward' ? (
            <FormAlert tone="success">{t('convene.phaseBar.movedForward', { phase: t(`convene.phase.${outcome.to}`) })}</FormAlert>
          ) : (
            <FormAlert tone="success">
              <p>{t('convene.phaseBar.movedBack', { phase: t(`convene.phase.${outcome.to}`) })}</p>
              <p className="phase-panel__reason">{t('convene.phaseBar.backReason', { reason: outcome.reason })}</p>
            </FormAlert>
          )}
        </div>
      )}
      {manage && mode === 'idle' && (
        <div className="button-row">
          {next && (
            <button type="button" className="button button--primary" data-action="next" disabled={blocked} onClick={() => open('confirmNext')}>
              {t('convene.phaseBar.next', { phase: t(`convene.phase.${next}`) })}
            </button>
          )}
          {earlier.length > 0 && (
            <button type="button" className="button button--secondary" data-action="back" onClick={() => open('back')}>
              {t('convene.phaseBar.back')}
            </button>
          )}
        </div>
      )}
      {manage && mode === 'idle' && blocked && next && (
        <p className="notice notice--info">
          {t('convene.phaseBar.publishFirst', { phase: t(`convene.phase.${next}`) })}{' '}
          {draftHref && <Link to={draftHref}>{t('convene.phaseBar.toDraft')}</Link>}
        </p>
      )}
      {manage && mode === 'confirmNext' && next && (
        <div className="confirm" role="group" aria-label={t('convene.phaseBar.confirmNext', { phase: t(`convene.phase.${next}`) })}>
          <p data-question tabIndex={-1}>
            {t('convene.phaseBar.confirmNext', { phase: t(`convene.phase.${next}`) })}
          </p>
          <p className="confirm__detail">{t('convene.phaseBar.residentsTold')}</p>
          {change.isError && <FormAlert>{phaseError(change.error, t, next)}</FormAlert>}
          <ConfirmButtons confirm={change.isPending ? t('convene.phaseBar.moving') : t('convene.phaseBar.confirm')} busy={change.isPending} onConfirm={forward} onCancel={cancel} />
        </div>
      )}
      {manage && mode === 'back' && (
        <form ref={backForm} className="stack phase-back" noValidate onSubmit={goBack} aria-label={t('convene.phaseBar.backHeading')}>
          <h3 className="subsection__title" data-question tabIndex={-1}>
            {t('convene.phaseBar.backHeading')}
          </h3>
          {change.isError && <FormAlert>{phaseError(change.error, t, null)}</FormAlert>}
          <SelectField label={t('convene.phaseBar.backTo')} name="backTo" value={backTo || earlier[0]} onChange={(event) => setBackTo(event.target.value as ConsultationPhase)}>
            {earlier.map((phase) => (
              <option key={phase} value={phase}>
                {t(`convene.phase.${phase}`)}
              </option>
            ))}
          </SelectField>
          <TextAreaField
            label={t('convene.phaseBar.reason')}
            hint={t('convene.phaseBar.reasonHint')}
            name="reason"
            rows={3}
            maxChars={REASON_MAX}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            error={reasonError}
          />
          <ConfirmButtons confirm={change.isPending ? t('convene.phaseBar.moving') : t('convene.phaseBar.confirmBack')} busy={change.isPending} onCancel={cancel} />
        </form>
      )}
    </section>
  );
}
