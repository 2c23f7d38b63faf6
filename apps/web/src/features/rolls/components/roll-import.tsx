import type { TFunction } from 'i18next';
import type { ChangeEvent, FormEvent } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormAlert } from '../../../components/form/form-alert';
import { currentLanguage } from '../../../i18n';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useFocusFirstError } from '../../../lib/forms';
import type { Language } from '../../../lib/preferences';
import type { FileProblem } from '../../../lib/upload';
import { checkFile, megabytes } from '../../../lib/upload';
import type { RollImportCommit } from '../api/commit-import';
import { useCommitRollImport } from '../api/commit-import';
import type { RollKindCounts } from '../api/list-revisions';
import type { RollImportPreview, RollProblem } from '../api/preview-import';
import { ROLL_FILE_EXTENSIONS, ROLL_FILE_MAX_BYTES, usePreviewRollImport } from '../api/preview-import';
import { ROLL_FILE_FORMATS, rollFileUrl } from '../api/roll-files';
import { groupProblemsByRow, unlistedProblems } from '../utils/problems';
import { commitOutcome, describeChanges, fieldName, orderedSummary, previewOutcome, removalsToWatch } from '../utils/summary';
import './rolls.css';

interface RollImportProps {
  unitId: string;
  unitKind: 'cooperative' | 'compound';
  /** Where to go after importing: the roll, and its versions. */
  listHref: string;
  revisionsHref: string;
}

/** (`TFunction`, not `TFunction`: with the app's many keys the latter trips TS2589.) */
type TFn = TFunction;

function fileProblemMessage(problem: FileProblem, t: TFn): string {
  switch (problem.kind) {
    case 'wrongType':
      return t(problem.extension === '.xls' ? 'roll.import.file.oldExcel' : 'roll.import.file.wrongType');
    case 'empty':
      return t('roll.import.file.empty');
    case 'tooLarge':
      return t('roll.import.file.tooLarge', { megabytes: megabytes(problem.maxBytes) });
  }
}

/** Why an upload was refused before the file was read, in words. */
function uploadErrorMessage(error: unknown, t: TFn): string {
  if (error instanceof ApiError && error.code === 'UNSUPPORTED_MEDIA_TYPE') return t('roll.import.file.unsupported');
  if (error instanceof ApiError && error.code === 'PAYLOAD_TOO_LARGE') return t('roll.import.file.tooLarge', { megabytes: megabytes(ROLL_FILE_MAX_BYTES) });
  return errorMessage(error, t);
}

/** The downloads: the empty template and the current roll, each as Excel and CSV. */
function RollFiles({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <section className="roll-files" aria-labelledby={titleId}>
      <h3 className="subsection__title" id={titleId}>
        {t('roll.import.files.heading')}
      </h3>
      <p className="roll-files__intro">{t('roll.import.files.intro')}</p>
      <ul className="plain-list roll-files__list">
        {(['export', 'template'] as const).map((file) =>
          ROLL_FILE_FORMATS.map((format) => (
            <li key={`${file}-${format}`}>
              <a className="button button--secondary button--small" href={rollFileUrl(unitId, file, format)} download>
                {t(`roll.import.files.${file}`, { format: t(`roll.import.files.format.${format}`) })}
              </a>
            </li>
          )),
        )}
      </ul>
    </section>
  );
}

