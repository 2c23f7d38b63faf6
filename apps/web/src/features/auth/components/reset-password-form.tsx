import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form/form-alert';
import { PasswordField } from '../../../components/form/password-field';
import { PhoneField } from '../../../components/form/phone-field';
import { TextField } from '../../../components/form/text-field';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { useRequestSmsCode, useResetPassword } from '../api/request-sms-code';
import { useCountdown } from '../hooks/use-countdown';
import { newPasswordProblem, normalisePhone, phoneProblem, smsCodeProblem } from '../utils/validation';
import './auth-forms.css';

/**
 * 找回密码: the phone number gets a reset code by SMS; with it, a new password. Every session of
 * the account then ends, and the person signs in with the new password.
 */
export function ResetPasswordForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const sms = useRequestSmsCode('reset');
  const reset = useResetPassword();
  const countdown = useCountdown();
  const [phone, setPhone] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [inPerson, setInPerson] = useState(false);

  const sendCode = (): void => {
    const invalid = phoneProblem(phone);
    if (invalid) return setProblem(t(invalid));
    const number = normalisePhone(phone);
    sms.mutate(number, {
      onSuccess: (sent) => {
        setProblem(null);
        countdown.start(sent.resendAfterSeconds);
        setSentTo(number);
      },
      onError: (error) => {
        if (error instanceof ApiError && error.retryAfterSeconds !== null) countdown.start(error.retryAfterSeconds);
        setProblem(errorMessage(error, t));
      },
    });
  };

  /** A code handed over in person by the building head or staff: no SMS (a new one would void it). */
  const enterCodeInHand = (): void => {
    const invalid = phoneProblem(phone);
    if (invalid) return setProblem(t(invalid));
    setProblem(null);
    setInPerson(true);
    setSentTo(normalisePhone(phone));
  };

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (!sentTo) return sendCode();
    const invalid = smsCodeProblem(code) ?? newPasswordProblem(password, sentTo);
    if (invalid) return setProblem(t(invalid));
    if (reset.isPending) return;
    reset.mutate({ phone: sentTo, smsCode: code.trim(), password }, { onSuccess: onDone, onError: (error) => setProblem(errorMessage(error, t)) });
  };

  return (
    <form className="stack auth-form" noValidate onSubmit={submit} aria-labelledby="reset-title">
      <PhoneField label={t('auth.phone.label')} value={phone} disabled={sentTo !== null} onChange={(event) => setPhone(event.target.value)} />
      {/* Next to the button pressed, so a 360 px screen shows what went wrong where the eye is. */}
      {problem && sentTo === null && <FormAlert>{problem}</FormAlert>}
      {sentTo === null ? (
        <>
          <button type="submit" className="button button--primary button--block" aria-disabled={sms.isPending}>
            {t('auth.reset.sendCode')}
          </button>
          <button type="button" className="button button--link" onClick={enterCodeInHand}>
            {t('auth.reset.haveCode')}
          </button>
        </>
      ) : (
        <>
          <p className="notice notice--info" role="status">
            {inPerson ? t('auth.reset.inPersonNote') : t('auth.reset.codeSent')}
          </p>
          <TextField label={t('auth.smsCode.label')} hint={t('auth.smsCode.hint')} inputMode="numeric" autoComplete="one-time-code" maxLength={6} value={code} onChange={(event) => setCode(event.target.value)} />
          <PasswordField label={t('auth.reset.newPassword')} hint={t('auth.password.rules')} autoComplete="new-password" value={password} onChange={(event) => setPassword(event.target.value)} />
          {problem && <FormAlert>{problem}</FormAlert>}
          <button type="submit" className="button button--primary button--block" aria-disabled={reset.isPending}>
            {t('auth.reset.submit')}
          </button>
          {!inPerson && (
            <button type="button" className="button button--link" aria-disabled={countdown.seconds > 0} onClick={() => countdown.seconds === 0 && sendCode()}>
              {countdown.seconds > 0 ? t('auth.signup.resendIn', { count: countdown.seconds }) : t('auth.signup.resend')}
            </button>
          )}
        </>
      )}
    </form>
  );
}
