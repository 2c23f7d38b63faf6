import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form/form-alert';
import { SelectField } from '../../../components/form/select-field';
import { TextAreaField } from '../../../components/form/text-area-field';
import { TextField } from '../../../components/form/text-field';
import { Loading } from '../../../components/loading';
import { QueryError } from '../../../components/query-error';
import { FollowUpList, MinutesChanges, MinutesText } from '../../../shared/sessions/minutes-parts';
import type { FollowUp } from '../../../shared/sessions/room-api';
import { useFollowUps, useMinutes } from '../../../shared/sessions/room-api';
import { refusalWords } from '../../../shared/sessions/refusal-words';
import type { Session } from '../../../shared/sessions/sessions-api';
import type { FollowUpState } from '../api/room-admin';
import { useAddFollowUp, useConfirmMinutes, useCorrectMinutes, useDraftMinutes, useEditMinutes, usePublishMinutes, useUpdateFollowUp } from '../api/room-admin';

/**
 * 会议纪要: the recorder drafts the minutes from the record and completes them; the chair and a
 * scrutineer confirm the text; the chair publishes it. A published version is corrected by a new
 * one, with its reason and what changed. Below, the follow-up of the decisions.
 */
export function MinutesEditor({ session }: { session: Session }) {
  const { t } = useTranslation();
  const minutes = useMinutes(session.id);
  const followUps = useFollowUps(session.id);
  const draft = useDraftMinutes(session.id);
  const edit = useEditMinutes(session.id);
  const confirm = useConfirmMinutes(session.id);
  const publish = usePublishMinutes(session.id);
  const correct = useCorrectMinutes(session.id);
  const open = minutes.data?.versions.find((v) => !v.publishedAt);
  const published = minutes.data?.versions.filter((v) => v.publishedAt) ?? [];
  const [reason, setReason] = useState('');
  if (minutes.isPending || followUps.isPending) return <Loading />;
  if (minutes.isError) return <QueryError error={minutes.error} retrying={minutes.isFetching} onRetry={() => void minutes.refetch()} />;
  if (followUps.isError) return <QueryError error={followUps.error} retrying={followUps.isFetching} onRetry={() => void followUps.refetch()} />;
  const m = minutes.data;
  const error = [draft, edit, confirm, publish, correct].find((x) => x.isError)?.error;
  return (
    <div className="stack">
      <section className="card stack" aria-labelledby="minutes-edit-title">
        <h2 className="section__title" id="minutes-edit-title">
          {t('sessionAdmin.minutes.heading')}
        </h2>
        {m.versions.length === 0 && (
          <>
            <p>{t('sessionAdmin.minutes.explainDraft')}</p>
            {m.mayEdit && (
              <div className="button-row">
                <button type="button" className="button button--primary" aria-disabled={draft.isPending} onClick={() => !draft.isPending && draft.mutate()}>
                  {t('sessionAdmin.minutes.draft')}
                </button>
              </div>
            )}
          </>
        )}
        {open && (
          <div className="stack">
            <p>
              {t('sessions.minutes.version', { version: open.version })} · {t('sessionAdmin.minutes.open')}
            </p>
            {open.correctionReason && <p>{t('sessions.minutes.correction', { reason: open.correctionReason })}</p>}
            {published[0] && <MinutesChanges before={published[0].body} after={open.body} />}
            {m.mayEdit ? (
              // Keyed by the saved text: another's edit, arriving live, starts the form afresh.
              <MinutesTextForm key={`${open.version}:${open.editedAt}`} saved={open.body} saving={edit.isPending} onSave={(text) => edit.mutate(text)} />
            ) : (
              <pre className="minutes__body">{open.body}</pre>
            )}
            <ul className="plain-list">
              <li>{open.chairConfirmedBy ? t('sessionAdmin.minutes.chairConfirmed', { name: open.chairConfirmedBy }) : t('sessionAdmin.minutes.chairPending')}</li>
              <li>{open.scrutineerConfirmedBy ? t('sessionAdmin.minutes.scrutineerConfirmed', { name: open.scrutineerConfirmedBy }) : t('sessionAdmin.minutes.scrutineerPending')}</li>
            </ul>
            <div className="button-row">
              {m.mayConfirmAs && (
                <button type="button" className="button button--primary" aria-disabled={confirm.isPending} onClick={() => !confirm.isPending && confirm.mutate()}>
                  {t(`sessionAdmin.minutes.confirmAs.${m.mayConfirmAs}`)}
                </button>
              )}
              {m.mayPublish && (
                <button type="button" className="button button--primary" aria-disabled={publish.isPending} onClick={() => !publish.isPending && publish.mutate()}>
                  {t('sessionAdmin.minutes.publish')}
                </button>
              )}
            </div>
          </div>
        )}
        {!open && published.length > 0 && m.mayEdit && (
          <form
            className="stack"
            onSubmit={(event) => {
              event.preventDefault();
              if (!correct.isPending && reason.trim()) correct.mutate(reason.trim(), { onSuccess: () => setReason('') });
            }}
          >
            <TextField label={t('sessionAdmin.minutes.correctionReason')} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} required />
            <div className="button-row">
              <button type="submit" className="button button--secondary" aria-disabled={correct.isPending || !reason.trim()}>
                {t('sessionAdmin.minutes.correct')}
              </button>
            </div>
          </form>
        )}
        {error !== undefined && error !== null && <FormAlert>{refusalWords(error, t)}</FormAlert>}
        {published.length > 0 && (
          <p className="button-row">
            <button type="button" className="button button--secondary" onClick={() => window.print()}>
              {t('sessions.minutes.print')}
            </button>
          </p>
        )}
      </section>
      {published.map((v, i) => (
        <MinutesText key={v.version} version={v} previous={published[i + 1]} />
      ))}
      <FollowUpEditor session={session} followUps={followUps.data} mayEdit={m.mayPublish || m.mayEdit} />
    </div>
  );
}

