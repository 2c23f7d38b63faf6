import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LiveMessage } from '../../../components/live-message';
import { voteBoardPath } from '../../../shared/votes/paths';

interface ReceiptCodeProps {
  voteId: string;
  receipt: string;
  /** A secret ballot's receipt is shown only now: the server keeps no link from me to it. */
  onlyNow?: boolean;
}

/** The receipt code, large and copyable, and the way to find it on the vote's bulletin board. */
export function ReceiptCode({ voteId, receipt, onlyNow = false }: ReceiptCodeProps) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(receipt);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };
  return (
    <div className="receipt">
      <p className="receipt__label">{t('votes.receipt.label')}</p>
      <p className="receipt__code" translate="no">
        {receipt}
      </p>
      {onlyNow && <p className="receipt__hint receipt__hint--strong">{t('votes.receipt.onlyNow')}</p>}
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          {t('votes.receipt.copy')}
        </button>
        <Link to={voteBoardPath(voteId, receipt)} className="button button--secondary">
          {t('votes.receipt.findOnBoard')}
        </Link>
      </div>
      <LiveMessage tone={copied === 'no' ? 'error' : 'success'}>{copied === 'yes' ? t('votes.receipt.copied') : copied === 'no' ? t('votes.receipt.copyFailed') : null}</LiveMessage>
    </div>
  );
}
