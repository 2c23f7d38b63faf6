import { useTranslation } from 'react-i18next';
import type { PublicResult } from '../api/get-public-result';
import { publicKitHref } from '../api/get-public-result';
import { ChainRows } from '../../../shared/votes/chain-rows';
import { recountCommand } from '../utils/public-page';
import { Section } from '../../../components/section';
import { Term } from '../../../components/term';

/**
 * 自己核对: the hashes the notice prints, and the three steps to recount the vote oneself —
 * download the kit, run the recount that ships with Yishi on it, compare the chain head it
 * prints with the one on the paper notice.
 */
export function VerifySteps({ result }: { result: PublicResult }) {
  const { t } = useTranslation();
  return (
    <Section titleId="verify-title" title={t('publicResult.verify.heading')} intro={t('publicResult.verify.intro')}>
      <dl className="facts">
        <div className="facts__row">
          <dt>
            <Term id="checkCode">{t('publicResult.verify.closingHash')}</Term>
          </dt>
          <dd className="hash public-closing-hash" translate="no">
            {result.closingHash}
          </dd>
        </div>
        <ChainRows chains={result.chains} />
        <div className="facts__row">
          <dt>{t('publicResult.verify.electorateHash')}</dt>
          <dd className="hash" translate="no">
            {result.electorateSha256}
          </dd>
        </div>
      </dl>
      <ol className="verify-steps">
        <li>
          <p>{t('publicResult.verify.download', { file: result.kitFileName })}</p>
          <a href={publicKitHref(result.token)} className="button button--primary" download>
            {t('publicResult.verify.kit')}
          </a>
        </li>
        <li>
          <p>{t('publicResult.verify.run')}</p>
          <code className="hash verify-steps__command" translate="no">
            {recountCommand(result)}
          </code>
        </li>
        <li>
          <p>{t('publicResult.verify.compare')}</p>
        </li>
      </ol>
      <p className="section__intro">{t('publicResult.verify.kitContents')}</p>
    </Section>
  );
}
