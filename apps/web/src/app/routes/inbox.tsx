import { useTranslation } from 'react-i18next';
import { Inbox } from '../../features/notifications/components/inbox';
import { useDocumentTitle } from '../../lib/document-title';

/** /inbox: my messages — topics screened, consultations opened, replies to my opinions… */
export function InboxRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.pageTitle', { page: t('inbox.title') }));
  return (
    <>
      <header className="page-header">
        <h1 className="page-title">{t('inbox.title')}</h1>
        <p className="page-header__intro">{t('inbox.intro')}</p>
      </header>
      <Inbox />
    </>
  );
}
