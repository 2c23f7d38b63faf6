import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n';
import { SafeguardRows } from '../../../shared/votes/safeguard-rows';
import { formatDateTime } from '../../../lib/format';
import { safeguardsOfFile } from '../../../shared/votes/safeguards';
import type { PublicResult } from '../api/get-public-result';
import { Section } from '../../../components/section';

interface PublicFactsProps {
  result: PublicResult;
  /** The rule in plain words (「…三分之二以上…过半数同意」), worded by the page. */
  ruleWords: string;
}

/** Who decided under which rule and its source, when the vote was announced and open, and an early opening with its reason. */
export function PublicFacts({ result, ruleWords }: PublicFactsProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const when = (iso: string): string => formatDateTime(iso, language) ?? '';
  return (
    <Section titleId="public-facts-title" title={t('publicResult.facts.heading')}>
      <dl className="facts vote-facts">
        <div className="facts__row">
          <dt>{t('publicResult.facts.body')}</dt>
          <dd>{result.rule.body[language]}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('publicResult.facts.rule')}</dt>
          <dd>
            <span className="vote-facts__rule">{ruleWords}</span>
            <span className="facts__aside vote-facts__statute">{t('publicResult.facts.statute', { statute: result.rule.statute[language] })}</span>
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('publicResult.facts.announced')}</dt>
          <dd>{when(result.announcedAt)}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('publicResult.facts.window')}</dt>
          <dd>{t('publicResult.facts.windowValue', { opens: when(result.opensAt), closes: when(result.closesAt) })}</dd>
        </div>
        {result.safeguards && <SafeguardRows safeguards={safeguardsOfFile(result.safeguards)} />}
        {!result.safeguards && result.earlyOpening && (
          <div className="facts__row">
            <dt>{t('publicResult.facts.earlyOpening')}</dt>
            <dd>{t('publicResult.facts.earlyOpeningValue', { date: when(result.earlyOpening.openedAt), reason: result.earlyOpening.reason })}</dd>
          </div>
        )}
        <div className="facts__row">
          <dt>{t('publicResult.facts.ballot')}</dt>
          <dd>{result.secrecy === 'secret' ? t('publicResult.facts.secret') : t('publicResult.facts.named')}</dd>
        </div>
      </dl>
    </Section>
  );
}
