import type { FormEvent } from 'react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form/form-alert';
import { TextField } from '../../../components/form/text-field';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { useFocusFirstError } from '../../../lib/forms';
import { formatInvitationCode, normaliseInvitationCode } from '../../../lib/invitation-code';
import { useRedeemInvitation } from '../api/redeem-invitation';

/** Enter the code of a letter that reached me after I signed up: links my account to the roll. */
export function LinkInvitationForm({ initialCode = '' }: { initialCode?: string }) {
  const { t } = useTranslation();
  const redeem = useRedeemInvitation();
  const form = useRef<HTMLFormElement>(null);
  const [code, setCode] = useState(() => formatInvitationCode(initialCode));
  const [error, setError] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [linked, setLinked] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(form, attempt);

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (redeem.isPending) return;
    setLinked(false);
    setAlert(null);
    const digits = normaliseInvitationCode(code);
    if (!digits) {
      setError(t(code.trim() ? 'auth.errors.invitationCodeInvalid' : 'me.link.codeRequired'));
      setAttempt((n) => n + 1);
      return;
    }
    setError(null);
    redeem.mutate(digits, {
      onSuccess: () => {
        setLinked(true);
        setCode('');
      },
      onError: (failure) => {
        if (failure instanceof ApiError && failure.code === 'INVALID_INVITATION') setError(t('errors.INVALID_INVITATION'));
        else setAlert(errorMessage(failure, t));
        setAttempt((n) => n + 1);
      },
    });
  };

  return (
    <form ref={form} className="stack" noValidate onSubmit={submit}>
      {alert && <FormAlert>{alert}</FormAlert>}
      {linked && <FormAlert tone="success">{t('me.link.done')}</FormAlert>}
      <TextField
        label={t('me.link.label')}
        hint={t('me.link.hint')}
        name="invitationCode"
        inputMode="numeric"
        autoComplete="off"
        maxLength={24}
        value={code}
        onChange={(event) => setCode(event.target.value)}
        onBlur={() => setCode((value) => (normaliseInvitationCode(value) ? formatInvitationCode(value) : value))}
        error={error}
        className="field--code"
      />
      <button type="submit" className="button button--primary" aria-disabled={redeem.isPending}>
        {redeem.isPending ? t('me.link.submitting') : t('me.link.submit')}
      </button>
    </form>
  );
}
