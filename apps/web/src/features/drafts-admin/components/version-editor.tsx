import type { TFunction } from 'i18next';
import type { FormEvent } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import { FormAlert } from '../../../components/form/form-alert';
import { TextAreaField } from '../../../components/form/text-area-field';
import { TextField } from '../../../components/form/text-field';
import { errorMessage } from '../../../lib/api-client';
import { conflictReason, detailNumbers, invalidFieldPaths } from '../../../lib/api-problems';
import type { FieldErrors } from '../../../lib/forms';
import { hasErrors, useFocusFirstError } from '../../../lib/forms';
import type { Version } from '../api/get-version';
import { usePublishVersion } from '../api/publish-version';
import { useUpdateVersion } from '../api/update-version';
import type { DraftField, DraftForm, DraftProblem } from '../utils/draft-form';
import { addClause, checkDraft, checkPublish, continuable, DRAFT_LIMITS, draftFieldOfPath, fromVersion, moveClause, removeClause, sameContent, toUpdateInput, updateClause } from '../utils/draft-form';
import { Attachments } from './attachments';
import { ClauseEditor } from './clause-editor';
import { DiffView } from './diff-view';
import './drafts-admin.css';
import { ConfirmButtons } from '../../../components/form/confirm-buttons';

type Translate = TFunction;

/** A refusal of the API in words: the draft's conflicts by reason, anything else by code. */
export function draftErrorMessage(error: unknown, t: Translate): string {
  const reason = conflictReason(error);
  switch (reason) {
    case 'version_published':
    case 'version_editing':
    case 'drafting_closed':
    case 'attachment_limit':
      return t(`convene.draft.conflict.${reason}`);
    case 'clause_linked':
      return t('convene.draft.conflict.clause_linked', { numbers: detailNumbers(error, 'numbers').join('、') });
    default:
      return errorMessage(error, t);
  }
}

/** Where focus goes after the clause list changed: a clause's text or move button, or the add button. */
type FocusTarget = { key: string; part: 'body' | 'up' | 'down' } | 'add' | null;

interface VersionEditorProps {
  consultationId: string;
  version: Version;
  /** The version before, whose clauses this one's may continue (null for version 1). */
  previous: Version | null;
  onPublished: (number: number) => void;
  /** Put focus on the editor's heading once drawn (it was just started by a button that is now gone). */
  focusOnMount?: boolean;
}

/**
 * The version being edited: title, preamble, change note and its clauses — added, removed,
 * reordered, each continuing a clause of the previous version or new — saved whole; the
 * 修改对照 of what is saved; attachments; and publishing, after which the text never changes.
 */
