/**
 * The bulletin board of a vote: look a receipt up, and every receipt sealed in its chain, in
 * order, with the head of the chain. Shown to the unit's signed-in residents (/votes/:id/board),
 * and on the result's public page once the convenor has published it.
 */
import type { UseQueryResult } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/form/text-field';
import { LiveMessage } from '../../../components/live-message';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import type { BoardEntry, VoteBoard } from '../api/get-board';
import { findReceipt } from '../utils/receipts';
import { Section } from '../../../components/section';
import { Term } from '../../../components/term';

/** The most recent receipts listed under the search; the search covers them all. */
const SHOWN = 100;
/** Looks for a missing receipt again this many times (a fresh ballot is sealed within seconds). */
const MAX_RETRIES = 4;

const CHANNELS = ['online', 'paper', 'meeting'] as const;
const isChannel = (channel: string | null): channel is (typeof CHANNELS)[number] => (CHANNELS as readonly (string | null)[]).includes(channel);

type Outcome = { kind: 'found'; entry: BoardEntry } | { kind: 'notFound'; receipt: string } | null;

interface ReceiptBoardProps {
  board: UseQueryResult<VoteBoard>;
  /** A secret vote: its board is the ballot box, filled after close. */
  secret: boolean;
  /** A receipt to look up at once (from the receipt's link). */
  initialReceipt?: string | null;
}

export function ReceiptBoard({ board, secret, initialReceipt = null }: ReceiptBoardProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [query, setQuery] = useState(initialReceipt ?? '');
  // The receipt looked up (a receipt brought in the address, from 「在公示栏查找」, at once).
  const [searched, setSearched] = useState<string | null>(initialReceipt);
  const [error, setError] = useState<string | null>(null);
  const [retries, setRetries] = useState(0);

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
    <>
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
            {secret ? t('votes.board.notFoundSecret') : t('votes.board.notFoundHint')}
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
        <Section titleId="board-entries" title={t('votes.board.entries', { count: board.data.entries.length })}>
          <dl className="facts board-chain">
            <div className="facts__row">
              <dt>{t('votes.board.chainLength')}</dt>
              <dd>{board.data.chainLength}</dd>
            </div>
            <div className="facts__row">
              <dt>
                <Term id="checkCode">{t('votes.board.chainHead')}</Term>
              </dt>
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
              <ol className="plain-list board-list">
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
        </Section>
      )}
    </>
  );
}
