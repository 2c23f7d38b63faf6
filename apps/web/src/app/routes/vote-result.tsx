/**
 * /votes/:voteId/result — the result notice (公示): provisional with its objection window, then
 * final. Every figure (each condition's numerator, denominator, threshold and share; persons and
 * area), the notice and voting period it kept (or the approved shortening, why and by whom),
 * the explanation in sentences, the verdict, the closing hash, the objections and their
 * answers, the files to check it all (recount kit, CSV, XLSX), and the QR code of the result's
 * public page, which anyone can open without an account. Prints cleanly on A4.
 */
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryError } from '../../components/query-error';
import { ChainRows } from '../../shared/votes/chain-rows';
import { SafeguardRows } from '../../shared/votes/safeguard-rows';
import { useVote } from '../../features/votes/api/get-vote';
import { recountKitHref, resultExportHref, useVoteResult } from '../../features/votes/api/get-result';
import { Objections } from '../../features/votes/components/objections';
import { PublicLink } from '../../features/votes/components/public-link';
import { ResultSections } from '../../features/votes/components/result-sections';
import { AssemblyResultSections } from '../../features/votes/components/assembly-result';
import { VoteHeader } from '../../features/votes/components/vote-header';
import { voteBoardPath, votePath } from '../../shared/votes/paths';
import { verdictKey } from '../../features/votes/utils/verdict';
import { weighsArea } from '../../features/votes/utils/rule-sentence';
import { choiceLabel, objectionsOpen, voteStage } from '../../features/votes/utils/vote-state';
import { currentLanguage } from '../../i18n';
import { conflictReason } from '../../lib/api-problems';
import { useDocumentTitle } from '../../lib/document-title';
import { formatDateTime } from '../../lib/format';
import { safeguardsOfFile } from '../../shared/votes/safeguards';
import './vote.css';
import { Section } from '../../components/section';
import { Term } from '../../components/term';

export function VoteResultRoute() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const { voteId = '' } = useParams();
  const result = useVoteResult(voteId);
  const detail = useVote(voteId);
  useDocumentTitle(t('app.pageTitle', { page: t('votes.result.kind') }));

  const back = (
    <p className="page-header__kind reader-crumb no-print">
      <Link to={votePath(voteId)}>{detail.data ? t('votes.backTo', { title: detail.data.title }) : t('votes.back')}</Link>
    </p>
  );
  if (result.isPending) {
    return (
      <p className="notice" role="status">
        {t('common.loading')}
      </p>
    );
  }
  if (result.isError) {
    if (conflictReason(result.error) === 'not_counted') {
      return (
        <div className="vote-page">
          {back}
          <h1 className="page-title">{t('votes.result.kind')}</h1>
          <p className="notice notice--info">{t('votes.result.notCounted')}</p>
        </div>
      );
    }
    return <QueryError error={result.error} retrying={result.isFetching} onRetry={() => void result.refetch()} />;
  }

  const { vote, result: file, assembly, objectionUntil, safeguards } = result.data;
  const stage = voteStage(vote);
  const summary = file?.tally ?? null;
  const optionLabel = (id: string): string => choiceLabel(vote, id, t, language);
  const objectionWindowOpen = objectionsOpen(stage, objectionUntil);
  const header = detail.data ? { ...vote, bodyZh: detail.data.bodyZh, bodyEn: detail.data.bodyEn } : vote;

  return (
    <div className="vote-page vote-result">
      {back}
      <VoteHeader vote={header} stage={stage} titleId="result-title" kind={t('votes.result.kind')} />

      {summary && (
        <section className={`verdict verdict--${summary.passed ? 'passed' : 'failed'}`} aria-labelledby="verdict-title">
          <h2 className="verdict__label" id="verdict-title">
            {stage === 'final' ? t('votes.result.finalVerdict') : t('votes.result.provisionalVerdict')}
          </h2>
          <p className="verdict__value">{t(verdictKey(summary), { option: summary.winningOption ? optionLabel(summary.winningOption) : '' })}</p>
          <p className="verdict__note">
            {stage === 'final'
              ? t('votes.result.finalNote')
              : t('votes.result.provisionalNote', { date: objectionUntil ? (formatDateTime(objectionUntil, language) ?? '') : '' })}
          </p>
        </section>
      )}
      {assembly && <AssemblyResultSections result={assembly} stage={stage === 'final' ? 'final' : 'provisional'} />}
      {assembly && stage !== 'final' && (
        <p className="notice notice--info">{t('votes.result.provisionalNote', { date: objectionUntil ? (formatDateTime(objectionUntil, language) ?? '') : '' })}</p>
      )}

      {safeguards && (
        <Section titleId="safeguards-title" title={t('votes.safeguards.title')}>
          <dl className="facts">
            <SafeguardRows safeguards={safeguardsOfFile(safeguards)} />
          </dl>
        </Section>
      )}

      {file && summary && (
        <ResultSections conditions={summary.conditions} explanation={file.explanation[language]} figures={summary.figures} withArea={weighsArea(vote.ruleSet)} optionLabel={optionLabel} />
      )}

      <Section titleId="integrity-title" title={t('votes.result.integrity')} intro={t('votes.result.integrityIntro')}>
        <dl className="facts">
          <div className="facts__row">
            <dt>
              <Term id="checkCode">{t('votes.result.closingHash')}</Term>
            </dt>
            <dd className="hash" translate="no">
              {vote.closingHash ?? '—'}
            </dd>
          </div>
          <ChainRows chains={file?.chains ?? assembly!.chains} />
        </dl>
        <div className="button-row result-actions no-print">
          <a href={recountKitHref(vote.id)} className="button button--secondary" download>
            {t('votes.result.recountKit')}
          </a>
          <a href={resultExportHref(vote.id, 'csv')} className="button button--secondary" download>
            {t('votes.result.csv')}
          </a>
          <a href={resultExportHref(vote.id, 'xlsx')} className="button button--secondary" download>
            {t('votes.result.xlsx')}
          </a>
          <Link to={voteBoardPath(vote.id)} className="button button--secondary">
            {t('votes.links.board')}
          </Link>
          <button type="button" className="button button--secondary" onClick={() => window.print()}>
            {t('votes.result.print')}
          </button>
        </div>
        <p className="section__intro no-print">{t('votes.result.recountHint')}</p>
      </Section>

      <PublicLink voteId={vote.id} />

      <Objections voteId={vote.id} open={objectionWindowOpen} until={objectionUntil} canObject={result.data.canObject} />
    </div>
  );
}
