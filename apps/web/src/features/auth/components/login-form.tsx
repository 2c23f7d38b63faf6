import type { FormEvent } from 'react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form/form-alert';
import { PasswordField } from '../../../components/form/password-field';
import { PhoneField } from '../../../components/form/phone-field';
import { errorMessage } from '../../../lib/api-client';
import { useLogin } from '../../../lib/auth';
import type { FieldErrors } from '../../../lib/forms';
import { hasErrors, useFocusFirstError } from '../../../lib/forms';
import { loginPasswordProblem, normalisePhone, phoneProblem } from '../utils/validation';
import './auth-forms.css';

type Field = 'phone' | 'password';

/** Sign in with phone number and password; the page sees the new session and moves on. */
export function LoginForm() {
  const { t } = useTranslation();
  const login = useLogin();
  const form = useRef<HTMLFormElement>(null);
  const [phone, setPhone] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(form, attempt);

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (login.isPending) return;
    const phoneKey = phoneProblem(phone);
    const passwordKey = loginPasswordProblem(password);
    const found: FieldErrors<Field> = {
      ...(phoneKey ? { phone: t(phoneKey) } : {}),
      ...(passwordKey ? { password: t(passwordKey) } : {}),
    };
    setErrors(found);
    setAlert(null);
    if (hasErrors(found)) {
      setAttempt((n) => n + 1);
      return;
    }
    login.mutate(
      { phone: normalisePhone(phone), password },
      {
        onError: (error) => {
          setAlert(errorMessage(error, t));
          setAttempt((n) => n + 1);
        },
      },
    );
  };

  return (
    <form ref={form} className="auth-form" noValidate onSubmit={submit}>
      {alert && <FormAlert>{alert}</FormAlert>}
      <PhoneField
        label={t('auth.phone.label')}
        autoComplete="username"
        value={phone}
        onChange={(event) => setPhone(event.target.value)}
        error={errors.phone}
      />
      <PasswordField
        label={t('auth.password.label')}
        name="password"
        autoComplete="current-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={errors.password}
      />
      <button type="submit" className="button button--primary button--block" aria-disabled={login.isPending}>
        {login.isPending ? t('auth.login.submitting') : t('auth.login.submit')}
      </button>
    </form>
  );
}
