import type { TFunction } from 'i18next';
import type { ConsultationPhase } from '@yishi/contracts';
import { CONSULTATION_PHASES, LIMITS } from '@yishi/contracts';
import type { FormEvent, ReactNode } from 'react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form/form-alert';
import { SelectField } from '../../../components/form/select-field';
import { TextAreaField } from '../../../components/form/text-area-field';
import { errorMessage } from '../../../lib/api-client';
import { conflictReason } from '../../../lib/api-problems';
import { useFocusFirstError } from '../../../lib/forms';
import type { NewConsultationInput } from '../api/accept-topic';
import { useAcceptTopic } from '../api/accept-topic';
import { useDeclineTopic } from '../api/decline-topic';
import type { Topic } from '../api/list-topics';
import { useMergeTargets } from '../api/list-topics';
import { useMergeTopic } from '../api/merge-topic';
import { ConfirmButtons } from '../../../components/form/confirm-buttons';

type Translate = TFunction;

export function screeningErrorMessage(error: unknown, t: Translate): string {
  const reason = conflictReason(error);
  switch (reason) {
    case 'consultation_closed':
    case 'already_screened':
    case 'target_closed':
    case 'not_open':
    case 'too_many_photos':
      return t(`convene.screening.conflict.${reason}`);
    default:
      return errorMessage(error, t);
  }
}

/** A consultation a topic may join: of the topic's unit, not past its comment period. */
export interface ConsultationChoice {
  id: string;
  title: string;
  phase: ConsultationPhase;
}

export function acceptsTopics(phase: ConsultationPhase): boolean {
  return CONSULTATION_PHASES.indexOf(phase) <= CONSULTATION_PHASES.indexOf('comment');
}

/** The 发起议事 form, from the consultations' side: its fields, with the note added before its button. */
export type NewConsultationSlot = (props: { onSubmit: (input: NewConsultationInput) => void; pending: boolean; error: unknown; children: ReactNode }) => ReactNode;

function NoteField({ value, onChange, error }: { value: string; onChange: (value: string) => void; error: string | null }) {
  const { t } = useTranslation();
  return <TextAreaField label={t('convene.screening.note')} hint={t('convene.screening.noteHint')} name="note" rows={2} maxChars={LIMITS.reason} value={value} onChange={(event) => onChange(event.target.value)} error={error} />;
}

const noteProblem = (note: string, t: Translate): string | null => ([...note.trim()].length > LIMITS.reason ? t('convene.screening.noteTooLong', { max: LIMITS.reason }) : null);

/** Where a screened topic went, when it joined a consultation (the notice links to it). */
export interface ScreenedInto {
  consultationId: string;
  consultationTitle: string;
}

interface ActionProps {
  topic: Topic;
  unitId: string;
  onDone: (message: string, into?: ScreenedInto) => void;
  onCancel: () => void;
}

