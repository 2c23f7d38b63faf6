import type { FormEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormAlert } from '../../../components/form/form-alert';
import { PasswordField } from '../../../components/form/password-field';
import { PhoneField } from '../../../components/form/phone-field';
import { TextField } from '../../../components/form/text-field';
import { ApiError, errorMessage } from '../../../lib/api-client';
import type { SignupResult } from '../../../lib/auth';
import { useSignup } from '../../../lib/auth';
import { maskPhone } from '../../../lib/format';
import type { FieldErrors } from '../../../lib/forms';
import { hasErrors, useFocusFirstError } from '../../../lib/forms';
import { formatInvitationCode, normaliseInvitationCode } from '../../../shared/invitations/code';
import { useRequestSmsCode } from '../api/request-sms-code';
import { useCountdown } from '../hooks/use-countdown';
import type { SignupField } from '../utils/signup-errors';
import { placeSignupError, SIGNUP_FIELDS } from '../utils/signup-errors';
import { displayNameProblem, invitationCodeProblem, newPasswordProblem, normalisePhone, phoneProblem, smsCodeProblem } from '../utils/validation';
import './auth-forms.css';

interface SignupFormProps {
  /** A code from the letter's QR code (`/signup?code=…`), filled in for the person. */
  initialInvitationCode?: string;
  /** Signed up; `invitationCode` is the letter's 12 digits when one was given. */
  onSignedUp: (result: SignupResult, invitationCode: string | null) => void;
}

/**
 * Sign-up in two steps: the phone number gets an SMS code; then the code, a password and the
 * invitation letter's code (or, without a letter, a name to be called by).
 */
