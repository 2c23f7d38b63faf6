/**
 * /r/:token — the public, unlisted page of a published result, opened from the QR code on the
 * paper notice (or the address printed beside it, typed in): no account needed. It shows what
 * the notice board says — the verdict, every condition and figure, the explanation in sentences,
 * the rule and its source — and how to check it oneself: the recount kit, the command, and the
 * chain head to compare with the paper. The board of receipts appears once the convenor has
 * published it. Search engines are asked not to index it (the header and the meta tag).
 */
import { normalisePublicToken } from '@yishi/contracts';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { QueryError } from '../../components/query-error';
import { usePublicBoard, usePublicResult } from '../../features/public-results/api/get-public-result';
import { PublicFacts } from '../../features/public-results/components/public-facts';
import { VerifySteps } from '../../features/public-results/components/verify-steps';
import { optionLabelOf, pageProblem, stageNote } from '../../features/public-results/utils/public-page';
import { ReceiptBoard } from '../../features/votes/components/receipt-board';
import { ResultSections } from '../../features/votes/components/result-sections';
import { AssemblyResultSections } from '../../features/votes/components/assembly-result';
import { ruleSentence, weighsArea } from '../../features/votes/utils/rule-sentence';
import { verdictKey } from '../../features/votes/utils/verdict';
import { currentLanguage } from '../../i18n';
import { minutesToWait } from '../../lib/api-client';
import { useDocumentTitle } from '../../lib/document-title';
import { formatDateTime } from '../../lib/format';
import './vote.css';
import { Section } from '../../components/section';

export function PublicResultRoute() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const { token: typed = '' } = useParams();
  // What was typed from paper is forgiven (capitals, spaces, dashes, o for 0); a key that cannot be one asks nothing.
  const token = normalisePublicToken(typed);
  const result = usePublicResult(token);
  const board = usePublicBoard(token, Boolean(result.data?.boardPublishedAt));
  const title = result.data ? result.data.title[language] : t('publicResult.kind');
  useDocumentTitle(t('app.pageTitle', { page: title }));

  const noIndex = <meta name="robots" content="noindex, nofollow" />;
  if (token && result.isPending) {
    return (
      <>
        {noIndex}
        <p className="notice" role="status">
          {t('common.loading')}
        </p>
      </>
    );
  }
  if (!token || result.isError) {
    const problem = token ? pageProblem(result.error) : 'notFound';
    return (
      <div className="vote-page">
        {noIndex}
        <h1 className="page-title">{t('publicResult.notFound.title')}</h1>
        {problem === 'notFound' && <p className="notice notice--info">{t('publicResult.notFound.body')}</p>}
        {problem === 'tooMany' && <p className="notice notice--error">{t('publicResult.tooMany', { count: minutesToWait(result.error) ?? 15 })}</p>}
        {problem === 'other' && <QueryError error={result.error} retrying={result.isFetching} onRetry={() => void result.refetch()} />}
      </div>
    );
  }

  const data = result.data!;
  const { tally, assembly } = data;
  const optionLabel = optionLabelOf(data, language);
  return (
    <div className="vote-page vote-result public-result">
      {noIndex}
      <header className="page-header vote-header">
        <p className="page-header__kind">
          {t('publicResult.kind')}
          {t('votes.separator')}
          {data.communityName ? `${data.communityName} · ${data.unitName}` : data.unitName}
        </p>
        <h1 className="page-title" id="public-result-title">
          {data.title[language]}
        </h1>
        <p className="vote-question">{data.question[language]}</p>
        <p className="page-header__intro">{t('publicResult.intro')}</p>
      </header>

      {tally && (
        <section className={`verdict verdict--${tally.passed ? 'passed' : 'failed'}`} aria-labelledby="verdict-title">
          <h2 className="verdict__label" id="verdict-title">
            {data.stage === 'final' ? t('votes.result.finalVerdict') : t('votes.result.provisionalVerdict')}
          </h2>
          <p className="verdict__value">{t(verdictKey(tally), { option: tally.winningOption ? optionLabel(tally.winningOption) : '' })}</p>
          <p className="verdict__note">{stageNote(data, t, language)}</p>
        </section>
      )}
      {assembly && <AssemblyResultSections result={assembly} stage={data.stage} />}
      {assembly && <p className="notice notice--info">{stageNote(data, t, language)}</p>}

      {tally && data.explanation && (
        <ResultSections conditions={tally.conditions} explanation={data.explanation[language]} figures={tally.figures} withArea={weighsArea(data.ruleSet)} optionLabel={optionLabel} />
      )}

      <PublicFacts result={data} ruleWords={ruleSentence(data.ruleSet, data.questionKind, t)} />

      <VerifySteps result={data} />

      <Section titleId="public-board-title" title={t('publicResult.board.heading')}>
        {data.boardPublishedAt ? (
          <>
            <p className="section__intro">
              {t('publicResult.board.published', { date: formatDateTime(data.boardPublishedAt, language) ?? '' })}{' '}
              {data.secrecy === 'secret' ? t('votes.board.introSecret') : t('votes.board.intro')}
            </p>
            <ReceiptBoard board={board} secret={data.secrecy === 'secret'} />
          </>
        ) : (
          <p className="notice notice--info">{t('publicResult.board.private')}</p>
        )}
      </Section>
    </div>
  );
}
