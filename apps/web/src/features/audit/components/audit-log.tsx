import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/query-error';
import { SelectField } from '../../../components/form/select-field';
import { currentLanguage } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import type { AuditEntry } from '../api/list-audit';
import { useAudit } from '../api/list-audit';
import type { AuditFamily } from '../utils/describe-audit';
import { actionName, AUDIT_FAMILIES, auditFields } from '../utils/describe-audit';
import './audit.css';

function RecordView({ title, record }: { title: string; record: AuditEntry['before'] }) {
  const { t } = useTranslation();
  const fields = auditFields(record, t);
  if (fields.length === 0) return null;
  return (
    <div className="audit-record">
      <p className="audit-record__title">{title}</p>
      <dl className="facts facts--compact">
        {fields.map((field) => (
          <div className="facts__row" key={field.key}>
            <dt>{field.label}</dt>
            <dd>{field.value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function Entry({ entry }: { entry: AuditEntry }) {
  const { t, i18n } = useTranslation();
  const when = formatDateTime(entry.occurredAt, currentLanguage(i18n)) ?? entry.occurredAt;
  return (
    <li className="audit-entry">
      <p className="audit-entry__head">
        <strong className="audit-entry__action">{actionName(entry.action, t)}</strong>
        <time className="audit-entry__time" dateTime={entry.occurredAt}>
          {when}
        </time>
      </p>
      <p className="audit-entry__meta">
        {t('audit.by', { name: entry.actorName ?? t('audit.system') })}
        {entry.nodeName && <> · {entry.nodeName}</>}
      </p>
      <div className="audit-entry__records">
        <RecordView title={t('audit.before')} record={entry.before} />
        <RecordView title={t('audit.after')} record={entry.after} />
      </div>
      {entry.requestId && <p className="audit-entry__request">{t('audit.requestId', { id: entry.requestId })}</p>}
    </li>
  );
}

/** The audit trail of a node and everything below it, newest first, a page at a time. */
export function AuditLog({ nodeId }: { nodeId: string }) {
  const { t } = useTranslation();
  const [family, setFamily] = useState<AuditFamily | null>(null);
  const audit = useAudit(nodeId, family);
  const entries = audit.data?.pages.flatMap((page) => page.entries) ?? [];

  return (
    <div className="stack">
      <h2 className="section__title">{t('audit.heading')}</h2>
      <p className="section__intro">{t('audit.intro')}</p>
      <SelectField label={t('audit.filter')} value={family ?? ''} onChange={(event) => setFamily((event.target.value || null) as AuditFamily | null)}>
        <option value="">{t('audit.family.all')}</option>
        {AUDIT_FAMILIES.map((option) => (
          <option key={option} value={option}>
            {t(`audit.family.${option}`)}
          </option>
        ))}
      </SelectField>
      {audit.isPending && (
        <p className="notice" role="status">
          {t('common.loading')}
        </p>
      )}
      {audit.isError && entries.length === 0 && <QueryError error={audit.error} retrying={audit.isFetching} onRetry={() => void audit.refetch()} />}
      {audit.isSuccess && entries.length === 0 && <p className="notice">{t('audit.emptyList')}</p>}
      {entries.length > 0 && (
        <ol className="plain-list audit-list" aria-label={t('audit.listLabel')}>
          {entries.map((entry) => (
            <Entry key={entry.id} entry={entry} />
          ))}
        </ol>
      )}
      {audit.isFetchNextPageError && <QueryError error={audit.error} retrying={audit.isFetchingNextPage} onRetry={() => void audit.fetchNextPage()} />}
      {audit.hasNextPage && !audit.isFetchNextPageError && (
        <button type="button" className="button button--secondary" aria-disabled={audit.isFetchingNextPage} onClick={() => !audit.isFetchingNextPage && void audit.fetchNextPage()}>
          {audit.isFetchingNextPage ? t('common.loading') : t('audit.more')}
        </button>
      )}
      {audit.isSuccess && !audit.hasNextPage && entries.length > 0 && <p className="audit-end">{t('audit.end')}</p>}
    </div>
  );
}
