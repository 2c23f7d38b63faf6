import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LiveMessage } from '../../../components/live-message';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { errorMessage } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import type { InboxNotification } from '../api/list-notifications';
import { useInbox } from '../api/list-notifications';
import { useMarkNotificationsRead } from '../api/mark-notifications-read';
import { describeNotification } from '../utils/describe-notification';
import './notifications.css';

function InboxItem({ notification, onOpen }: { notification: InboxNotification; onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const view = describeNotification(notification, t, language);
  const unread = notification.readAt === null;
  return (
    <li className={`inbox-item${unread ? ' inbox-item--unread' : ''}`}>
      <Link
        to={view.link}
        className="inbox-item__link"
        onClick={() => {
          if (unread) onOpen(notification.id);
        }}
      >
        {unread && <span className="inbox-item__unread">{t('inbox.unread')}</span>}
        <span className="inbox-item__text">{view.text}</span>
        <time className="inbox-item__time" dateTime={notification.createdAt}>
          {formatDateTime(notification.createdAt, language)}
        </time>
      </Link>
    </li>
  );
}

/** My inbox: every message worded in the screen's language, newest first, each leading to its page. */
export function Inbox() {
  const { t } = useTranslation();
  const inbox = useInbox();
  const markRead = useMarkNotificationsRead();
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  if (inbox.isPending) {
    return (
      <p className="notice" role="status">
        {t('common.loading')}
      </p>
    );
  }
  if (inbox.isError) return <QueryError error={inbox.error} retrying={inbox.isFetching} onRetry={() => void inbox.refetch()} />;

  const items = inbox.data.pages.flatMap((page) => page.items);
  const unread = inbox.data.pages[0]?.unread ?? 0;

  const markAll = (): void => {
    if (markRead.isPending) return;
    setStatus(null);
    markRead.mutate(undefined, {
      onSuccess: () => setStatus({ tone: 'success', text: t('inbox.markedAllRead') }),
      onError: (error) => setStatus({ tone: 'error', text: errorMessage(error, t) }),
    });
  };

  return (
    <div className="stack">
      <div className="inbox-toolbar">
        <p className="inbox-toolbar__count">{unread > 0 ? t('inbox.unreadCount', { count: unread }) : t('inbox.allRead')}</p>
        <button type="button" className="button button--secondary" onClick={markAll} disabled={unread === 0} aria-disabled={markRead.isPending || undefined}>
          {t('inbox.markAllRead')}
        </button>
      </div>
      <LiveMessage tone={status?.tone}>{status?.text}</LiveMessage>
      {items.length === 0 ? (
        <div className="empty-state">
          <p className="empty-state__title">{t('inbox.empty')}</p>
          <p>{t('inbox.emptyHint')}</p>
        </div>
      ) : (
        <ul className="plain-list inbox-list" aria-label={t('inbox.listLabel')}>
          {items.map((notification) => (
            <InboxItem key={notification.id} notification={notification} onOpen={(id) => markRead.mutate([id])} />
          ))}
        </ul>
      )}
      {inbox.hasNextPage && (
        <button type="button" className="button button--secondary button--block" onClick={() => void inbox.fetchNextPage()} aria-disabled={inbox.isFetchingNextPage || undefined}>
          {inbox.isFetchingNextPage ? t('common.loading') : t('inbox.loadMore')}
        </button>
      )}
    </div>
  );
}
