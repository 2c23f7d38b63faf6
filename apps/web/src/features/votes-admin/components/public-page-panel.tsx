import { publicResultUrl } from '@yishi/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form/form-alert';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { errorMessage } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { usePublicLink, usePublishBoard } from '../api/public-page';
import type { VoteDetail } from '../api/votes';

/**
 * 公开核对页面: the address of the counted result's public page (the notice prints it as a QR
 * code), and, for those who run the vote, putting the board of receipts on it. Publishing asks
 * first and cannot be undone: a notice that was public stays public.
 */
export function PublicPagePanel({ vote }: { vote: VoteDetail }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const titleId = useId();
  const counted = vote.status === 'closed' || vote.status === 'final';
  const link = usePublicLink(vote.id, counted);
  const publish = usePublishBoard(vote.id);
  const [confirming, setConfirming] = useState(false);
  if (!counted) return null;
  const url = link.data ? publicResultUrl(window.location.origin, link.data.token) : null;
  return (
    <section className="section public-page-panel" aria-labelledby={titleId}>
      <h2 className="section__title" id={titleId}>
        {t('voteAdmin.publicPage.heading')}
      </h2>
      <p className="section__intro">{t('voteAdmin.publicPage.intro')}</p>
      {link.isPending && <p className="notice">{t('common.loading')}</p>}
      {link.isError && <QueryError error={link.error} retrying={link.isFetching} onRetry={() => void link.refetch()} />}
      {link.data && url && (
        <>
          <p>
            <a href={url} className="hash" translate="no" target="_blank" rel="noreferrer">
              {url}
            </a>
          </p>
          {link.data.boardPublishedAt ? (
            <p className="notice notice--info">{t('voteAdmin.publicPage.boardPublished', { date: formatDateTime(link.data.boardPublishedAt, language) ?? '' })}</p>
          ) : (
            <>
              <p>{t('voteAdmin.publicPage.boardPrivate')}</p>
              {link.data.canPublishBoard && !confirming && (
                <div className="button-row">
                  <button type="button" className="button button--secondary" onClick={() => (publish.reset(), setConfirming(true))}>
                    {t('voteAdmin.publicPage.publish')}
                  </button>
                </div>
              )}
              {confirming && (
                <div className="confirm" role="group" aria-label={t('voteAdmin.publicPage.publish')}>
                  <p>{t('voteAdmin.publicPage.confirm')}</p>
                  {publish.isError && <FormAlert>{errorMessage(publish.error, t)}</FormAlert>}
                  <div className="button-row">
                    <button
                      type="button"
                      className="button button--primary"
                      aria-disabled={publish.isPending}
                      onClick={() => !publish.isPending && publish.mutate(undefined, { onSuccess: () => setConfirming(false) })}
                    >
                      {publish.isPending ? t('voteAdmin.publicPage.publishing') : t('voteAdmin.publicPage.confirmPublish')}
                    </button>
                    <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
                      {t('common.cancel')}
                    </button>
                  </div>
                </div>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
