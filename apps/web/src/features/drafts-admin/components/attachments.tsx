import type { TFunction } from 'i18next';
import type { ChangeEvent, FormEvent } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FileField } from '../../../components/form/file-field';
import { FormAlert } from '../../../components/form/form-alert';
import { TextField } from '../../../components/form/text-field';
import { errorMessage } from '../../../lib/api-client';
import { conflictReason } from '../../../lib/api-problems';
import { useFocusFirstError } from '../../../lib/forms';
import type { FileProblem } from '../../../lib/upload';
import { checkFile, megabytes } from '../../../lib/upload';
import { ATTACHMENT_EXTENSIONS, ATTACHMENT_MAX_BYTES, ATTACHMENT_TITLE_MAX, useAddAttachment } from '../api/add-attachment';
import type { VersionAttachment } from '../api/get-version';
import { useRemoveAttachment } from '../api/remove-attachment';
import './drafts-admin.css';
import { ConfirmButtons } from '../../../components/form/confirm-buttons';

type Translate = TFunction;

function fileProblem(problem: FileProblem, t: Translate): string {
  switch (problem.kind) {
    case 'empty':
      return t('convene.attachments.errors.empty');
    case 'tooLarge':
      return t('convene.attachments.errors.tooLarge', { megabytes: megabytes(problem.maxBytes) });
    case 'wrongType':
      return t('convene.attachments.errors.wrongType');
  }
}

function uploadError(error: unknown, t: Translate): string {
  const reason = conflictReason(error);
  if (reason === 'attachment_limit') return t('convene.attachments.errors.limit');
  if (reason === 'version_published') return t('convene.draft.conflict.version_published');
  return errorMessage(error, t);
}

/** 「PDF · 1.2 MB」 */
function describeFile(attachment: VersionAttachment, t: Translate): string {
  const kind = attachment.mime === 'application/pdf' ? 'PDF' : t('convene.attachments.image');
  const size = attachment.sizeBytes >= 1024 * 1024 ? `${(attachment.sizeBytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(attachment.sizeBytes / 1024))} KB`;
  return `${kind} · ${size}`;
}

function AttachmentRow({ attachment, removable, consultationId, number }: { attachment: VersionAttachment; removable: boolean; consultationId: string; number: number }) {
  const { t } = useTranslation();
  const remove = useRemoveAttachment(consultationId, number);
  const [confirming, setConfirming] = useState(false);
  const row = useRef<HTMLLIElement>(null);
  // The question replaces the remove button: focus goes to it, and back to the button on cancel.
  const [asked, setAsked] = useState(false);
  useEffect(() => {
    if (confirming) row.current?.querySelector<HTMLElement>('.confirm > p')?.focus();
    else if (asked) row.current?.querySelector<HTMLElement>('[data-action="remove"]')?.focus();
  }, [confirming, asked]);
  const removeNow = (): void => {
    if (remove.isPending) return;
    // Once removed the row is gone: focus goes to the list's heading.
    const heading = row.current?.closest('.attachments')?.querySelector<HTMLElement>('.subsection__title');
    remove.mutateAsync(attachment.fileId).then(
      () => heading?.focus(),
      () => undefined,
    );
  };
  return (
    <li ref={row} className="card attachment">
      <a href={attachment.url} className="attachment__link" target="_blank" rel="noopener">
        {attachment.title}
      </a>
      <span className="attachment__meta">
        {describeFile(attachment, t)} · {attachment.originalName}
      </span>
      {removable && !confirming && (
        <button
          type="button"
          className="button button--secondary button--small"
          data-action="remove"
          onClick={() => {
            setConfirming(true);
            setAsked(true);
          }}
        >
          {t('convene.attachments.remove')}
          {' '}
          <span className="visually-hidden">{attachment.title}</span>
        </button>
      )}
      {confirming && (
        <div className="confirm" role="group" aria-label={t('convene.attachments.removeQuestion', { title: attachment.title })}>
          <p tabIndex={-1}>{t('convene.attachments.removeQuestion', { title: attachment.title })}</p>
          {remove.isError && <FormAlert>{uploadError(remove.error, t)}</FormAlert>}
          <ConfirmButtons confirm={t('convene.attachments.removeConfirm')} busy={remove.isPending} onConfirm={removeNow} onCancel={() => setConfirming(false)} />
        </div>
      )}
    </li>
  );
}