/** 采纳: into a consultation of the unit still taking topics, or into a new one opened here. */
export function AcceptForm({ topic, unitId, consultations, renderNewConsultation, onDone, onCancel }: ActionProps & { consultations: readonly ConsultationChoice[]; renderNewConsultation: NewConsultationSlot }) {
  const { t } = useTranslation();
  const accept = useAcceptTopic(unitId);
  const form = useRef<HTMLFormElement>(null);
  const open = consultations.filter((consultation) => acceptsTopics(consultation.phase));
  const [into, setInto] = useState<'existing' | 'new'>(open.length > 0 ? 'existing' : 'new');
  const [consultationId, setConsultationId] = useState(open[0]?.id ?? '');
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(form, attempt);

  const done = (accepted: Topic): void => {
    const decision = accepted.decision;
    const title = decision?.consultationTitle ?? '';
    onDone(t('convene.screening.accepted', { title }), decision?.consultationId ? { consultationId: decision.consultationId, consultationTitle: title } : undefined);
  };

  const submitExisting = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (accept.isPending) return;
    const problem = noteProblem(note, t);
    setNoteError(problem);
    if (problem || !consultationId) {
      setAttempt((n) => n + 1);
      return;
    }
    // mutateAsync: the topic leaves the list (and this form unmounts) while the list refreshes,
    // which would drop per-call callbacks; the promise still settles.
    accept.mutateAsync({ topicId: topic.id, body: { consultationId, ...(note.trim() ? { note: note.trim() } : {}) } }).then(done, () => setAttempt((n) => n + 1));
  };

  const submitNew = (input: NewConsultationInput): void => {
    if (accept.isPending) return;
    const problem = noteProblem(note, t);
    setNoteError(problem);
    if (problem) return;
    accept.mutateAsync({ topicId: topic.id, body: { newConsultation: input, ...(note.trim() ? { note: note.trim() } : {}) } }).then(done, () => undefined);
  };

  return (
    <div className="stack screening-action" role="group" aria-label={t('convene.screening.acceptHeading', { title: topic.title })}>
      <h4 className="screening-action__title" tabIndex={-1}>{t('convene.screening.acceptHeading', { title: topic.title })}</h4>
      <fieldset className="choice-group">
        <legend className="field__label">{t('convene.screening.into')}</legend>
        <label className="choice">
          <input type="radio" name={`into-${topic.id}`} checked={into === 'existing'} disabled={open.length === 0} onChange={() => setInto('existing')} />
          <span>{open.length > 0 ? t('convene.screening.intoExisting') : t('convene.screening.noneOpen')}</span>
        </label>
        <label className="choice">
          <input type="radio" name={`into-${topic.id}`} checked={into === 'new'} onChange={() => setInto('new')} />
          <span>{t('convene.screening.intoNew')}</span>
        </label>
      </fieldset>
      {into === 'existing' ? (
        <form ref={form} className="stack" noValidate onSubmit={submitExisting}>
          {accept.isError && <FormAlert>{screeningErrorMessage(accept.error, t)}</FormAlert>}
          <SelectField label={t('convene.screening.consultation')} name="consultation" value={consultationId} onChange={(event) => setConsultationId(event.target.value)}>
            {open.map((consultation) => (
              <option key={consultation.id} value={consultation.id}>
                {t('convene.screening.consultationOption', { title: consultation.title, phase: t(`convene.phase.${consultation.phase}`) })}
              </option>
            ))}
          </SelectField>
          <NoteField value={note} onChange={setNote} error={noteError} />
          <ConfirmButtons confirm={t('convene.screening.acceptConfirm')} busy={accept.isPending} onCancel={onCancel} />
        </form>
      ) : (
        <>
          {renderNewConsultation({
            onSubmit: submitNew,
            pending: accept.isPending,
            error: accept.error,
            children: <NoteField value={note} onChange={setNote} error={noteError} />,
          })}
          <div className="button-row">
            <button type="button" className="button button--secondary" onClick={onCancel}>
              {t('common.cancel')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}

/** 合并: into another open or accepted topic of the unit, which keeps the seconds of both. */
export function MergeForm({ topic, unitId, onDone, onCancel }: ActionProps) {
  const { t } = useTranslation();
  const merge = useMergeTopic(unitId);
  const targets = useMergeTargets(unitId, true);
  const form = useRef<HTMLFormElement>(null);
  const [into, setInto] = useState('');
  const [note, setNote] = useState('');
  const [intoError, setIntoError] = useState<string | null>(null);
  const [noteError, setNoteError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(form, attempt);
  const options = (targets.data ?? []).filter((target) => target.id !== topic.id);

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (merge.isPending) return;
    const targetProblem = into ? null : t('convene.screening.mergeTargetRequired');
    const problem = noteProblem(note, t);
    setIntoError(targetProblem);
    setNoteError(problem);
    if (targetProblem || problem) {
      setAttempt((n) => n + 1);
      return;
    }
    merge.mutateAsync({ topicId: topic.id, body: { intoTopicId: into, ...(note.trim() ? { note: note.trim() } : {}) } }).then(
      (merged) => onDone(t('convene.screening.merged', { title: merged.decision?.mergedIntoTitle ?? '' })),
      () => setAttempt((n) => n + 1),
    );
  };

  return (
    <form ref={form} className="stack screening-action" noValidate onSubmit={submit} aria-label={t('convene.screening.mergeHeading', { title: topic.title })}>
      <h4 className="screening-action__title" tabIndex={-1}>{t('convene.screening.mergeHeading', { title: topic.title })}</h4>
      {merge.isError && <FormAlert>{screeningErrorMessage(merge.error, t)}</FormAlert>}
      {targets.error !== null && <FormAlert>{errorMessage(targets.error, t)}</FormAlert>}
      {targets.data && options.length === 0 ? (
        <p className="notice">{t('convene.screening.noTargets')}</p>
      ) : (
        <SelectField label={t('convene.screening.mergeInto')} hint={t('convene.screening.mergeHint')} name="into" value={into} onChange={(event) => setInto(event.target.value)} error={intoError}>
          <option value="">{targets.data ? t('convene.screening.mergePlaceholder') : t('common.loading')}</option>
          {options.map((target) => (
            <option key={target.id} value={target.id}>
              {t('convene.screening.mergeOption', { title: target.title, status: t(`convene.topicStatus.${target.status}`), count: target.secondCount })}
            </option>
          ))}
        </SelectField>
      )}
      <NoteField value={note} onChange={setNote} error={noteError} />
      <ConfirmButtons confirm={t('convene.screening.mergeConfirm')} busy={merge.isPending} disabled={targets.data !== null && options.length === 0} onCancel={onCancel} />
    </form>
  );
}

/** 不采纳: with a reason shown publicly under the topic; the submitter is told. */
export function DeclineForm({ topic, unitId, onDone, onCancel }: ActionProps) {
  const { t } = useTranslation();
  const decline = useDeclineTopic(unitId);
  const form = useRef<HTMLFormElement>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(form, attempt);

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (decline.isPending) return;
    const text = reason.trim();
    const problem = [...text].length < 2 ? t('convene.screening.declineReasonRequired') : [...text].length > LIMITS.reason ? t('convene.screening.noteTooLong', { max: LIMITS.reason }) : null;
    setError(problem);
    if (problem) {
      setAttempt((n) => n + 1);
      return;
    }
    decline.mutateAsync({ topicId: topic.id, reason: text }).then(
      () => onDone(t('convene.screening.declined')),
      () => setAttempt((n) => n + 1),
    );
  };

  return (
    <form ref={form} className="stack screening-action" noValidate onSubmit={submit} aria-label={t('convene.screening.declineHeading', { title: topic.title })}>
      <h4 className="screening-action__title" tabIndex={-1}>{t('convene.screening.declineHeading', { title: topic.title })}</h4>
      {decline.isError && <FormAlert>{screeningErrorMessage(decline.error, t)}</FormAlert>}
      <TextAreaField
        label={t('convene.screening.declineReason')}
        hint={t('convene.screening.declineHint')}
        name="declineReason"
        rows={3}
        maxChars={LIMITS.reason}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={error}
      />
      <ConfirmButtons confirm={t('convene.screening.declineConfirm')} busy={decline.isPending} onCancel={onCancel} />
    </form>
  );
}
