import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { clausePath } from '../../../shared/consultations/links';
import { formatDate, formatDateTime } from '../../../lib/format';
import type { AdoptionReport as Report, AdoptionReportItem, AdoptionReportSection } from '../api/get-adoption-report';
import { adoptionReportXlsxUrl, useAdoptionReport } from '../api/get-adoption-report';
import { mergeReportPages, reportVersions } from '../utils/report';
import { OutcomeLabel } from './official-reply';
import './comments.css';

function Totals({ report }: { report: Pick<Report, 'totals'> }) {
  const { t } = useTranslation();
  const { totals } = report;
  const rows = [
    ['adopted', totals.adopted],
    ['partly_adopted', totals.partly_adopted],
    ['not_adopted', totals.not_adopted],
    ['noted', totals.noted],
  ] as const;
  return (
    <section className="report-totals" aria-labelledby="report-totals-title">
      <h2 className="section__title" id="report-totals-title">
        {t('report.totals.title')}
      </h2>
      <p className="report-totals__summary">{t('report.totals.summary', { count: totals.total, offline: totals.offline })}</p>
      <table className="report-totals__table">
        <caption className="visually-hidden">{t('report.totals.caption')}</caption>
        <tbody>
          {rows.map(([outcome, value]) => (
            <tr key={outcome}>
              <th scope="row">
                <OutcomeLabel outcome={outcome} />
              </th>
              <td>{t('report.totals.items', { count: value })}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('report.pending')}</th>
            <td>{t('report.totals.items', { count: totals.pending })}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}

function Item({ item, consultationId }: { item: AdoptionReportItem; consultationId: string }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const source =
    item.channel === 'online'
      ? t('report.source.online')
      : t('report.source.offline', {
          channel: t(`intakeChannel.${item.channel}`),
          collector: item.collectorName ?? t('report.source.unknownCollector'),
          date: item.collectedOn ? (formatDate(`${item.collectedOn}T12:00:00+08:00`, language) ?? item.collectedOn) : '',
        });
  const linked = item.reply?.linkedClause ?? null;
  return (
    <li className="card report-item">
      <article aria-label={t('report.itemLabel', { seq: item.seq })}>
        <p className="report-item__seq">{t('report.seq', { seq: item.seq })}</p>
        {item.hidden ? (
          <p className="comment__hidden">{t('comments.hidden', { reason: item.hiddenReason ?? t('comments.noReason') })}</p>
        ) : (
          <p className="report-item__body">{item.body}</p>
        )}
        <dl className="facts report-item__facts">
          <div className="facts__row">
            <dt>{t('report.author')}</dt>
            <dd>{item.anonymous || item.authorName === null ? t('comments.anonymous') : item.authorName}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('report.sourceLabel')}</dt>
            <dd>{source}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('report.time')}</dt>
            <dd>{formatDateTime(item.createdAt, language)}</dd>
          </div>
        </dl>
        <div className={`report-item__reply${item.reply ? ` report-item__reply--${item.reply.outcome}` : ' report-item__reply--pending'}`}>
          <p className="report-item__reply-title">
            <span className="official-reply__label">{t('comments.official.label')}</span>
            {item.reply ? <OutcomeLabel outcome={item.reply.outcome} /> : <span className="outcome">{t('report.pending')}</span>}
          </p>
          {item.reply && <p className="report-item__reason">{item.reply.reason}</p>}
          {linked && (
            <p className="official-reply__linked">
              <Link to={clausePath(consultationId, linked.number, linked.versionNumber)}>
                {t('comments.official.linkedClause', { version: linked.versionNumber, number: linked.number })}
              </Link>
            </p>
          )}
        </div>
      </article>
    </li>
  );
}

function Section({ section, consultationId }: { section: AdoptionReportSection; consultationId: string }) {
  const { t } = useTranslation();
  const id = `report-${section.versionId}-${section.clauseId ?? 'whole'}`;
  return (
    <section className="report-section" aria-labelledby={id}>
      <h3 className="report-section__title" id={id}>
        {section.clauseNumber === null
          ? t('report.wholeDraft')
          : t('report.clause', { number: section.clauseNumber, heading: section.clauseHeading ? ` ${section.clauseHeading}` : '' })}
        <span className="report-section__count">{t('report.sectionCount', { count: section.count })}</span>
      </h3>
      <ol className="plain-list report-items">
        {section.items.map((item) => (
          <Item key={item.commentId} item={item} consultationId={consultationId} />
        ))}
      </ol>
    </section>
  );
}

/**
 * 意见采纳情况说明: every opinion — online and received offline — by version and clause, with its
 * answer and the totals. It comes a page at a time (a joint consultation gathers thousands of
 * opinions); printing first reads the pages not yet shown. Also downloadable as an Excel workbook.
 */
export function AdoptionReport({ consultationId, titleId }: { consultationId: string; titleId: string }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const report = useAdoptionReport(consultationId);
  const [printing, setPrinting] = useState(false);
  /** Every page has been read for printing: print once they are on the page. */
  const printWhenShown = useRef(false);
  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = report;
  const pagesShown = report.data?.pages.length ?? 0;
  // Runs after React has drawn what it was given: the dialog opens on the whole report, not on
  // the pages that were showing when the last one arrived.
  useEffect(() => {
    if (printing || hasNextPage || !printWhenShown.current) return;
    printWhenShown.current = false;
    window.print();
  }, [printing, hasNextPage, pagesShown]);
  // Printing is of the whole report: read every page left, then open the print dialog.
  const printAll = async (): Promise<void> => {
    setPrinting(true);
    let complete = true;
    try {
      let more = hasNextPage;
      while (more) {
        const result = await fetchNextPage();
        if (result.isError) {
          complete = false; // the error and its retry show under the list
          break;
        }
        more = result.hasNextPage;
      }
    } finally {
      printWhenShown.current = complete;
      setPrinting(false);
    }
  };
  if (report.isPending) {
    return (
      <p className="notice" role="status">
        {t('common.loading')}
      </p>
    );
  }
  if (report.isError && !report.data) return <QueryError error={report.error} retrying={report.isFetching} onRetry={() => void report.refetch()} />;
  const first = report.data.pages[0]!;
  const sections = mergeReportPages(report.data.pages);
  return (
    <div className="adoption-report">
      <header className="page-header">
        <p className="page-header__kind">{first.title}</p>
        <h1 className="page-title" id={titleId} tabIndex={-1}>
          {t('report.title')}
        </h1>
        <p className="page-header__intro">{t('report.generatedAt', { date: formatDateTime(first.generatedAt, language) ?? '' })}</p>
      </header>
      <div className="button-row no-print report-actions">
        <button type="button" className="button button--primary" onClick={() => void (printing ? undefined : printAll())} aria-disabled={printing || undefined}>
          {printing ? t('report.preparingPrint') : t('report.print')}
        </button>
        <a className="button button--secondary" href={adoptionReportXlsxUrl(consultationId)} download>
          {t('report.download')}
        </a>
      </div>
      <Totals report={first} />
      {sections.length === 0 ? (
        <p className="notice">{t('report.empty')}</p>
      ) : (
        reportVersions(sections).map((version) => (
          <section key={version.versionId} className="report-version" aria-labelledby={`report-version-${version.versionId}`}>
            <h2 className="section__title" id={`report-version-${version.versionId}`}>
              {t('report.version', { number: version.versionNumber, title: version.versionTitle })}
            </h2>
            {version.sections.map((section) => (
              <Section key={`${section.versionId}-${section.clauseId ?? 'whole'}`} section={section} consultationId={consultationId} />
            ))}
          </section>
        ))
      )}
      {isFetchNextPageError && <QueryError error={report.error} retrying={isFetchingNextPage} onRetry={() => void fetchNextPage()} />}
      {hasNextPage && !isFetchNextPageError && (
        <button type="button" className="button button--secondary button--block no-print" onClick={() => void fetchNextPage()} aria-disabled={isFetchingNextPage || undefined}>
          {isFetchingNextPage ? t('common.loading') : t('report.loadMore', { shown: sections.reduce((n, s) => n + s.items.length, 0), count: first.totals.total })}
        </button>
      )}
    </div>
  );
}
