import { LIMITS, VOTE_LIMITS } from '@yishi/contracts';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form/form-alert';
import { errorMessage } from '../../../lib/api-client';
import { formatFileSize } from '../../../lib/format';
import { checkFile, megabytes } from '../../../lib/upload';
import { useUploadVoteFile } from '../api/votes';
import type { VoteDocument } from '../utils/vote-form';

const RULES = { maxBytes: LIMITS.fileBytes, extensions: ['.pdf', '.jpg', '.jpeg', '.png', '.webp'] } as const;

/**
 * 表决材料: the documents the vote is about (a quote, a contract, a plan), uploaded as they are
 * chosen and announced with the vote; each gets a title the owners will read. Once announced they
 * never change, so the form says so.
 */
export function VoteDocumentsField({ unitId, documents, onChange, titleError }: { unitId: string | null; documents: VoteDocument[]; onChange: (next: VoteDocument[]) => void; titleError: string | null }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const upload = useUploadVoteFile(unitId ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const full = documents.length >= VOTE_LIMITS.attachments;

  const choose = (file: File | undefined): void => {
    setProblem(null);
    if (!file || !unitId) return;
    const wrong = checkFile(file, RULES);
    if (wrong) {
      setProblem(wrong.kind === 'tooLarge' ? t('voteAdmin.documents.tooLarge', { mb: megabytes(RULES.maxBytes) }) : wrong.kind === 'empty' ? t('voteAdmin.documents.empty') : t('voteAdmin.documents.wrongType'));
      return;
    }
    upload.mutate(file, {
      onSuccess: (uploaded) => {
        const title = file.name.replace(/\.[^.]+$/, '').slice(0, VOTE_LIMITS.attachmentTitle);
        onChange([...documents, { fileId: uploaded.fileId, title, name: uploaded.originalName, mime: uploaded.mime, sizeBytes: uploaded.sizeBytes }]);
        if (input.current) input.current.value = '';
      },
    });
  };

  return (
    <fieldset className="field vote-documents">
      <legend className="field__label">{t('voteAdmin.documents.legend')}</legend>
      <p className="field__hint" id={hintId}>
        {t('voteAdmin.documents.hint', { max: VOTE_LIMITS.attachments })}
      </p>
      {documents.map((doc, index) => (
        <div key={doc.fileId} className="vote-documents__item">
          <label className="field__label" htmlFor={`vote-document-${doc.fileId}`}>
            {t('voteAdmin.documents.title', { n: index + 1 })}
          </label>
          <input
            id={`vote-document-${doc.fileId}`}
            className="input"
            value={doc.title}
            maxLength={VOTE_LIMITS.attachmentTitle}
            aria-invalid={titleError !== null && !doc.title.trim() ? true : undefined}
            onChange={(e) => onChange(documents.map((d) => (d.fileId === doc.fileId ? { ...d, title: e.target.value } : d)))}
          />
          <p className="field__hint">
            {doc.name} · {formatFileSize(doc.sizeBytes)}
          </p>
          <button type="button" className="button button--secondary button--small" onClick={() => onChange(documents.filter((d) => d.fileId !== doc.fileId))}>
            {t('voteAdmin.documents.remove', { title: doc.title || doc.name })}
          </button>
        </div>
      ))}
      {titleError && (
        <p className="field__error">
          <span className="visually-hidden">{t('form.errorPrefix')}</span>
          {titleError}
        </p>
      )}
      {(problem || upload.isError) && <FormAlert>{problem ?? errorMessage(upload.error, t)}</FormAlert>}
      {!full && (
        <label className="button button--secondary vote-documents__add">
          {upload.isPending ? t('voteAdmin.documents.uploading') : t('voteAdmin.documents.add')}
          <input
            ref={input}
            type="file"
            className="visually-hidden"
            accept={RULES.extensions.join(',')}
            disabled={!unitId || upload.isPending}
            aria-describedby={hintId}
            onChange={(e) => choose(e.target.files?.[0])}
          />
        </label>
      )}
    </fieldset>
  );
}
