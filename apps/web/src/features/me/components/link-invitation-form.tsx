import type { FormEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form/form-alert';
import { TextField } from '../../../components/form/text-field';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { useFocusFirstError } from '../../../lib/forms';
import { formatInvitationCode, normaliseInvitationCode } from '../../../shared/invitations/code';
import type { LetterCheck } from '../api/redeem-invitation';
import { useCheckInvitation, useRedeemInvitation, useSendInvitationPhoneCode } from '../api/redeem-invitation';
import { proofInput } from '../utils/proof';

/**
 * Link my account by an invitation letter, in two steps: the code says which person of which
 * roll the letter is for; then I show it is mine — my phone is the one the roll holds, or a code
 * sent to that phone, or my identity number — because a letter's code alone proves nothing:
 * whoever printed or carried the letter has seen it.
 */
export function LinkInvitationForm({ initialCode = '' }: { initialCode?: string }) {
  const { t } = useTranslation();
  const check = useCheckInvitation();
  const redeem = useRedeemInvitation();
  const sendCode = useSendInvitationPhoneCode();
  const form = useRef<HTMLFormElement>(null);
  const [code, setCode] = useState(() => formatInvitationCode(initialCode));
  const [letter, setLetter] = useState<{ digits: string; check: LetterCheck } | null>(null);
  const [phoneCode, setPhoneCode] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [errors, setErrors] = useState<{ code?: string; phoneCode?: string; idNumber?: string }>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [sent, setSent] = useState<{ to: string; until: number } | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [linked, setLinked] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(form, attempt);

  useEffect(() => {
    if (!sent || sent.until <= Date.now()) return undefined;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [sent]);

  const fail = (next: typeof errors, message: string | null = null): void => {
    setErrors(next);
    setAlert(message);
    setAttempt((n) => n + 1);
  };

  const restart = (): void => {
    setLetter(null);
    setPhoneCode('');
    setIdNumber('');
    setSent(null);
    setErrors({});
    setAlert(null);
  };

  const onError = (failure: unknown): void => {
    if (failure instanceof ApiError && failure.code === 'INVALID_INVITATION') {
      restart();
      fail({ code: t('errors.INVALID_INVITATION') });
      return;
    }
    if (failure instanceof ApiError && failure.code === 'INVITATION_PROOF_FAILED') {
      const left = failure.details?.['attemptsLeft'];
      const message = `${t('errors.INVITATION_PROOF_FAILED')}${typeof left === 'number' && left > 0 ? ` ${t('me.link.attemptsLeft', { count: left })}` : ''}`;
      fail(idNumber.trim() ? { idNumber: message } : { phoneCode: message });
      if (left === 0) restart();
      return;
    }
    fail({}, errorMessage(failure, t));
  };

  const lookUp = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (check.isPending) return;
    setLinked(false);
    const digits = normaliseInvitationCode(code);
    if (!digits) {
      fail({ code: t(code.trim() ? 'auth.errors.invitationCodeInvalid' : 'me.link.codeRequired') });
      return;
    }
    setErrors({});
    setAlert(null);
    check.mutate(digits, { onSuccess: (result) => setLetter({ digits, check: result }), onError });
  };

  const send = (): void => {
    if (!letter || sendCode.isPending) return;
    sendCode.mutate(letter.digits, {
      onSuccess: (result) => {
        setSent({ to: result.sentTo, until: Date.now() + result.resendAfterSeconds * 1000 });
        setNow(Date.now());
        setAlert(null);
      },
      onError: (failure) => fail({}, errorMessage(failure, t)),
    });
  };

  const link = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (!letter || redeem.isPending) return;
    const proof = proofInput(letter.check.methods, { phoneCode, idNumber });
    if (!proof.ok) {
      fail(proof.field ? { [proof.field]: t(proof.message) } : {}, proof.field ? null : t(proof.message));
      return;
    }
    setErrors({});
    setAlert(null);
    redeem.mutate(
      { code: letter.digits, ...proof.proof },
      {
        onSuccess: () => {
          setLinked(true);
          setCode('');
          restart();
        },
        onError,
      },
    );
  };

  if (!letter) {
    return (
      <form ref={form} className="stack" noValidate onSubmit={lookUp}>
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
          error={errors.code ?? null}
          className="field--code"
        />
        <button type="submit" className="button button--primary" aria-disabled={check.isPending}>
          {check.isPending ? t('me.link.checking') : t('me.link.check')}
        </button>
      </form>
    );
  }

  const { methods } = letter.check;
  const waitSeconds = sent ? Math.max(0, Math.ceil((sent.until - now) / 1000)) : 0;
  const canProve = methods.phoneMatches || methods.rollPhone !== null || methods.idNumber;
  return (
    <form ref={form} className="stack" noValidate onSubmit={link}>
      {alert && <FormAlert>{alert}</FormAlert>}
      <p className="notice notice--info">
        {t('me.link.letterFor', { unit: letter.check.unitName, label: letter.check.label, person: t(`me.link.personType.${letter.check.personType}`) })}
      </p>
      {methods.phoneMatches && <p>{t('me.link.phoneMatches')}</p>}
      {!canProve && <FormAlert>{t('me.link.noProof')}</FormAlert>}
      {!methods.phoneMatches && canProve && (
        <fieldset className="stack">
          <legend className="field__label">{t('me.link.proveHeading')}</legend>
          <p className="field__hint">{t('me.link.proveIntro')}</p>
          {methods.rollPhone && (
            <div className="stack">
              <p>{t('me.link.byPhone', { phone: methods.rollPhone })}</p>
              <div className="button-row">
                <button type="button" className="button button--secondary" onClick={send} aria-disabled={sendCode.isPending || waitSeconds > 0}>
                  {sendCode.isPending ? t('me.link.sendingCode') : waitSeconds > 0 ? t('me.link.resendIn', { seconds: waitSeconds }) : t('me.link.sendCode')}
                </button>
              </div>
              {sent && (
                <p role="status" className="field__hint">
                  {t('me.link.codeSent', { phone: sent.to })}
                </p>
              )}
              <TextField
                label={t('me.link.phoneCode')}
                hint={t('me.link.phoneCodeHint')}
                name="phoneCode"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                value={phoneCode}
                onChange={(event) => setPhoneCode(event.target.value)}
                error={errors.phoneCode ?? null}
              />
            </div>
          )}
          {methods.idNumber && (
            <TextField
              label={methods.rollPhone ? t('me.link.byIdNumber') : t('me.link.idNumber')}
              hint={t('me.link.idNumberHint')}
              name="idNumber"
              autoComplete="off"
              autoCapitalize="characters"
              maxLength={24}
              value={idNumber}
              onChange={(event) => setIdNumber(event.target.value)}
              error={errors.idNumber ?? null}
            />
          )}
        </fieldset>
      )}
      <div className="button-row">
        {canProve && (
          <button type="submit" className="button button--primary" aria-disabled={redeem.isPending}>
            {redeem.isPending ? t('me.link.submitting') : t('me.link.submit')}
          </button>
        )}
        <button type="button" className="button button--secondary" onClick={restart}>
          {t('me.link.another')}
        </button>
      </div>
    </form>
  );
}
