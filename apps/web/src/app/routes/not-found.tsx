import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../lib/document-title';

export function NotFoundRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.pageTitle', { page: t('notFound.title') }));
  return (
    <section className="message-page" aria-labelledby="not-found-title">
      <h1 id="not-found-title">{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <Link to="/" className="button button--primary">
        {t('notFound.backHome')}
      </Link>
    </section>
  );
}
