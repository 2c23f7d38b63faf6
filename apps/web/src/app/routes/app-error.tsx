import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/document-title';

/**
 * Shown instead of React Router's developer error page when a route fails to render.
 * Reloading is the one thing a resident can do, so that is the one button.
 */
export function AppErrorRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.pageTitle', { page: t('appError.title') }));
  return (
    <section className="message-page" role="alert" aria-labelledby="app-error-title">
      <h1 id="app-error-title">{t('appError.title')}</h1>
      <p>{t('appError.body')}</p>
      <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
        {t('appError.reload')}
      </button>
    </section>
  );
}
