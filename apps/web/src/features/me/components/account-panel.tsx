import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form/form-alert';
import { errorMessage } from '../../../lib/api-client';
import type { SessionUser } from '../../../lib/auth';
import { useLogout, useLogoutEverywhere } from '../../../lib/auth';
import { formatPhone } from '../../../lib/format';

/** Who I am signed in as, and the two ways out: this phone, or every device (a lost phone). */
export function AccountPanel({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const logout = useLogout();
  const logoutEverywhere = useLogoutEverywhere();
  const [confirming, setConfirming] = useState(false);

  // Signed out on purpose, this page's guard sends the person to the home page.
  const signOut = (): void => logout.mutate();
  const signOutEverywhere = (): void => logoutEverywhere.mutate();

  return (
    <div className="stack">
      <dl className="facts">
        <div className="facts__row">
          <dt>{t('me.account.name')}</dt>
          <dd>{user.displayName}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('me.account.phone')}</dt>
          <dd>{formatPhone(user.phone)}</dd>
        </div>
      </dl>
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={signOut}>
          {t('auth.logout')}
        </button>
        {!confirming && (
          <button type="button" className="button button--secondary" onClick={() => setConfirming(true)} aria-expanded={false}>
            {t('me.account.logoutEverywhere')}
          </button>
        )}
      </div>
      {confirming && (
        <div className="confirm" role="group" aria-labelledby="logout-everywhere-question">
          <p id="logout-everywhere-question">{t('me.account.logoutEverywhereConfirm')}</p>
          {logoutEverywhere.isError && <FormAlert>{errorMessage(logoutEverywhere.error, t)}</FormAlert>}
          <div className="button-row">
            <button type="button" className="button button--primary" onClick={signOutEverywhere} aria-disabled={logoutEverywhere.isPending}>
              {t('me.account.logoutEverywhereYes')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
