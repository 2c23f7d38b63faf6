import type { FormEvent } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form/form-alert';
import { PhoneField } from '../../../components/form/phone-field';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { formatPhone } from '../../../lib/format';
import { useFocusFirstError } from '../../../lib/forms';
import { isMainlandMobile, normalisePhone } from '../../../lib/phone';
import { useLinkInPerson } from '../api/link-in-person';
import type { RollPersonView } from '../utils/roll-view';
import { ConfirmButtons } from '../../../components/form/confirm-buttons';

interface LinkInPersonProps {
  unitId: string;
  person: RollPersonView;
  /** 户号 or 房号, to say whom the account is linked to. */
  groupNumber: string;
}

type Step = 'closed' | 'phone' | 'confirm';

/**
 * 现场实名: a resident who signed up (without a letter) comes with their identity card; staff
 * type the resident's phone number, check the name once more, and link the account to this
 * person on the roll. Shown for people not linked yet; after linking, says so where it was.
 */
export function LinkInPerson({ unitId, person, groupNumber }: LinkInPersonProps) {
  const { t } = useTranslation();
  const link = useLinkInPerson(unitId);
  const [step, setStep] = useState<Step>('closed');
  const [phone, setPhone] = useState('');
  const [phoneError, setPhoneError] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLDivElement>(null);
  const question = useRef<HTMLParagraphElement>(null);
  const success = useRef<HTMLDivElement>(null);
  const phoneInput = useRef<HTMLInputElement>(null);
  /** Set by the buttons that open the phone step: the number field then takes the focus. */
  const focusPhone = useRef(false);
  /** Set on cancel: the 现场实名 button takes the focus back. */
  const focusOpener = useRef(false);
  const opener = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  useFocusFirstError(form, attempt);

  useEffect(() => {
    if (step === 'confirm') question.current?.focus();
    if (step === 'phone' && focusPhone.current) {
      focusPhone.current = false;
      phoneInput.current?.focus();
    }
    if (step === 'closed' && focusOpener.current) {
      focusOpener.current = false;
      opener.current?.focus();
    }
  }, [step]);
  useEffect(() => {
    if (done) success.current?.querySelector<HTMLElement>('[role=status]')?.focus();
  }, [done]);

  if (done) {
    return (
      <div ref={success} className="link-in-person-done">
        <FormAlert tone="success">{done}</FormAlert>
      </div>
    );
  }
  if (!person.linkable) return null;

  if (step === 'closed') {
    return (
      <button
        ref={opener}
        type="button"
        className="button button--secondary button--small"
        onClick={() => {
          focusPhone.current = true;
          setStep('phone');
        }}
      >
        {t('roll.link.open')}
        <span className="visually-hidden">{t('roll.link.whom', { name: person.name, number: groupNumber })}</span>
      </button>
    );
  }

  const number = normalisePhone(phone);
  const close = (): void => {
    focusOpener.current = true;
    setStep('closed');
    setPhone('');
    setPhoneError(null);
    setAlert(null);
    link.reset();
  };

  const next = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    setAlert(null);
    if (!isMainlandMobile(number)) {
      setPhoneError(t(number ? 'roll.link.phoneInvalid' : 'roll.link.phoneRequired'));
      setAttempt((n) => n + 1);
      return;
    }
    setPhoneError(null);
    setStep('confirm');
  };

  const confirm = (): void => {
    if (link.isPending) return;
    link.mutate(
      { personType: person.personType, personId: person.personId, phone: number },
      {
        onSuccess: () => setDone(t('roll.link.done', { name: person.name, phone: formatPhone(number) })),
        onError: (error) => {
          setStep('phone');
          if (error instanceof ApiError && error.code === 'NOT_FOUND' && error.details?.['field'] === 'phone') setPhoneError(t('roll.link.noAccount'));
          else if (error instanceof ApiError && error.code === 'NOT_FOUND') setAlert(t('roll.link.personGone'));
          else if (error instanceof ApiError && error.code === 'CONFLICT') setAlert(t('roll.link.linkedElsewhere'));
          else if (error instanceof ApiError && error.code === 'VALIDATION_FAILED') setPhoneError(t('roll.link.phoneInvalid'));
          else setAlert(errorMessage(error, t));
          setAttempt((n) => n + 1);
        },
      },
    );
  };

  return (
    <div ref={form} className="link-in-person" role="group" aria-labelledby={titleId}>
      <p className="link-in-person__title" id={titleId}>
        {t('roll.link.title', { name: person.name, number: groupNumber })}
      </p>
      {alert && <FormAlert>{alert}</FormAlert>}
      {step === 'phone' ? (
        <form className="stack" noValidate onSubmit={next}>
          <PhoneField
            label={t('roll.link.phone')}
            hint={t('roll.link.phoneHint')}
            value={phone}
            onChange={(event) => setPhone(event.target.value)}
            error={phoneError}
            ref={phoneInput}
          />
          <ConfirmButtons confirm={t('roll.link.next')} onCancel={close} />
        </form>
      ) : (
        <div className="stack">
          <p ref={question} tabIndex={-1} className="link-in-person__question">
            {t('roll.link.question', { phone: formatPhone(number), name: person.name, number: groupNumber })}
          </p>
          <p className="link-in-person__hint">{t('roll.link.checkId')}</p>
          <div className="button-row">
            <button type="button" className="button button--primary" aria-disabled={link.isPending} onClick={confirm}>
              {link.isPending ? t('roll.link.submitting') : t('roll.link.confirm')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                focusPhone.current = true;
                setStep('phone');
              }}
            >
              {t('roll.link.back')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
