import type { FormEvent } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form/form-alert';
import { TextField } from '../../../components/form/text-field';
import { errorMessage } from '../../../lib/api-client';
import { useUnlinkPerson } from '../api/unlink-person';
import type { RollPersonView } from '../utils/roll-view';
import { ConfirmButtons } from '../../../components/form/confirm-buttons';

const MIN_REASON = 4;

/**
 * 解除关联: staff undo the link between a person on the roll and an account — a letter redeemed by
 * someone else, an account handed on. The reason goes into the audit trail and to the person.
 */
export function UnlinkPerson({ unitId, person, groupNumber }: { unitId: string; person: RollPersonView; groupNumber: string }) {
  const { t } = useTranslation();
  const unlink = useUnlinkPerson(unitId);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const reasonInput = useRef<HTMLInputElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const titleId = useId();

  useEffect(() => {
    if (open) reasonInput.current?.focus();
  }, [open]);

  if (done) return <FormAlert tone="success">{done}</FormAlert>;
  if (!person.status.includes('linked')) return null;

  if (!open) {
    return (
      <button ref={opener} type="button" className="button button--secondary button--small" onClick={() => setOpen(true)}>
        {t('roll.unlink.open')}
        <span className="visually-hidden">{t('roll.unlink.whom', { name: person.name, number: groupNumber })}</span>
      </button>
    );
  }

  const close = (): void => {
    setOpen(false);
    setReason('');
    setReasonError(null);
    unlink.reset();
    window.setTimeout(() => opener.current?.focus());
  };

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (unlink.isPending) return;
    const text = reason.trim();
    if (text.length < MIN_REASON) {
      setReasonError(t('roll.unlink.reasonRequired'));
      reasonInput.current?.focus();
      return;
    }
    setReasonError(null);
    unlink.mutate(
      { personType: person.personType, personId: person.personId, reason: text },
      {
        onSuccess: (result) =>
          setDone(
            result.openVotesWithBallot > 0
              ? t('roll.unlink.doneBallots', { name: person.name, count: result.openVotesWithBallot })
              : t('roll.unlink.done', { name: person.name }),
          ),
      },
    );
  };

  return (
    <form className="link-in-person stack" role="group" aria-labelledby={titleId} noValidate onSubmit={submit}>
      <p className="link-in-person__title" id={titleId}>
        {t('roll.unlink.title', { name: person.name, number: groupNumber })}
      </p>
      <p className="link-in-person__question">{t('roll.unlink.question', { name: person.name, number: groupNumber })}</p>
      {unlink.isError && <FormAlert>{errorMessage(unlink.error, t)}</FormAlert>}
      <TextField
        ref={reasonInput}
        label={t('roll.unlink.reason')}
        hint={t('roll.unlink.reasonHint')}
        name="reason"
        maxLength={500}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={reasonError}
      />
      <ConfirmButtons confirm={unlink.isPending ? t('roll.unlink.submitting') : t('roll.unlink.confirm')} busy={unlink.isPending} onCancel={close} cancel={t('roll.unlink.cancel')} />
    </form>
  );
}
