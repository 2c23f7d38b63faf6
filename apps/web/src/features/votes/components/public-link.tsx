import { publicResultUrl } from '@yishi/contracts';
import { useTranslation } from 'react-i18next';
import { QrCode } from '../../../components/qr-code';
import { usePublicLink } from '../api/get-public-link';
import { Section } from '../../../components/section';

/**
 * 扫码核对: the QR code of the result's public page, and its address written out for typing, on
 * the notice as shown and as printed. The address is on the origin this page was served from,
 * so a notice printed from the address residents use opens there. Nothing while it loads or
 * when it cannot be had: the notice stands without it.
 */
export function PublicLink({ voteId }: { voteId: string }) {
  const { t } = useTranslation();
  const link = usePublicLink(voteId, true);
  if (!link.data) return null;
  const url = publicResultUrl(window.location.origin, link.data.token);
  return (
    <Section titleId="public-link-title" title={t('votes.result.publicLink.heading')} className="public-link">
      <div className="public-link__body">
        <QrCode className="public-link__qr" value={url} label={t('votes.result.publicLink.qrLabel')} />
        <div className="public-link__text">
          <p>{t('votes.result.publicLink.intro')}</p>
          <p className="public-link__address">
            <span className="public-link__label">{t('votes.result.publicLink.address')}</span>
            <a href={url} className="hash" translate="no">
              {url}
            </a>
          </p>
          <p className="public-link__board">{link.data.boardPublishedAt ? t('votes.result.publicLink.boardPublic') : t('votes.result.publicLink.boardPrivate')}</p>
        </div>
      </div>
    </Section>
  );
}
