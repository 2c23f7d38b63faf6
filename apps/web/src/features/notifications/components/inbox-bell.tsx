import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useUnreadCount } from '../api/list-notifications';
import './notifications.css';

/** The most a badge shows; more reads 「99+」. */
const BADGE_MAX = 99;

/**
 * 消息 in the main navigation, with a bell and the number of unread messages. The count is
 * asked for every minute while the page is visible and when the window regains focus; it is in
 * the link's name, so a screen reader hears 「消息，3 条未读」.
 */
export function InboxBell() {
  const { t } = useTranslation();
  const unread = useUnreadCount(true).data ?? 0;
  return (
    <NavLink to="/inbox" className="site-nav__link inbox-bell" aria-label={unread > 0 ? t('inbox.bellUnread', { count: unread }) : t('inbox.bell')}>
      <svg className="inbox-bell__icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      <span aria-hidden="true">{t('inbox.bell')}</span>
      {unread > 0 && (
        <span className="inbox-bell__count" aria-hidden="true">
          {unread > BADGE_MAX ? `${BADGE_MAX}+` : unread}
        </span>
      )}
    </NavLink>
  );
}