export function VersionEditor({ consultationId, version, previous, onPublished, focusOnMount = false }: VersionEditorProps) {
  const { t } = useTranslation();
  const { number } = version;
  const update = useUpdateVersion(consultationId, number);
  const publish = usePublishVersion(consultationId, number);
  const formRef = useRef<HTMLFormElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const diffRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const publishButton = useRef<HTMLButtonElement>(null);
  const publishQuestion = useRef<HTMLParagraphElement>(null);
  const leaveQuestion = useRef<HTMLParagraphElement>(null);
  const titleId = useId();
  const [form, setForm] = useState<DraftForm>(() => fromVersion(version));
  const [saved, setSaved] = useState<DraftForm>(() => fromVersion(version));
  const [check, setCheck] = useState<'save' | 'publish' | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [showDiff, setShowDiff] = useState(false);
  const [focus, setFocus] = useState<FocusTarget>(null);
  const serial = useRef(0);
  useFocusFirstError(formRef, attempt);

  const dirty = !sameContent(form, saved);
  const busy = update.isPending || publish.isPending;
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search));

  // Leaving for another page of the app with unsaved changes: the question is read at once
  // (it is drawn under the form, far from the link that was followed).
  useEffect(() => {
    if (blocker.state === 'blocked') leaveQuestion.current?.focus();
  }, [blocker.state]);

  // Leaving the page with unsaved changes: the browser asks first.
  useEffect(() => {
    if (!dirty) return undefined;
    const warn = (event: BeforeUnloadEvent): void => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  useEffect(() => {
    if (focus === null) return;
    if (focus === 'add') addButton.current?.focus();
    else {
      const row = listRef.current?.querySelector(`[data-clause="${CSS.escape(focus.key)}"]`);
      const target = focus.part === 'body' ? row?.querySelector<HTMLElement>('textarea[name="clause-body"]') : row?.querySelector<HTMLElement>(`[data-action="${focus.part}"]`);
      (target && !(target as HTMLButtonElement).disabled ? target : row?.querySelector<HTMLElement>('textarea[name="clause-body"]'))?.focus();
    }
    // The request is used once; clearing it renders nothing new.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setFocus(null);
  }, [focus]);

  useEffect(() => {
    if (showDiff) diffRef.current?.focus();
  }, [showDiff]);

  useEffect(() => {
    if (focusOnMount) headingRef.current?.focus();
  }, [focusOnMount]);

  // The question before publishing is read first; cancelling it returns to the publish button.
  const [askedOnce, setAskedOnce] = useState(false);
  useEffect(() => {
    if (confirming) publishQuestion.current?.focus();
    else if (askedOnce) publishButton.current?.focus();
  }, [confirming, askedOnce]);

  const apiError = update.error ?? publish.error;
  const ownErrors: FieldErrors<DraftField> = check === 'publish' ? checkPublish(form, number) : check === 'save' ? checkDraft(form) : {};
  const rejected: FieldErrors<DraftField> = {};
  for (const path of invalidFieldPaths(apiError)) {
    const field = draftFieldOfPath(path);
    if (field) rejected[field] = 'rejected';
  }
  const errors: FieldErrors<DraftField> = { ...rejected, ...ownErrors };
  const errorText = (field: DraftField): string | null => {
    const key = errors[field] as DraftProblem | 'rejected' | undefined;
    return key ? t(`convene.draft.errors.${key}`, { max: limitOf(field) }) : null;
  };

  const change = (next: DraftForm): void => {
    setForm(next);
    setNotice(null);
  };

  const newKey = (): string => {
    serial.current += 1;
    return `new-${serial.current}`;
  };

  /** Saves the form as it is; then `after` (preview, publish) with the saved version. */
  const save = (after?: () => void): void => {
    if (busy) return;
    publish.reset();
    setCheck('save');
    if (hasErrors(checkDraft(form))) {
      setAttempt((n) => n + 1);
      return;
    }
    update.mutate(toUpdateInput(form), {
      onSuccess: (savedVersion) => {
        const next = fromVersion(savedVersion);
        setForm(next);
        setSaved(next);
        setCheck(null);
        setNotice(t('convene.draft.saved'));
        after?.();
      },
      onError: () => setAttempt((n) => n + 1),
    });
  };

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    save();
  };

  const preview = (): void => {
    setShowDiff(false);
    if (dirty) save(() => setShowDiff(true));
    else setShowDiff(true);
  };

  const askToPublish = (): void => {
    setCheck('publish');
    update.reset();
    publish.reset();
    if (hasErrors(checkPublish(form, number))) {
      setAttempt((n) => n + 1);
      return;
    }
    setConfirming(true);
    setAskedOnce(true);
  };

  const confirmPublish = (): void => {
    if (busy) return;
    // mutateAsync: once published, the refreshed version is no longer editable and this editor
    // unmounts, which would drop per-call callbacks; the promise still settles.
    const go = (): void =>
      void publish.mutateAsync().then(
        () => {
          setConfirming(false);
          onPublished(number);
        },
        () => setAttempt((n) => n + 1),
      );
    if (dirty) save(go);
    else go();
  };

  const clauseErrors = (index: number) => ({
    heading: errorText(`clauses.${index}.heading`),
    body: errorText(`clauses.${index}.body`),
    changeReason: errorText(`clauses.${index}.changeReason`),
  });

  return (
    <div className="version-editor stack">
      <form ref={formRef} className="stack" noValidate onSubmit={submit} aria-labelledby={titleId}>
        <h3 className="subsection__title" id={titleId} ref={headingRef} tabIndex={-1}>
          {t('convene.draft.editing', { number })}
        </h3>
        <p className="section__intro">{number === 1 ? t('convene.draft.editingIntroFirst') : t('convene.draft.editingIntro', { previous: number - 1 })}</p>
        {apiError !== null && <FormAlert>{draftErrorMessage(apiError, t)}</FormAlert>}
        {errors.clauses && <FormAlert>{errorText('clauses')}</FormAlert>}
        <TextField label={t('convene.draft.title')} name="title" autoComplete="off" value={form.title} onChange={(event) => change({ ...form, title: event.target.value })} error={errorText('title')} />
        <TextAreaField
          label={t('convene.draft.preamble')}
          hint={t('convene.draft.preambleHint')}
          name="preamble"
          rows={3}
          value={form.preamble}
          onChange={(event) => change({ ...form, preamble: event.target.value })}
          error={errorText('preamble')}
        />
        {(number > 1 || form.changeNote) && (
          <TextAreaField
            label={t('convene.draft.changeNote')}
            hint={t('convene.draft.changeNoteHint')}
            name="changeNote"
            rows={3}
            maxChars={DRAFT_LIMITS.changeNote}
            value={form.changeNote}
            onChange={(event) => change({ ...form, changeNote: event.target.value })}
            error={errorText('changeNote')}
          />
        )}
        <h4 className="version-editor__clauses-title">{t('convene.draft.clauses', { count: form.clauses.length })}</h4>
        {form.clauses.length === 0 && <p className="notice">{t('convene.draft.noClauses')}</p>}
        <ol ref={listRef} className="plain-list clause-editors" aria-label={t('convene.draft.clauseList')}>
          {form.clauses.map((row, index) => (
            <ClauseEditor
              key={row.key}
              row={row}
              index={index}
              count={form.clauses.length}
              previous={previous ? continuable(form, index, previous.clauses) : null}
              errors={clauseErrors(index)}
              onChange={(changeOf) => change(updateClause(form, index, changeOf))}
              onMove={(delta) => {
                change(moveClause(form, index, delta));
                setFocus({ key: row.key, part: delta < 0 ? 'up' : 'down' });
              }}
              onRemove={() => {
                const next = form.clauses[index + 1] ?? form.clauses[index - 1];
                change(removeClause(form, index));
                setFocus(next ? { key: next.key, part: 'body' } : 'add');
              }}
              onInsertAfter={() => {
                const key = newKey();
                change(addClause(form, key, index + 1));
                setFocus({ key, part: 'body' });
              }}
            />
          ))}
        </ol>
        <div className="button-row">
          <button
            ref={addButton}
            type="button"
            className="button button--secondary"
            disabled={form.clauses.length >= DRAFT_LIMITS.clauses}
            onClick={() => {
              const key = newKey();
              change(addClause(form, key));
              setFocus({ key, part: 'body' });
            }}
          >
            {t('convene.draft.addClause')}
          </button>
        </div>
        <div className="version-editor__bar">
          <p className="version-editor__state" role="status">
            {update.isPending ? t('convene.draft.saving') : dirty ? t('convene.draft.unsaved') : (notice ?? t('convene.draft.allSaved'))}
          </p>
          <div className="button-row">
            <button type="submit" className="button button--primary" aria-disabled={busy}>
              {t('convene.draft.save')}
            </button>
            <button type="button" className="button button--secondary" aria-disabled={busy} onClick={preview}>
              {t('convene.draft.preview')}
            </button>
            <button ref={publishButton} type="button" className="button button--secondary" aria-disabled={busy} onClick={askToPublish}>
              {t('convene.draft.publish', { number })}
            </button>
          </div>
        </div>
      </form>
      {blocker.state === 'blocked' && (
        <div className="confirm" role="alertdialog" aria-label={t('convene.draft.leaveQuestion')}>
          <p ref={leaveQuestion} tabIndex={-1}>
            {t('convene.draft.leaveQuestion')}
          </p>
          <ConfirmButtons confirm={t('convene.draft.stay')} onConfirm={() => blocker.reset()} onCancel={() => blocker.proceed()} cancel={t('convene.draft.leave')} />
        </div>
      )}
      {confirming && (
        <div className="confirm publish-confirm" role="group" aria-label={t('convene.draft.publishQuestion', { number })}>
          <p ref={publishQuestion} tabIndex={-1}>
            {t('convene.draft.publishQuestion', { number })}
          </p>
          <p className="publish-confirm__warning">{t('convene.draft.publishWarning')}</p>
          {dirty && <p className="confirm__detail">{t('convene.draft.publishSavesFirst')}</p>}
          <ConfirmButtons confirm={publish.isPending ? t('convene.draft.publishing') : t('convene.draft.publishConfirm', { number })} busy={busy} onConfirm={confirmPublish} onCancel={() => setConfirming(false)} />
        </div>
      )}
      {showDiff && (
        <div ref={diffRef} tabIndex={-1} className="version-editor__diff">
          <DiffView consultationId={consultationId} number={number} />
          <button type="button" className="button button--secondary" onClick={() => setShowDiff(false)}>
            {t('convene.diff.close')}
          </button>
        </div>
      )}
      <Attachments consultationId={consultationId} number={number} attachments={version.attachments} editable />
    </div>
  );
}

function limitOf(field: DraftField): number {
  if (field === 'title') return DRAFT_LIMITS.title;
  if (field === 'preamble') return DRAFT_LIMITS.preamble;
  if (field === 'changeNote') return DRAFT_LIMITS.changeNote;
  if (field === 'clauses') return DRAFT_LIMITS.clauses;
  if (field.endsWith('.heading')) return DRAFT_LIMITS.heading;
  if (field.endsWith('.changeReason')) return DRAFT_LIMITS.changeReason;
  return DRAFT_LIMITS.body;
}
