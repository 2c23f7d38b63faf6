/**
 * /votes/:voteId — a vote as a resident meets it on a phone, usually from the inbox: the
 * question, who decides under which rule in plain words, the window with a countdown, and a
 * ballot for each voter I may cast for (myself, a principal by written proxy). A choice, then
 * one confirmation, and the receipt; live turnout where the convenor made it public.
 */
import { lazy, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { AttachmentList } from '../../components/attachment-list';
import { QueryError } from '../../components/query-error';
import { useVote } from '../../features/votes/api/get-vote';
import { BallotCard } from '../../features/votes/components/ballot-card';
import { Countdown } from '../../features/votes/components/countdown';
import { Turnout } from '../../features/votes/components/turnout';
import { VoteFacts, VoteHeader } from '../../features/votes/components/vote-header';
import { voteBoardPath, voteResultPath } from '../../shared/votes/paths';
import { hasResult, voteStage } from '../../features/votes/utils/vote-state';
import { currentLanguage } from '../../i18n';
import { consultationPath } from '../../shared/consultations/links';
import { useDocumentTitle } from '../../lib/document-title';
import { formatDateTime } from '../../lib/format';
import { safeguardsOfVote } from '../../shared/votes/safeguards';
import './vote.css';
import { Section } from '../../components/section';

// Most votes put one question: the ballot of several matters loads only when a page needs it.
const AssemblyBallotCard = lazy(() => import('../../features/votes/components/assembly-ballot-card').then((m) => ({ default: m.AssemblyBallotCard })));

export function VoteRoute() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const { voteId = '' } = useParams();
  const vote = useVote(voteId);
  const heading = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(t('app.pageTitle', { page: vote.data?.title ?? t('votes.kind') }));
  const loaded = vote.isSuccess;
  useEffect(() => {
    if (loaded) heading.current?.focus({ preventScroll: true });
  }, [loaded]);

  if (vote.isPending) {
    return (
      <p className="notice" role="status">
        {t('common.loading')}
      </p>
    );
  }
  if (vote.isError) return <QueryError error={vote.error} retrying={vote.isFetching} onRetry={() => void vote.refetch()} />;
  const detail = vote.data;
  const stage = voteStage(detail);
  const reread = (): void => void vote.refetch();
  const turnoutShown = (detail.turnoutPublic || detail.canManage) && (stage === 'open' || stage === 'counting');

  return (
    <div className="vote-page">
      <VoteHeader vote={detail} stage={stage} titleId="vote-title" kind={t('votes.kind')} headingRef={heading} withFacts={false} />

      {stage === 'open' && <Countdown until={detail.closesAt} labelKey="votes.countdown.toClose" onPassed={reread} />}
      {(stage === 'announced' || stage === 'notYetOpen') && (
        <div className="notice notice--info vote-stage-note">
          <p className="notice__text">{t('votes.stageNote.notYetOpen', { date: formatDateTime(detail.opensAt, language) ?? '' })}</p>
          {stage === 'notYetOpen' && <Countdown until={detail.opensAt} labelKey="votes.countdown.toOpen" onPassed={reread} />}
          {stage === 'announced' && <p>{t('votes.stageNote.announced')}</p>}
        </div>
      )}
      {stage === 'counting' && (
        <div className="notice notice--info vote-stage-note" role="status">
          <p className="notice__text">{t('votes.stageNote.counting')}</p>
        </div>
      )}
      {hasResult(stage) && (
        <div className="notice notice--info vote-stage-note">
          <p className="notice__text">{stage === 'final' ? t('votes.stageNote.final') : t('votes.stageNote.provisional')}</p>
          <Link to={voteResultPath(detail.id)} className="button button--primary button--block">
            {t('votes.seeResult')}
          </Link>
        </div>
      )}
      {stage === 'cancelled' && (
        <div className="notice notice--warning vote-stage-note" role="status">
          <p className="notice__text">{t('votes.stageNote.cancelled')}</p>
        </div>
      )}

      {stage !== 'announced' && stage !== 'cancelled' && detail.myVoters.length === 0 && (
        <div className="notice notice--warning vote-not-eligible">
          <p className="notice__text">{t('votes.notEligible.title')}</p>
          <p>{t('votes.notEligible.body')}</p>
        </div>
      )}

      {detail.myVoters.length > 0 && stage !== 'cancelled' && (
        <div className="ballot-cards">
          {detail.myVoters.map((voter) =>
            detail.questionKind === 'assembly' ? (
              <Suspense
                key={voter.voterId}
                fallback={
                  <p className="notice" role="status">
                    {t('common.loading')}
                  </p>
                }
              >
                <AssemblyBallotCard vote={detail} voter={voter} named={detail.myVoters.length > 1} stage={stage} />
              </Suspense>
            ) : (
              <BallotCard key={voter.voterId} vote={detail} voter={voter} named={detail.myVoters.length > 1} stage={stage} />
            ),
          )}
        </div>
      )}

      {detail.attachments.some((a) => a.matterId === null) && (
        <Section titleId="vote-documents-title" title={t('votes.documents.title')} intro={t('votes.documents.intro')}>
          <AttachmentList attachments={detail.attachments.filter((a) => a.matterId === null)} label={t('votes.documents.title')} />
        </Section>
      )}

      <Section titleId="vote-about-title" title={t('votes.facts.title')} className="vote-about">
        <VoteFacts vote={detail} safeguards={safeguardsOfVote(detail)} />
      </Section>

      <Turnout voteId={detail.id} enabled={turnoutShown} />

      <nav className="vote-links" aria-label={t('votes.links.label')}>
        {stage !== 'announced' && stage !== 'cancelled' && (
          <Link to={voteBoardPath(detail.id)} className="vote-links__link">
            {t('votes.links.board')}
          </Link>
        )}
        {hasResult(stage) && (
          <Link to={voteResultPath(detail.id)} className="vote-links__link">
            {t('votes.links.result')}
          </Link>
        )}
        {detail.consultationId && (
          <Link to={consultationPath(detail.consultationId)} className="vote-links__link">
            {t('votes.links.consultation')}
          </Link>
        )}
        {detail.canManage && (
          <Link to={`/console/votes/${detail.id}`} className="vote-links__link">
            {t('votes.links.console')}
          </Link>
        )}
        <Link to={`/units/${detail.unitId}`} className="vote-links__link">
          {t('votes.links.unit', { unit: detail.unitName })}
        </Link>
      </nav>
    </div>
  );
}
