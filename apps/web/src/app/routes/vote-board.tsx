/**
 * /votes/:voteId/board — the bulletin board of a vote: every receipt sealed in its chain, in
 * order, and the head of the chain. A resident types (or brings, from the receipt's link) their
 * receipt and sees plainly whether it is there.
 */
import type { FormEvent } from 'react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { TextField } from '../../components/form/text-field';
import { LiveMessage } from '../../components/live-message';
import { QueryError } from '../../components/query-error';
import type { BoardEntry } from '../../features/votes/api/get-board';
import { useBoard } from '../../features/votes/api/get-board';
import { useVote } from '../../features/votes/api/get-vote';
import { votePath } from '../../features/votes/utils/paths';
import { findReceipt } from '../../features/votes/utils/receipts';
import { currentLanguage } from '../../i18n';
import { useDocumentTitle } from '../../lib/document-title';
import { formatDateTime } from '../../lib/format';
import './vote.css';

/** The most recent receipts listed under the search; the search covers them all. */
const SHOWN = 100;
/** Looks for a missing receipt again this many times (a fresh ballot is sealed within seconds). */
const MAX_RETRIES = 4;

const CHANNELS = ['online', 'paper', 'meeting'] as const;
const isChannel = (channel: string | null): channel is (typeof CHANNELS)[number] => (CHANNELS as readonly (string | null)[]).includes(channel);

type Outcome = { kind: 'found'; entry: BoardEntry } | { kind: 'notFound'; receipt: string } | null;

export function VoteBoardRoute() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const { voteId = '' } = useParams();
  const [params] = useSearchParams();
  const vote = useVote(voteId);
  const board = useBoard(voteId);
  const [query, setQuery] = useState(params.get('receipt') ?? '');
  // The receipt looked up (a receipt brought in the address, from 「在公示栏查找」, at once).
  const [searched, setSearched] = useState<string | null>(params.get('receipt'));
  const [error, setError] = useState<string | null>(null);
  const [retries, setRetries] = useState(0);
  useDocumentTitle(t('app.pageTitle', { page: t('votes.board.title') }));

  const entries = board.data?.entries;
  const outcome = useMemo<Outcome>(() => {
    if (!entries || !searched) return null;
    const entry = findReceipt(entries, searched);
    return entry ? { kind: 'found', entry } : { kind: 'notFound', receipt: searched.trim() };
  }, [entries, searched]);

  // A ballot cast a moment ago is sealed onto the board within seconds: look again a few times.
  const missing = outcome?.kind === 'notFound';
  const { refetch } = board;
  const looking = missing && retries < MAX_RETRIES;
  useEffect(() => {
    if (!looking) return undefined;
    const timer = window.setTimeout(() => {
      setRetries((n) => n + 1);
      void refetch();
    }, 1500);
    return () => window.clearTimeout(timer);
  }, [looking, retries, refetch]);

  const search = (receipt: string): void => {
    if (receipt.trim() === '') {
      setError(t('votes.board.empty'));
      setSearched(null);
      return;
    }
    setError(null);
    setRetries(0);
    setSearched(receipt);
  };

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    search(query);
  };

  return (
    <div className="vote-page">
      <p className="page-header__kind reader-crumb no-print">
        <Link to={votePath(voteId)}>{vote.data ? t('votes.backTo', { title: vote.data.title }) : t('votes.back')}</Link>
      </p>
      <header className="page-header">
        <h1 className="page-title">{t('votes.board.title')}</h1>
        {vote.data && <p className="page-header__intro">{vote.data.title}</p>}
        <p className="page-header__intro">{vote.data?.secrecy === 'secret' ? t('votes.board.introSecret') : t('votes.board.intro')}</p>
      </header>

      <form className="stack receipt-search" onSubmit={submit} noValidate>
        <TextField
          label={t('votes.board.receiptLabel')}
          hint={t('votes.board.receiptHint')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          error={error}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          className="field--code"
          addon={
            <button type="submit" className="button button--primary field__addon" aria-disabled={!board.data || undefined}>
              {t('votes.board.search')}
            </button>
          }
        />
      </form>
      <LiveMessage tone={looking ? 'info' : outcome?.kind === 'notFound' ? 'error' : 'success'}>
        {looking && t('votes.board.looking')}
        {outcome?.kind === 'found' && (
          <>
            <strong>{t('votes.board.found', { receipt: outcome.entry.receipt })}</strong>
            <br />
            {outcome.entry.seq !== null && t('votes.board.foundAt', { seq: outcome.entry.seq })}
            {outcome.entry.at && ` ${t('votes.board.foundTime', { time: formatDateTime(outcome.entry.at, language) ?? '' })}`}
            {outcome.entry.superseded && (
              <>
                <br />
                {t('votes.board.foundSuperseded')}
              </>
            )}
          </>
        )}
        {outcome?.kind === 'notFound' && !looking && (
          <>
            <strong>{t('votes.board.notFound', { receipt: outcome.receipt })}</strong>
            <br />
            {vote.data?.secrecy === 'secret' ? t('votes.board.notFoundSecret') : t('votes.board.notFoundHint')}
          </>
        )}
      </LiveMessage>

      {board.isPending && (
        <p className="notice" role="status">
          {t('common.loading')}
        </p>
      )}
      {board.isError && <QueryError error={board.error} retrying={board.isFetching} onRetry={() => void board.refetch()} />}
      {board.data && (
        <section className="section" aria-labelledby="board-entries">
          <h2 className="section__title" id="board-entries">
            {t('votes.board.entries', { count: board.data.entries.length })}
          </h2>
          <dl className="facts board-chain">
            <div className="facts__row">
              <dt>{t('votes.board.chainLength')}</dt>
              <dd>{board.data.chainLength}</dd>
            </div>
            <div className="facts__row">
              <dt>{t('votes.board.chainHead')}</dt>
              <dd className="hash" translate="no">
                {board.data.chainHead ?? t('votes.board.noHead')}
              </dd>
            </div>
          </dl>
          {board.data.entries.length === 0 ? (
            <p className="notice">{t('votes.board.none')}</p>
          ) : (
            <>
              {board.data.entries.length > SHOWN && <p className="section__intro">{t('votes.board.onlyLatest', { count: SHOWN })}</p>}
              <ol className="board-list">
                {board.data.entries
                  .slice(-SHOWN)
                  .reverse()
                  .map((entry) => (
                    <li key={`${entry.seq ?? ''}-${entry.receipt}`} className={`board-entry${entry.superseded ? ' board-entry--superseded' : ''}`}>
                      {entry.seq !== null && <span className="board-entry__seq">#{entry.seq}</span>}
                      <span className="board-entry__receipt" translate="no">
                        {entry.receipt}
                      </span>
                      {isChannel(entry.channel) && <span className="board-entry__meta">{t(`votes.channel.${entry.channel}`)}</span>}
                      {entry.superseded && <span className="board-entry__meta">{t('votes.board.superseded')}</span>}
                    </li>
                  ))}
              </ol>
            </>
          )}
        </section>
      )}
    </div>
  );
}