export function SignupForm({ initialInvitationCode = '', onSignedUp }: SignupFormProps) {
  const { t } = useTranslation();
  const smsCode = useRequestSmsCode();
  const signup = useSignup();
  const countdown = useCountdown();
  const form = useRef<HTMLFormElement>(null);
  const codeInput = useRef<HTMLInputElement>(null);
  const phoneInput = useRef<HTMLInputElement>(null);

  const [phone, setPhone] = useState('');
  /** The number the SMS code went to: set, the form is at step 2. */
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [validMinutes, setValidMinutes] = useState(10);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [invitationCode, setInvitationCode] = useState(() => formatInvitationCode(initialInvitationCode));
  const [displayName, setDisplayName] = useState('');
  const [errors, setErrors] = useState<FieldErrors<SignupField>>({});
  const [alert, setAlert] = useState<{ message: string; phoneTaken?: boolean } | null>(null);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(form, attempt);

  const step = sentTo === null ? 1 : 2;
  const hasInvitation = invitationCode.trim().length > 0;
  const fromLetter = initialInvitationCode !== '' && normaliseInvitationCode(initialInvitationCode) !== null;

  // Moving between the steps puts the focus where the person continues.
  const [moved, setMoved] = useState(0);
  useEffect(() => {
    if (moved === 0) return;
    (sentTo === null ? phoneInput : codeInput).current?.focus();
  }, [moved, sentTo]);

  const fail = (found: FieldErrors<SignupField>, message: string | null = null, phoneTaken = false): void => {
    setErrors(found);
    setAlert(message ? { message, phoneTaken } : null);
    setAttempt((n) => n + 1);
  };

  const sendCode = (): void => {
    if (smsCode.isPending) return;
    const problem = phoneProblem(phone);
    if (problem) {
      fail({ phone: t(problem) });
      return;
    }
    const number = normalisePhone(phone);
    smsCode.mutate(number, {
      onSuccess: (sent) => {
        setErrors({});
        setAlert(null);
        countdown.start(sent.resendAfterSeconds);
        setValidMinutes(Math.max(1, Math.round(sent.expiresInSeconds / 60)));
        if (sentTo === null) setMoved((n) => n + 1);
        setSentTo(number);
      },
      onError: (error) => {
        if (error instanceof ApiError && error.retryAfterSeconds !== null) countdown.start(error.retryAfterSeconds);
        if (error instanceof ApiError && error.code === 'VALIDATION_FAILED') fail({ phone: t('auth.errors.phoneInvalid') });
        else fail({}, errorMessage(error, t));
      },
    });
  };

  const changePhone = (): void => {
    setSentTo(null);
    setErrors({});
    setAlert(null);
    setMoved((n) => n + 1);
  };

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (step === 1 || sentTo === null) {
      sendCode();
      return;
    }
    if (signup.isPending) return;
    const problems = {
      phone: null,
      smsCode: smsCodeProblem(code),
      password: newPasswordProblem(password, sentTo),
      invitationCode: invitationCodeProblem(invitationCode),
      displayName: displayNameProblem(displayName, hasInvitation),
    } satisfies Record<SignupField, string | null>;
    const found: FieldErrors<SignupField> = {};
    for (const field of SIGNUP_FIELDS) {
      const key = problems[field];
      if (key) found[field] = t(key);
    }
    if (hasErrors(found)) {
      fail(found);
      return;
    }
    const invitation = normaliseInvitationCode(invitationCode);
    signup.mutate(
      {
        phone: sentTo,
        smsCode: code.replace(/\s/g, ''),
        password,
        ...(invitation ? { invitationCode: invitation } : {}),
        ...(displayName.trim() ? { displayName: displayName.trim() } : {}),
      },
      {
        onSuccess: (result) => onSignedUp(result, invitation),
        onError: (error) => {
          const placed = placeSignupError(error, t);
          fail(placed.fields, placed.alert, error instanceof ApiError && error.code === 'PHONE_TAKEN');
        },
      },
    );
  };

  return (
    <form ref={form} className="auth-form" noValidate onSubmit={submit}>
      <p className="auth-form__step">{t('auth.signup.stepOf', { step, steps: 2 })}</p>
      {alert && (
        <FormAlert>
          {alert.message}
          {alert.phoneTaken && (
            <>
              {' '}
              <Link to="/login">{t('auth.signup.goToLogin')}</Link>
            </>
          )}
        </FormAlert>
      )}

      {step === 1 ? (
        <>
          <h2 className="auth-form__heading">{t('auth.signup.phoneStepTitle')}</h2>
          <PhoneField
            ref={phoneInput}
            label={t('auth.phone.label')}
            hint={t('auth.signup.phoneHint')}
            autoComplete="tel-national"
            value={phone}
            onChange={(event) => setPhone(event.target.value)}
            error={errors.phone}
          />
          <button type="submit" className="button button--primary button--block" aria-disabled={smsCode.isPending}>
            {smsCode.isPending ? t('auth.signup.sendingCode') : t('auth.signup.sendCode')}
          </button>
        </>
      ) : (
        <>
          <h2 className="auth-form__heading">{t('auth.signup.detailsStepTitle')}</h2>
          <div className="notice notice--success" role="status">
            <p className="auth-form__sent">
              {t('auth.signup.codeSent', { phone: maskPhone(sentTo ?? ''), minutes: validMinutes })}
            </p>
            <div className="auth-form__sent-actions">
              <button type="button" className="button button--secondary" onClick={sendCode} disabled={countdown.seconds > 0} aria-disabled={smsCode.isPending}>
                {countdown.seconds > 0 ? t('auth.signup.resendIn', { count: countdown.seconds }) : t('auth.signup.resend')}
              </button>
              <button type="button" className="button button--secondary" onClick={changePhone}>
                {t('auth.signup.changePhone')}
              </button>
            </div>
          </div>
          {/* Lets a password manager store the new password under the phone number. */}
          <input type="text" name="username" autoComplete="username" value={sentTo ?? ''} readOnly hidden />
          <TextField
            ref={codeInput}
            label={t('auth.smsCode.label')}
            hint={t('auth.smsCode.hint')}
            name="smsCode"
            type="text"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            value={code}
            onChange={(event) => setCode(event.target.value)}
            error={errors.smsCode}
          />
          <PasswordField
            label={t('auth.password.newLabel')}
            hint={t('auth.password.rules')}
            name="password"
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={errors.password}
          />
          <TextField
            label={t('auth.invitationCode.label')}
            hint={fromLetter ? t('auth.invitationCode.fromLetter') : t('auth.invitationCode.hint')}
            name="invitationCode"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            maxLength={24}
            value={invitationCode}
            onChange={(event) => setInvitationCode(event.target.value)}
            onBlur={() => setInvitationCode((value) => (normaliseInvitationCode(value) ? formatInvitationCode(value) : value))}
            error={errors.invitationCode}
            className="field--code"
          />
          {!hasInvitation && (
            <TextField
              label={t('auth.displayName.label')}
              hint={t('auth.displayName.hint')}
              name="displayName"
              type="text"
              autoComplete="name"
              maxLength={40}
              value={displayName}
              onChange={(event) => setDisplayName(event.target.value)}
              error={errors.displayName}
            />
          )}
          <button type="submit" className="button button--primary button--block" aria-disabled={signup.isPending}>
            {signup.isPending ? t('auth.signup.submitting') : t('auth.signup.submit')}
          </button>
        </>
      )}
    </form>
  );
}
