import type { ConsultationPhase } from '@yishi/contracts';
import { CONSULTATION_PHASES } from '@yishi/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { FormAlert } from '../../../components/form/form-alert';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { formatDate } from '../../../lib/format';
import { useCreateVersion } from '../api/create-version';
import { useVersion } from '../api/get-version';
import type { VersionSummary } from '../api/list-versions';
import { useVersions } from '../api/list-versions';
import { draftErrorMessage, VersionEditor } from './version-editor';
import { VersionView } from './version-view';
import './drafts-admin.css';
import { Loading } from '../../../components/loading';

/** The draft changes until voting opens (going back to the revision phase reopens it). */
export function draftingOpen(phase: ConsultationPhase): boolean {
  return CONSULTATION_PHASES.indexOf(phase) < CONSULTATION_PHASES.indexOf('voting');
}

function VersionList({ versions, selected }: { versions: VersionSummary[]; selected: number | null }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return (
    <nav aria-label={t('convene.draft.versions')}>
      <ul className="plain-list version-list">
        {versions.map((version) => (
          <li key={version.id}>
            <Link to={`?v=${version.number}`} className="version-link" aria-current={version.number === selected ? 'page' : undefined}>
              <span className="version-link__number">{t('convene.list.version', { number: version.number })}</span>
              <span className="version-link__state">
                {version.published ? t('convene.draft.publishedOn', { date: formatDate(version.publishedAt ?? '', language) ?? '' }) : t('convene.draft.beingEdited')}
              </span>
              <span className="version-link__counts">{t('convene.draft.versionCounts', { clauses: version.clauseCount, attachments: version.attachmentCount })}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * 草案: the versions of the draft; the one being edited (or a button to start the next, as a
 * copy of the last published one), and each published version as it reads, with its changes.
 */
export function DraftWorkspace({ consultationId, phase, canManage }: { consultationId: string; phase: ConsultationPhase; canManage: boolean }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [params, setParams] = useSearchParams();
  const versions = useVersions(consultationId);
  const create = useCreateVersion(consultationId);
  const list = versions.data ?? [];
  const latest = list.at(-1) ?? null;
  const asked = Number(params.get('v'));
  const selected = list.some((version) => version.number === asked) ? asked : (latest?.number ?? null);
  const version = useVersion(consultationId, selected);
  const previousNumber = selected !== null && selected > 1 ? selected - 1 : null;
  const previous = useVersion(consultationId, version.data?.editable ? previousNumber : null);
  const open = draftingOpen(phase);
  const canStart = canManage && open && versions.isSuccess && (latest === null || latest.published);
  const nextNumber = (latest?.number ?? 0) + 1;
  // The version just started (its editor takes focus: the start button is gone) or just published (said, and focused).
  const [started, setStarted] = useState<number | null>(null);
  const [published, setPublished] = useState<number | null>(null);
  const publishedRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (published !== null) publishedRef.current?.querySelector<HTMLElement>('.notice')?.focus();
  }, [published]);

  const start = (): void => {
    if (create.isPending) return;
    setPublished(null);
    create.mutate(undefined, {
      onSuccess: (created) => {
        setStarted(created.number);
        setParams({ v: String(created.number) });
      },
    });
  };

  return (
    <section className="draft-workspace stack" aria-labelledby={headingId}>
      <h2 className="section__title" id={headingId}>
        {t('convene.draft.workspaceHeading')}
      </h2>
      <p className="section__intro">{t('convene.draft.intro')}</p>
      {!open && <p className="notice notice--info">{t('convene.draft.closed')}</p>}
      {versions.isPending && <Loading />}
      {versions.isError && <QueryError error={versions.error} retrying={versions.isFetching} onRetry={() => void versions.refetch()} />}
      {versions.isSuccess && list.length === 0 && <p className="notice">{canManage ? t('convene.draft.noneYet') : t('convene.draft.noneToRead')}</p>}
      {published !== null && published === selected && (
        <div ref={publishedRef}>
          <FormAlert tone="success">{t('convene.draft.publishedNotice', { number: published })}</FormAlert>
        </div>
      )}
      {list.length > 0 && <VersionList versions={list} selected={selected} />}
      {canStart && (
        <div className="stack">
          {create.isError && <FormAlert>{draftErrorMessage(create.error, t)}</FormAlert>}
          <div className="button-row">
            <button type="button" className="button button--primary" aria-disabled={create.isPending} onClick={start}>
              {nextNumber === 1 ? t('convene.draft.startFirst') : t('convene.draft.startNext', { number: nextNumber, previous: nextNumber - 1 })}
            </button>
          </div>
        </div>
      )}
      {selected !== null && version.isPending && <Loading />}
      {version.isError && <QueryError error={version.error} retrying={version.isFetching} onRetry={() => void version.refetch()} />}
      {version.data &&
        (version.data.editable ? (
          previousNumber !== null && !previous.data ? (
            previous.isError ? <QueryError error={previous.error} retrying={previous.isFetching} onRetry={() => void previous.refetch()} /> : <Loading />
          ) : (
            <VersionEditor
              key={version.data.id}
              consultationId={consultationId}
              version={version.data}
              previous={previous.data ?? null}
              onPublished={(number) => {
                setStarted(null);
                setPublished(number);
                setParams({ v: String(number) });
              }}
              focusOnMount={started === version.data.number}
            />
          )
        ) : (
          <VersionView key={version.data.id} consultationId={consultationId} version={version.data} />
        ))}
    </section>
  );
}