function ProblemList({ problems, language, labelledBy, className }: { problems: readonly RollProblem[]; language: Language; labelledBy: string; className: string }) {
  const { t } = useTranslation();
  return (
    <ol className={`plain-list problem-list ${className}`} aria-labelledby={labelledBy}>
      {groupProblemsByRow(problems, language).map((group) => (
        <li key={group.row} className="problem-row">
          <p className="problem-row__row">{t('roll.import.row', { row: group.row })}</p>
          <ul className="problem-row__lines">
            {group.lines.map((line, index) => (
              <li key={index}>
                {line.column && (
                  <>
                    <span className="problem-row__column">{line.column}</span>
                    {t('roll.separator')}
                  </>
                )}
                {line.reason}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}

function Warnings({ preview, language }: { preview: RollImportPreview; language: Language }) {
  const { t } = useTranslation();
  const titleId = useId();
  if (preview.warnings.length === 0) return null;
  return (
    <section className="roll-warnings" aria-labelledby={titleId}>
      <h3 className="subsection__title" id={titleId}>
        {t('roll.import.warnings.heading', { count: preview.warnings.length })}
      </h3>
      <p className="section__intro">{t('roll.import.warnings.intro')}</p>
      <ProblemList problems={preview.warnings} language={language} labelledBy={titleId} className="problem-list--warnings" />
    </section>
  );
}

/** The file has problems: each of them, by row, and the plain statement that nothing was saved. */
function ProblemsView({ preview, language }: { preview: RollImportPreview; language: Language }) {
  const { t } = useTranslation();
  const titleId = useId();
  const unlisted = unlistedProblems(preview);
  return (
    <div className="stack">
      <div className="notice notice--error" role="alert">
        <p className="notice__text">{t('roll.import.problems.title', { count: preview.problemCount })}</p>
        <p>{t('roll.import.problems.nothingSaved')}</p>
      </div>
      <h3 className="subsection__title" id={titleId}>
        {t('roll.import.problems.listHeading', { file: preview.fileName })}
      </h3>
      <ProblemList problems={preview.problems} language={language} labelledBy={titleId} className="problem-list--errors" />
      {unlisted > 0 && <p className="notice">{t('roll.import.problems.unlisted', { count: unlisted })}</p>}
      <p>{t('roll.import.problems.again')}</p>
      <Warnings preview={preview} language={language} />
    </div>
  );
}

function SummaryTable({ summary, caption }: { summary: readonly RollKindCounts[]; caption: string }) {
  const { t } = useTranslation();
  return (
    <div className="roll-summary-wrap">
      <table className="roll-summary">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('roll.import.summary.kind')}</th>
            <th scope="col">{t('roll.import.summary.added')}</th>
            <th scope="col">{t('roll.import.summary.changed')}</th>
            <th scope="col">{t('roll.import.summary.removed')}</th>
            <th scope="col">{t('roll.import.summary.unchanged')}</th>
          </tr>
        </thead>
        <tbody>
          {orderedSummary(summary).map((row) => (
            <tr key={row.kind}>
              <th scope="row">{t(`roll.kindName.${row.kind}`)}</th>
              <td className={row.added > 0 ? 'roll-summary__added' : undefined}>{row.added}</td>
              <td className={row.changed > 0 ? 'roll-summary__changed' : undefined}>{row.changed}</td>
              <td className={row.removed > 0 ? 'roll-summary__removed' : undefined}>{row.removed}</td>
              <td>{row.unchanged}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface ChangesViewProps {
  preview: RollImportPreview;
  language: Language;
  committing: boolean;
  onConfirm: () => void;
}

/** The file is valid and changes the roll: the summary, the removals to notice, then 确认导入. */
function ChangesView({ preview, language, committing, onConfirm }: ChangesViewProps) {
  const { t } = useTranslation();
  const [acknowledged, setAcknowledged] = useState(false);
  const [ackError, setAckError] = useState(false);
  const ackBox = useRef<HTMLInputElement>(null);
  const ackErrorId = useId();
  const watch = removalsToWatch(preview.changes);
  const mustAcknowledge = preview.linkedPeopleRemoved > 0;
  const expires = preview.expiresAt ? formatDateTime(preview.expiresAt, language) : null;

  const confirm = (): void => {
    if (committing) return;
    if (mustAcknowledge && !acknowledged) {
      setAckError(true);
      ackBox.current?.focus();
      return;
    }
    onConfirm();
  };

  return (
    <div className="stack">
      <div className="notice notice--success" role="status">
        <p className="notice__text">{t('roll.import.ready.title', { count: preview.dataRows })}</p>
        <p>
          {preview.baseRevision === null
            ? t('roll.import.ready.firstRevision')
            : t('roll.import.ready.comparedWith', { number: preview.baseRevision, changes: describeChanges(preview.summary, t) })}
        </p>
      </div>
      <SummaryTable summary={preview.summary} caption={t('roll.import.summary.caption')} />
      {mustAcknowledge && (
        <div className="notice notice--warning roll-removals" role="alert">
          <p className="notice__text">{t('roll.import.removals.title', { count: preview.linkedPeopleRemoved })}</p>
          <p>{t('roll.import.removals.body')}</p>
          {watch.length > 0 && (
            <ul className="roll-removals__list">
              {watch.map((change, index) => (
                <li key={index}>
                  {change.label}
                  {change.linked && <span className="badge roll-badge roll-badge--linked">{t('roll.status.linked')}</span>}
                  {change.liveInvitation && <span className="badge roll-badge roll-badge--liveInvitation">{t('roll.status.liveInvitation')}</span>}
                </li>
              ))}
            </ul>
          )}
          <div className={`field${ackError && !acknowledged ? ' field--invalid' : ''}`}>
            {ackError && !acknowledged && (
              <p className="field__error" id={ackErrorId}>
                <span className="visually-hidden">{t('form.errorPrefix')}</span>
                {t('roll.import.removals.required')}
              </p>
            )}
            <label className="choice">
              <input
                ref={ackBox}
                type="checkbox"
                checked={acknowledged}
                onChange={(event) => setAcknowledged(event.target.checked)}
                aria-invalid={ackError && !acknowledged ? true : undefined}
                aria-describedby={ackError && !acknowledged ? ackErrorId : undefined}
              />
              <span>{t('roll.import.removals.acknowledge', { count: preview.linkedPeopleRemoved })}</span>
            </label>
          </div>
        </div>
      )}
      <Warnings preview={preview} language={language} />
      {preview.changes.length > 0 && (
        <details className="roll-changes">
          <summary>{t('roll.import.changes.toggle', { count: preview.changes.length })}</summary>
          <ul className="plain-list roll-changes__list">
            {preview.changes.map((change, index) => (
              <li key={index} className="roll-change">
                <span className={`badge roll-op roll-op--${change.op}`}>{t(`roll.op.${change.op}`)}</span>
                <span className="roll-change__kind">{t(`roll.kindName.${change.kind}`)}</span> {change.label}
                {change.fields.length > 0 && <span className="roll-change__fields">{t('roll.import.changes.fields', { fields: change.fields.map((field) => fieldName(field, t)).join(t('roll.summary.listSeparator')) })}</span>}
              </li>
            ))}
          </ul>
          {preview.changesTruncated && <p>{t('roll.import.changes.truncated')}</p>}
        </details>
      )}
      <div className="button-row">
        <button type="button" className="button button--primary button--large" aria-disabled={committing} onClick={confirm}>
          {committing ? t('roll.import.confirming') : t('roll.import.confirm')}
        </button>
      </div>
      {expires && <p className="roll-import__expires">{t('roll.import.expires', { date: expires })}</p>}
    </div>
  );
}

function CommittedView({ result, listHref, revisionsHref }: { result: RollImportCommit; listHref: string; revisionsHref: string }) {
  const { t } = useTranslation();
  const outcome = commitOutcome(result);
  const changes = describeChanges(result.summary, t);
  return (
    <div className="notice notice--success" role="status">
      <p className="notice__text">{outcome.kind === 'revision' ? t('roll.import.done.revision', { number: outcome.number }) : t('roll.import.done.unchanged')}</p>
      {outcome.kind === 'revision' && changes && <p>{changes}</p>}
      <div className="button-row">
        <Link to={listHref} className="button button--primary">
          {t('roll.import.done.toList')}
        </Link>
        <Link to={revisionsHref} className="button button--secondary">
          {t('roll.import.done.toRevisions')}
        </Link>
      </div>
    </div>
  );
}

/**
 * 导入名册: download the template or the current roll, choose a file, read the preview — every
 * problem by row (nothing is saved), or what would change — and confirm. The file is the whole
 * roll: people missing from it leave the roll, which the preview says loudly when they signed up.
 */
export function RollImport({ unitId, unitKind, listHref, revisionsHref }: RollImportProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const preview = usePreviewRollImport(unitId);
  const commit = useCommitRollImport(unitId);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [result, setResult] = useState<RollImportPreview | null>(null);
  const [committed, setCommitted] = useState<RollImportCommit | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [shownAt, setShownAt] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const resultRegion = useRef<HTMLDivElement>(null);
  const fileId = useId();
  const resultTitleId = useId();
  useFocusFirstError(form, attempt);

  useEffect(() => {
    if (shownAt > 0) resultRegion.current?.focus();
  }, [shownAt]);

  const shown = (): void => setShownAt((n) => n + 1);

  const upload = (chosen: File): void => {
    if (preview.isPending) return;
    // A new check replaces whatever was shown: never confirm an earlier preview by mistake.
    commit.reset();
    setCommitted(null);
    setResult(null);
    preview.mutate(chosen, {
      onSuccess: (answer) => {
        setResult(answer);
        shown();
      },
      onError: () => {
        setResult(null);
        shown();
      },
    });
  };

  const choose = (event: ChangeEvent<HTMLInputElement>): void => {
    setFile(event.target.files?.[0] ?? null);
    setFileError(null);
    setResult(null);
    setCommitted(null);
    preview.reset();
    commit.reset();
  };

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const problem = file ? checkFile(file, { maxBytes: ROLL_FILE_MAX_BYTES, extensions: ROLL_FILE_EXTENSIONS }) : null;
    if (!file || problem) {
      setFileError(problem ? fileProblemMessage(problem, t) : t('roll.import.file.required'));
      setAttempt((n) => n + 1);
      return;
    }
    setFileError(null);
    upload(file);
  };

  const confirm = (): void => {
    if (!result?.importId || commit.isPending) return;
    commit.mutate(result.importId, {
      onSuccess: (answer) => {
        setCommitted(answer);
        setResult(null);
        shown();
      },
      onError: shown,
    });
  };

  const outcome = result ? previewOutcome(result) : null;
  const stale = commit.error instanceof ApiError && (commit.error.code === 'ROLL_CHANGED' || commit.error.code === 'ROLL_IMPORT_CLOSED');
  const describedBy = [fileError ? `${fileId}-error` : null, `${fileId}-hint`].filter(Boolean).join(' ');

  return (
    <div className="roll-import stack">
      <h2 className="section__title">{t('roll.import.heading')}</h2>
      <p className="section__intro">{t(unitKind === 'cooperative' ? 'roll.import.introCooperative' : 'roll.import.introCompound')}</p>
      <p className="notice notice--info">{t('roll.import.wholeRoll')}</p>
      <RollFiles unitId={unitId} />

      <form ref={form} className="stack card roll-upload" noValidate onSubmit={submit} aria-labelledby={`${fileId}-title`}>
        <h3 className="subsection__title" id={`${fileId}-title`}>
          {t('roll.import.file.heading')}
        </h3>
        <div className={`field${fileError ? ' field--invalid' : ''}`}>
          <label className="field__label" htmlFor={fileId}>
            {t('roll.import.file.label')}
          </label>
          <p className="field__hint" id={`${fileId}-hint`}>
            {t('roll.import.file.hint', { megabytes: megabytes(ROLL_FILE_MAX_BYTES) })}
          </p>
          {fileError && (
            <p className="field__error" id={`${fileId}-error`}>
              <span className="visually-hidden">{t('form.errorPrefix')}</span>
              {fileError}
            </p>
          )}
          <input
            id={fileId}
            name="file"
            type="file"
            className="field__file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={describedBy}
            onChange={choose}
          />
        </div>
        <div className="button-row">
          <button type="submit" className="button button--primary" aria-disabled={preview.isPending}>
            {preview.isPending ? t('roll.import.checking') : t('roll.import.check')}
          </button>
        </div>
      </form>

      <div ref={resultRegion} tabIndex={-1} className="roll-import__result" aria-labelledby={resultTitleId}>
        {(result || committed || preview.isError || commit.isError) && (
          <h3 className="visually-hidden" id={resultTitleId}>
            {t('roll.import.resultHeading')}
          </h3>
        )}
        {preview.isError && <FormAlert>{uploadErrorMessage(preview.error, t)}</FormAlert>}
        {commit.isError && (
          <div className="notice notice--error" role="alert">
            <p className="notice__text">{errorMessage(commit.error, t)}</p>
            {stale && file && (
              <button type="button" className="button button--primary" aria-disabled={preview.isPending} onClick={() => upload(file)}>
                {t('roll.import.checkAgain')}
              </button>
            )}
          </div>
        )}
        {committed && <CommittedView result={committed} listHref={listHref} revisionsHref={revisionsHref} />}
        {result && outcome === 'problems' && <ProblemsView preview={result} language={language} />}
        {result && outcome === 'unchanged' && (
          <div className="stack">
            <div className="notice notice--info" role="status">
              <p className="notice__text">{t('roll.import.unchanged.title')}</p>
              <p>{t('roll.import.unchanged.body', { number: result.baseRevision ?? 0 })}</p>
            </div>
            <Warnings preview={result} language={language} />
          </div>
        )}
        {result && outcome === 'changes' && !stale && (
          <ChangesView key={result.importId} preview={result} language={language} committing={commit.isPending} onConfirm={confirm} />
        )}
      </div>
    </div>
  );
}
