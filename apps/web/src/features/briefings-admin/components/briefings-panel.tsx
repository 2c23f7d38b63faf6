import type { TFunction } from 'i18next';
import { LIMITS } from '@yishi/contracts';
import type { FormEvent } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form/form-alert';
import { TextAreaField } from '../../../components/form/text-area-field';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { errorMessage } from '../../../lib/api-client';
import { conflictReason, detailNumber } from '../../../lib/api-problems';
import { formatDateTime } from '../../../lib/format';
import { useCancelBriefing } from '../api/cancel-briefing';
import { useCreateBriefing } from '../api/create-briefing';
import type { Briefing } from '../api/list-briefings';
import { useBriefings } from '../api/list-briefings';
import { useUpdateBriefing } from '../api/update-briefing';
import { briefingDraftOf, briefingTiming, changedFields, emptyBriefing } from '../utils/briefing-form';
import { Attendance } from './attendance';
import { BriefingForm } from './briefing-form';
import './briefings.css';
import { ConfirmButtons } from '../../../components/form/confirm-buttons';

type Translate = TFunction;

function briefingError(error: unknown, t: Translate): string | null {
  if (!error) return null;
  const reason = conflictReason(error);
  switch (reason) {
    case 'below_taken':
      return t('convene.briefings.conflict.below_taken', { taken: detailNumber(error, 'taken') ?? 0 });
    case 'cancelled':
    case 'started':
      return t(`convene.briefings.conflict.${reason}`);
    default:
      return errorMessage(error, t);
  }
}

function CancelForm({ consultationId, briefing, onDone, onCancel }: { consultationId: string; briefing: Briefing; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const cancel = useCancelBriefing(consultationId);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  // The question opens in place of the button that opened it: focus goes to it.
  const question = useRef<HTMLParagraphElement>(null);
  useEffect(() => question.current?.focus(), []);
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (cancel.isPending) return;
    const text = reason.trim();
    if ([...text].length > LIMITS.reason) {
      setError(t('convene.briefings.errors.tooLong', { max: LIMITS.reason }));
      return;
    }
    setError(null);
    cancel.mutate({ briefingId: briefing.id, reason: text || null }, { onSuccess: onDone });
  };
  return (
    <form className="stack confirm" noValidate onSubmit={submit} aria-label={t('convene.briefings.cancelQuestion')}>
      <p ref={question} tabIndex={-1}>
        {t('convene.briefings.cancelQuestion')}
      </p>
      {briefing.taken > 0 && <p className="confirm__detail">{t('convene.briefings.cancelTells', { count: briefing.taken })}</p>}
      {cancel.isError && <FormAlert>{briefingError(cancel.error, t)}</FormAlert>}
      <TextAreaField label={t('convene.briefings.cancelReason')} name="cancelReason" rows={2} maxChars={LIMITS.reason} value={reason} onChange={(event) => setReason(event.target.value)} error={error} />
      <ConfirmButtons confirm={t('convene.briefings.cancelConfirm')} busy={cancel.isPending} onCancel={onCancel} cancel={t('convene.briefings.keep')} />
    </form>
  );
}