function MinutesTextForm({ saved, saving, onSave }: { saved: string; saving: boolean; onSave: (text: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(saved);
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (!saving && text.trim() && text !== saved) onSave(text);
  };
  return (
    <form className="stack" onSubmit={submit}>
      <TextAreaField label={t('sessionAdmin.minutes.text')} value={text} rows={18} maxChars={40000} onChange={(e) => setText(e.target.value)} />
      <p className="form-hint">{t('sessionAdmin.minutes.editWithdraws')}</p>
      <div className="button-row">
        <button type="submit" className="button button--secondary" aria-disabled={saving || text === saved}>
          {t('sessionAdmin.minutes.save')}
        </button>
      </div>
    </form>
  );
}

const STATES: readonly FollowUpState[] = ['open', 'in_progress', 'done'];

/** 议定事项: each decision as an item with who is responsible and by when; status updates with a photo. */
function FollowUpEditor({ session, followUps, mayEdit }: { session: Session; followUps: FollowUp[]; mayEdit: boolean }) {
  const { t } = useTranslation();
  const add = useAddFollowUp(session.id);
  const [form, setForm] = useState({ itemId: session.agenda[0]?.id ?? '', title: '', responsible: '', dueOn: '' });
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (add.isPending) return;
    add.mutate({ itemId: form.itemId, title: form.title.trim(), responsible: form.responsible.trim(), dueOn: form.dueOn }, { onSuccess: () => setForm({ ...form, title: '', responsible: '', dueOn: '' }) });
  };
  return (
    <section className="card stack" aria-labelledby="follow-up-title">
      <h2 className="section__title" id="follow-up-title">
        {t('sessions.minutes.followUps')}
      </h2>
      <FollowUpList sessionId={session.id} followUps={followUps} />
      {mayEdit && followUps.map((f) => <FollowUpUpdateForm key={f.id} sessionId={session.id} followUp={f} />)}
      {mayEdit && (
        <form className="stack" onSubmit={submit} aria-label={t('sessionAdmin.followUp.add')}>
          <SelectField label={t('sessionAdmin.followUp.item')} value={form.itemId} onChange={(e) => setForm({ ...form, itemId: e.target.value })}>
            {session.agenda.map((a) => (
              <option key={a.id} value={a.id}>
                {a.position}. {a.title}
              </option>
            ))}
          </SelectField>
          <TextField label={t('sessionAdmin.followUp.title')} value={form.title} maxLength={200} onChange={(e) => setForm({ ...form, title: e.target.value })} required />
          <TextField label={t('sessionAdmin.followUp.responsible')} value={form.responsible} maxLength={100} onChange={(e) => setForm({ ...form, responsible: e.target.value })} required />
          <TextField label={t('sessionAdmin.followUp.dueOn')} type="date" value={form.dueOn} onChange={(e) => setForm({ ...form, dueOn: e.target.value })} required />
          {add.isError && <FormAlert>{refusalWords(add.error, t)}</FormAlert>}
          <div className="button-row">
            <button type="submit" className="button button--primary" aria-disabled={add.isPending}>
              {t('sessionAdmin.followUp.add')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function FollowUpUpdateForm({ sessionId, followUp }: { sessionId: string; followUp: FollowUp }) {
  const { t } = useTranslation();
  const update = useUpdateFollowUp(sessionId);
  const [state, setState] = useState<FollowUpState>(followUp.state);
  const [note, setNote] = useState('');
  const [photo, setPhoto] = useState<File | null>(null);
  return (
    <form
      className="stack follow-up-update"
      aria-label={t('sessionAdmin.followUp.update', { title: followUp.title })}
      onSubmit={(event) => {
        event.preventDefault();
        if (!update.isPending && note.trim()) update.mutate({ followUpId: followUp.id, state, note: note.trim(), photo }, { onSuccess: () => (setNote(''), setPhoto(null)) });
      }}
    >
      <p className="section__subtitle">{t('sessionAdmin.followUp.update', { title: followUp.title })}</p>
      <SelectField label={t('sessionAdmin.followUp.state')} value={state} onChange={(e) => setState(e.target.value as FollowUpState)}>
        {STATES.map((s) => (
          <option key={s} value={s}>
            {t(`sessions.minutes.state.${s}`)}
          </option>
        ))}
      </SelectField>
      <TextField label={t('sessionAdmin.followUp.note')} value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} required />
      <TextField label={t('sessionAdmin.followUp.photo')} type="file" accept="image/jpeg,image/png,image/webp" onChange={(e) => setPhoto(e.target.files?.[0] ?? null)} />
      {update.isError && <FormAlert>{refusalWords(update.error, t)}</FormAlert>}
      <div className="button-row">
        <button type="submit" className="button button--secondary" aria-disabled={update.isPending || !note.trim()}>
          {t('sessionAdmin.followUp.save')}
        </button>
      </div>
    </form>
  );
}
