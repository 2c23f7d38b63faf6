import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/query-error';
import { formatDateTime } from '../../../lib/format';
import type { PaperPrint } from '../api/papers';
import { usePaperPrint } from '../api/papers';
import { Loading } from '../../../components/loading';
import './votes-admin.css';

/** The documents a paper lists, each with its SHA-256 so a copy can be checked against it. */
function PrintDocuments({ documents, zh }: { documents: PaperPrint['documents']; zh: TFunction }) {
  return (
    <div className="ballot-paper__documents">
      <p>{zh('voteAdmin.print.paper.documents')}</p>
      <ol>
        {documents.map((d) => (
          <li key={d.sha256}>
            {d.title}
            <span className="ballot-paper__sha">
              {zh('voteAdmin.print.paper.sha256')} <code translate="no">{d.sha256}</code>
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}

/**
 * The ballot papers to print (选票), one per A4 page: the vote, the question, a box per choice,
 * (an assembly's ballot: every matter with its question, its boxes — an election's candidates with
 * how many may be chosen — and its documents), the voter and their units, the serial and the code staff type at entry, and the return deadline.
 * Printed in Chinese, the language of the papers people sign.
 */
export function PaperPrintSheet({ voteId, group, backHref }: { voteId: string; group: string | null; backHref: string }) {
  const { t, i18n } = useTranslation();
  // The paper itself is in Chinese whatever the screen's language: it is what voters sign.
  const zh = i18n.getFixedT('zh-CN');
  const sheet = usePaperPrint(voteId, group);
  if (sheet.isPending) return <Loading />;
  if (sheet.isError) return <QueryError error={sheet.error} retrying={sheet.isFetching} onRetry={() => void sheet.refetch()} />;
  const data = sheet.data;
  const papers = data.groups.flatMap((g) => g.papers.map((p) => ({ ...p, group: g.group })));
  return (
    <div className="paper-print">
      <div className="no-print stack">
        <p>{t('voteAdmin.print.intro', { count: papers.length })}</p>
        <div className="button-row">
          <button type="button" className="button button--primary" onClick={() => window.print()}>
            {t('voteAdmin.print.print')}
          </button>
          <a href={backHref} className="button button--secondary">
            {t('voteAdmin.print.back')}
          </a>
        </div>
      </div>
      {papers.length === 0 && <p className="notice">{t('voteAdmin.print.none')}</p>}
      {papers.map((paper) => (
        <article key={paper.serial} className="ballot-paper" lang="zh-CN" aria-label={t('voteAdmin.print.paperLabel', { serial: paper.serial })}>
          <header className="ballot-paper__head">
            <p className="ballot-paper__unit">{zh('voteAdmin.print.paper.heading', { unit: data.unitName })}</p>
            <p className="ballot-paper__serial">
              {zh('voteAdmin.print.paper.serial', { serial: paper.serial })} · {zh('voteAdmin.print.paper.code')} <strong>{paper.code}</strong>
            </p>
          </header>
          <h2 className="ballot-paper__title">{data.title}</h2>
          <p className="ballot-paper__question">{data.question}</p>
          {data.matters ? (
            <ol className="ballot-paper__matters">
              {data.matters.map((matter) => (
                <li key={matter.id} className="ballot-paper__matter">
                  <p className="ballot-paper__matter-title">
                    <strong>{matter.title}</strong>
                    {matter.kind === 'election' && matter.seats !== null && <span className="ballot-paper__seats"> {zh('voteAdmin.print.paper.seats', { count: matter.seats })}</span>}
                  </p>
                  <p className="ballot-paper__question">{matter.question}</p>
                  <ul className="plain-list ballot-paper__choices">
                    {matter.choices.map((choice) => (
                      <li key={choice.id}>
                        <span className="ballot-paper__box" aria-hidden="true" />
                        {choice.label}
                      </li>
                    ))}
                  </ul>
                  {matter.documents.length > 0 && <PrintDocuments documents={matter.documents} zh={zh} />}
                </li>
              ))}
            </ol>
          ) : (
            <ul className="plain-list ballot-paper__choices">
              {data.choices.map((choice) => (
                <li key={choice.id}>
                  <span className="ballot-paper__box" aria-hidden="true" />
                  {choice.label}
                </li>
              ))}
            </ul>
          )}
          {data.documents.length > 0 && <PrintDocuments documents={data.documents} zh={zh} />}
          <p className="ballot-paper__rule">{data.matters ? zh('voteAdmin.print.paper.assemblyRule') : zh('voteAdmin.print.paper.rule')}</p>
          <dl className="ballot-paper__voter">
            <div>
              <dt>{zh('voteAdmin.print.paper.voter')}</dt>
              <dd>{paper.name}</dd>
            </div>
            <div>
              <dt>{zh('voteAdmin.print.paper.units')}</dt>
              <dd>
                {paper.group} {paper.unitLabels.join(zh('voteAdmin.listSeparator'))}
              </dd>
            </div>
            <div>
              <dt>{zh('voteAdmin.print.paper.sign')}</dt>
              <dd className="ballot-paper__sign" />
            </div>
          </dl>
          <p className="ballot-paper__deadline">{zh('voteAdmin.print.paper.deadline', { at: formatDateTime(data.closesAt, 'zh-CN') ?? '' })} {data.secrecy === 'secret' ? zh('voteAdmin.print.paper.secret') : ''}</p>
        </article>
      ))}
    </div>
  );
}
