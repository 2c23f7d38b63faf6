import { useTranslation } from 'react-i18next';
import { errorMessageKey } from '../lib/api-client';

interface QueryErrorProps {
  error: unknown;
  onRetry: () => void;
  retrying?: boolean;
}

/** A failed load: the message for the error's code in the active language, and a way to try again. */
export function QueryError({ error, onRetry, retrying = false }: QueryErrorProps) {
  const { t } = useTranslation();
  return (
    <div className="notice notice--error" role="alert">
      <p className="notice__text">{t(errorMessageKey(error))}</p>
      <button type="button" className="button button--primary" onClick={onRetry} aria-disabled={retrying}>
        {retrying ? t('common.retrying') : t('common.retry')}
      </button>
    </div>
  );
}