function BriefingCard({ consultationId, briefing, canManage, canRecord }: { consultationId: string; briefing: Briefing; canManage: boolean; canRecord: boolean }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const update = useUpdateBriefing(consultationId);
  const titleId = useId();
  const [mode, setMode] = useState<'view' | 'edit' | 'cancel'>('view');
  const [done, setDone] = useState<string | null>(null);
  const article = useRef<HTMLElement>(null);
  // Back to the button of the form just closed, or to the word that it was saved.
  const [focusTo, setFocusTo] = useState<'edit' | 'cancel' | 'done' | null>(null);
  useEffect(() => {
    if (focusTo === null) return;
    article.current?.querySelector<HTMLElement>(focusTo === 'done' ? '.briefing-desk__done .notice' : `[data-action="${focusTo}"]`)?.focus();
    // The request is used once; clearing it renders nothing new.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setFocusTo(null);
  }, [focusTo]);
  const close = (): void => {
    if (mode !== 'view') setFocusTo(mode);
    setMode('view');
  };
  const finish = (message: string): void => {
    setMode('view');
    setDone(message);
    setFocusTo('done');
  };
  const timing = briefingTiming(briefing);
  const cancelled = briefing.cancelledAt !== null;
  const start = formatDateTime(briefing.startsAt, language) ?? '';
  const end = formatDateTime(briefing.endsAt, language) ?? '';
  const seatsLeft = Math.max(0, briefing.capacity - briefing.taken);
  return (
    <article ref={article} className={`briefing-desk${cancelled ? ' briefing-desk--cancelled' : ''}`} aria-labelledby={titleId}>
      <h3 className="briefing-desk__title" id={titleId}>
        {t('convene.briefings.when', { start, end })}
      </h3>
      <p className="briefing-desk__place">{briefing.place}</p>
      <p className="briefing-desk__badges">
        {cancelled ? (
          <span className="badge briefing-badge briefing-badge--cancelled">{t('convene.briefings.cancelled')}</span>
        ) : (
          <span className={`badge briefing-badge briefing-badge--${timing}`}>{t(`convene.briefings.timing.${timing}`)}</span>
        )}
      </p>
      <dl className="facts briefing-desk__facts">
        <div className="facts__row">
          <dt>{t('convene.briefings.seats')}</dt>
          <dd>{t('convene.briefings.seatsValue', { taken: briefing.taken, capacity: briefing.capacity, left: seatsLeft })}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('convene.briefings.came')}</dt>
          <dd>{t('convene.briefings.cameValue', { attended: briefing.attended, walkIns: briefing.walkIns, total: briefing.attended + briefing.walkIns })}</dd>
        </div>
      </dl>
      {briefing.notes && <p className="briefing-desk__notes">{briefing.notes}</p>}
      {done && mode === 'view' && (
        <div className="briefing-desk__done">
          <FormAlert tone="success">{done}</FormAlert>
        </div>
      )}
      {canManage && !cancelled && mode === 'view' && (
        <div className="button-row">
          <button type="button" className="button button--secondary button--small" data-action="edit" onClick={() => setMode('edit')}>
            {t('convene.briefings.edit')}
            {' '}
            <span className="visually-hidden">{t('convene.briefings.when', { start, end })}</span>
          </button>
          <button type="button" className="button button--secondary button--small" data-action="cancel" onClick={() => setMode('cancel')}>
            {t('convene.briefings.cancel')}
            {' '}
            <span className="visually-hidden">{t('convene.briefings.when', { start, end })}</span>
          </button>
        </div>
      )}
      {mode === 'edit' && (
        <BriefingForm
          initial={briefingDraftOf(briefing)}
          heading={t('convene.briefings.editHeading')}
          submitLabel={t('convene.briefings.saveChanges')}
          pending={update.isPending}
          error={briefingError(update.error, t)}
          onCancel={close}
          onSubmit={(request) => {
            const changes = changedFields(briefing, briefingDraftOf(request));
            if (Object.keys(changes).length === 0) {
              close();
              return;
            }
            update.mutate({ briefingId: briefing.id, body: changes }, { onSuccess: () => finish(t('convene.briefings.saved')) });
          }}
        />
      )}
      {mode === 'cancel' && (
        <CancelForm
          consultationId={consultationId}
          briefing={briefing}
          onCancel={close}
          onDone={() => finish(t('convene.briefings.cancelDone'))}
        />
      )}
      {(canManage || canRecord) && <Attendance consultationId={consultationId} briefing={briefing} canRecord={canRecord} />}
    </article>
  );
}

/** 宣讲: the sessions of a consultation; scheduling, changing and cancelling them; sign-ups and attendance. */
export function BriefingsPanel({ consultationId, canManage, canRecord }: { consultationId: string; canManage: boolean; canRecord: boolean }) {
  const { t } = useTranslation();
  const headingId = useId();
  const briefings = useBriefings(consultationId);
  const create = useCreateBriefing(consultationId);
  const addButton = useRef<HTMLButtonElement>(null);
  const [adding, setAdding] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  const [closed, setClosed] = useState(0);
  // The form closes: focus goes to the word that the briefing was scheduled, or back to its button.
  useEffect(() => {
    if (done) doneRef.current?.querySelector<HTMLElement>('.notice')?.focus();
  }, [done]);
  useEffect(() => {
    if (closed > 0) addButton.current?.focus();
  }, [closed]);
  const list = [...(briefings.data ?? [])].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return (
    <section className="briefings stack" aria-labelledby={headingId}>
      <h2 className="section__title" id={headingId}>
        {t('convene.briefings.heading')}
      </h2>
      <p className="section__intro">{t('convene.briefings.intro')}</p>
      {done && !adding && (
        <div ref={doneRef}>
          <FormAlert tone="success">{done}</FormAlert>
        </div>
      )}
      {canManage && !adding && (
        <div className="button-row">
          <button
            ref={addButton}
            type="button"
            className="button button--primary"
            onClick={() => {
              setDone(null);
              create.reset();
              setAdding(true);
            }}
          >
            {t('convene.briefings.add')}
          </button>
        </div>
      )}
      {adding && (
        <BriefingForm
          initial={emptyBriefing()}
          heading={t('convene.briefings.addHeading')}
          submitLabel={t('convene.briefings.schedule')}
          pending={create.isPending}
          error={briefingError(create.error, t)}
          onCancel={() => {
            setAdding(false);
            setClosed((n) => n + 1);
          }}
          onSubmit={(request) =>
            create.mutate(request, {
              onSuccess: () => {
                setAdding(false);
                setDone(t('convene.briefings.scheduled'));
              },
            })
          }
        />
      )}
      {briefings.isPending && (
        <p className="notice" role="status">
          {t('common.loading')}
        </p>
      )}
      {briefings.isError && <QueryError error={briefings.error} retrying={briefings.isFetching} onRetry={() => void briefings.refetch()} />}
      {briefings.isSuccess && list.length === 0 && <p className="notice">{t('convene.briefings.none')}</p>}
      {list.length > 0 && (
        <ul className="plain-list briefing-desk-list">
          {list.map((briefing) => (
            <li key={briefing.id}>
              <BriefingCard consultationId={consultationId} briefing={briefing} canManage={canManage} canRecord={canRecord} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
