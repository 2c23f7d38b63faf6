/**
 * /votes/:voteId/board — the bulletin board of a vote: every receipt sealed in its chain, in
 * order, and the head of the chain. A resident types (or brings, from the receipt's link) their
 * receipt and sees plainly whether it is there.
 */
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useBoard } from '../../features/votes/api/get-board';
import { useVote } from '../../features/votes/api/get-vote';
import { ReceiptBoard } from '../../features/votes/components/receipt-board';
import { votePath } from '../../shared/votes/paths';
import { useDocumentTitle } from '../../lib/document-title';
import './vote.css';

export function VoteBoardRoute() {
  const { t } = useTranslation();
  const { voteId = '' } = useParams();
  const [params] = useSearchParams();
  const vote = useVote(voteId);
  const board = useBoard(voteId);
  useDocumentTitle(t('app.pageTitle', { page: t('votes.board.title') }));

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
      <ReceiptBoard board={board} secret={vote.data?.secrecy === 'secret'} initialReceipt={params.get('receipt')} />
    </div>
  );
}