function UploadForm({ consultationId, number }: { consultationId: string; number: number }) {
  const { t } = useTranslation();
  const add = useAddAttachment(consultationId, number);
  const form = useRef<HTMLFormElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const headingId = useId();
  const [title, setTitle] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [titleError, setTitleError] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(form, attempt);

  const choose = (event: ChangeEvent<HTMLInputElement>): void => {
    const chosen = event.target.files?.[0] ?? null;
    setFile(chosen);
    setFileError(null);
    // A title is needed: the file's name is a fair start.
    if (chosen && !title.trim()) setTitle(chosen.name.replace(/\.[^.]+$/, '').slice(0, ATTACHMENT_TITLE_MAX));
  };

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (add.isPending) return;
    setDone(null);
    const text = title.trim();
    const titleProblem = !text ? t('convene.attachments.errors.titleRequired') : [...text].length > ATTACHMENT_TITLE_MAX ? t('convene.attachments.errors.titleTooLong', { max: ATTACHMENT_TITLE_MAX }) : null;
    const problem = file ? checkFile(file, { maxBytes: ATTACHMENT_MAX_BYTES, extensions: ATTACHMENT_EXTENSIONS }) : null;
    const fileProblemText = !file ? t('convene.attachments.errors.fileRequired') : problem ? fileProblem(problem, t) : null;
    setTitleError(titleProblem);
    setFileError(fileProblemText);
    if (titleProblem || fileProblemText || !file) {
      setAttempt((n) => n + 1);
      return;
    }
    add.mutate(
      { title: text, file },
      {
        onSuccess: (attachment) => {
          setDone(t('convene.attachments.added', { title: attachment.title }));
          setTitle('');
          setFile(null);
          if (fileInput.current) fileInput.current.value = '';
        },
        onError: () => setAttempt((n) => n + 1),
      },
    );
  };

  return (
    <form ref={form} className="stack attachment-upload" noValidate onSubmit={submit} aria-labelledby={headingId}>
      <h4 className="attachment-upload__title" id={headingId}>
        {t('convene.attachments.addHeading')}
      </h4>
      {add.isError && <FormAlert>{uploadError(add.error, t)}</FormAlert>}
      {done && <FormAlert tone="success">{done}</FormAlert>}
      <FileField
        ref={fileInput}
        label={t('convene.attachments.file')}
        hint={t('convene.attachments.fileHint', { megabytes: megabytes(ATTACHMENT_MAX_BYTES) })}
        error={fileError}
        name="file"
        accept=".pdf,.jpg,.jpeg,.png,.webp,application/pdf,image/jpeg,image/png,image/webp"
        onChange={choose}
      />
      <TextField label={t('convene.attachments.title')} name="attachmentTitle" autoComplete="off" value={title} onChange={(event) => setTitle(event.target.value)} error={titleError} />
      <div className="button-row">
        <button type="submit" className="button button--secondary" aria-disabled={add.isPending}>
          {add.isPending ? t('convene.attachments.uploading') : t('convene.attachments.upload')}
        </button>
      </div>
    </form>
  );
}

/** 附件: a version's PDFs and photos; on the version being edited, add (with a title) and remove. */
export function Attachments({ consultationId, number, attachments, editable }: { consultationId: string; number: number; attachments: readonly VersionAttachment[]; editable: boolean }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <section className="attachments" aria-labelledby={titleId}>
      <h3 className="subsection__title" id={titleId} tabIndex={-1}>
        {t('convene.attachments.heading', { count: attachments.length })}
      </h3>
      {attachments.length === 0 ? (
        <p className="attachments__none">{t('convene.attachments.none')}</p>
      ) : (
        <ul className="plain-list attachment-list">
          {attachments.map((attachment) => (
            <AttachmentRow key={attachment.fileId} attachment={attachment} removable={editable} consultationId={consultationId} number={number} />
          ))}
        </ul>
      )}
      {editable && <UploadForm consultationId={consultationId} number={number} />}
    </section>
  );
}
