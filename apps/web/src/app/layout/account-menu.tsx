import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { hasConsoleAccess } from '../../shared/roles/access';
import type { SessionUser } from '../../lib/auth';
import { useLogout } from '../../lib/auth';

/**
 * The signed-in person's name as a disclosure button; it opens a short list: 我的, 工作台
 * (for those with a console role) and 退出登录. Escape or a click elsewhere closes it.
 */
export function AccountMenu({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const logout = useLogout();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const [openedAt, setOpenedAt] = useState(location.key);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  // A new page closes the menu (its links lead there).
  if (open && openedAt !== location.key) {
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return undefined;
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onPointer = (event: PointerEvent): void => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  const toggle = (): void => {
    setOpenedAt(location.key);
    setOpen((shown) => !shown);
  };

  return (
    <div className="account-menu" ref={root}>
      <button ref={button} type="button" className="button button--secondary account-menu__button" aria-expanded={open} aria-controls={panelId} onClick={toggle}>
        <span className="visually-hidden">{t('layout.accountMenu')}</span>
        <span className="account-menu__name">{user.displayName}</span>
        <span className="account-menu__caret" aria-hidden="true">
          ▾
        </span>
      </button>
      <ul className="account-menu__panel" id={panelId} hidden={!open}>
        <li>
          <Link to="/me" className="account-menu__item">
            {t('layout.me')}
          </Link>
        </li>
        {hasConsoleAccess(user.grants) && (
          <li>
            <Link to="/console" className="account-menu__item">
              {t('layout.console')}
            </Link>
          </li>
        )}
        <li>
          <button type="button" className="account-menu__item" onClick={() => logout.mutate()}>
            {t('auth.logout')}
          </button>
        </li>
      </ul>
    </div>
  );
}
