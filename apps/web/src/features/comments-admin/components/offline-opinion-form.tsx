import type { OfflineChannel } from '@yishi/contracts';
import { LIMITS } from '@yishi/contracts';
import type { FormEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form/form-alert';
import { SelectField } from '../../../components/form/select-field';
import { TextAreaField } from '../../../components/form/text-area-field';
import { TextField } from '../../../components/form/text-field';
import { invalidFieldPaths } from '../../../lib/api-problems';
import { isDateInput, todayInChina } from '../../../lib/date-input';
import type { FieldErrors } from '../../../lib/forms';
import { hasErrors, useFocusFirstError } from '../../../lib/forms';
import { useRecordOfflineComment } from '../api/record-offline-comment';
import { OFFLINE_FORM_CHANNELS } from '../utils/opinions';
import { opinionErrorMessage } from './reply-form';
import { ConfirmButtons } from '../../../components/form/confirm-buttons';

const NAME_MAX = 50;

type Field = 'channel' | 'collectorName' | 'collectedOn' | 'residentName' | 'body';

interface OfflineOpinionFormProps {
  consultationId: string;
  /** The current version: the opinion is about it, whole or one clause. */
  version: { id: string; number: number; clauses: readonly { id: string; number: number; heading: string | null }[] };
  /** Who is entering it: the collector's name to start from. */
  collectorDefault: string;
  onDone: (message: string) => void;
  onCancel: () => void;
}

/**
 * 登记线下意见: an opinion received on paper, at a 宣讲会, in the suggestion box…, with who
 * collected it and when, the resident's name (or 匿名), and what it is about.
 */
export function OfflineOpinionForm({ consultationId, version, collectorDefault, onDone, onCancel }: OfflineOpinionFormProps) {
  const { t } = useTranslation();
  const record = useRecordOfflineComment(consultationId);
  const form = useRef<HTMLFormElement>(null);
  const today = todayInChina();
  const [channel, setChannel] = useState<OfflineChannel | ''>('');
  const [collectorName, setCollectorName] = useState(collectorDefault.slice(0, NAME_MAX));
  const [collectedOn, setCollectedOn] = useState(today);
  const [anonymous, setAnonymous] = useState(false);
  const [residentName, setResidentName] = useState('');
  const [clauseId, setClauseId] = useState('');
  const [body, setBody] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(form, attempt);
  // The form opens in place of the button that opened it: focus goes to its heading.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const check = (): FieldErrors<Field> => {
    const errors: FieldErrors<Field> = {};
    if (!channel) errors.channel = t('convene.offline.errors.channel');
    if (!collectorName.trim()) errors.collectorName = t('convene.offline.errors.collector');
    else if ([...collectorName.trim()].length > NAME_MAX) errors.collectorName = t('convene.offline.errors.tooLong', { max: NAME_MAX });
    if (!isDateInput(collectedOn)) errors.collectedOn = t('convene.offline.errors.date');
    else if (collectedOn > today) errors.collectedOn = t('convene.offline.errors.future');
    if (!anonymous && !residentName.trim()) errors.residentName = t('convene.offline.errors.resident');
    else if ([...residentName.trim()].length > NAME_MAX) errors.residentName = t('convene.offline.errors.tooLong', { max: NAME_MAX });
    if (!body.trim()) errors.body = t('convene.offline.errors.body');
    else if ([...body.trim()].length > LIMITS.commentBody) errors.body = t('convene.offline.errors.tooLong', { max: LIMITS.commentBody });
    return errors;
  };

  const rejected: FieldErrors<Field> = {};
  for (const path of invalidFieldPaths(record.error)) {
    if (path === 'collectedOn' || path === 'residentName' || path === 'collectorName' || path === 'body' || path === 'channel') rejected[path] = t('convene.offline.errors.rejected');
  }
  const errors: FieldErrors<Field> = { ...rejected, ...(submitted ? check() : {}) };

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (record.isPending) return;
    setSubmitted(true);
    if (hasErrors(check()) || !channel) {
      setAttempt((n) => n + 1);
      return;
    }
    record.mutate(
      {
        channel,
        collectorName: collectorName.trim(),
        collectedOn,
        anonymous,
        ...(anonymous ? {} : { residentName: residentName.trim() }),
        ...(clauseId ? { clauseId } : {}),
        versionId: version.id,
        body: body.trim(),
      },
      {
        onSuccess: () => onDone(t('convene.offline.done', { channel: t(`convene.channel.${channel}`) })),
        onError: () => setAttempt((n) => n + 1),
      },
    );
  };

  return (
    <form ref={form} className="stack offline-form" noValidate onSubmit={submit} aria-label={t('convene.offline.heading')}>
      <h3 className="subsection__title" ref={heading} tabIndex={-1}>
        {t('convene.offline.heading')}
      </h3>
      <p className="section__intro">{t('convene.offline.intro', { number: version.number })}</p>
      {record.isError && <FormAlert>{opinionErrorMessage(record.error, t)}</FormAlert>}
      <SelectField label={t('convene.offline.channel')} name="channel" value={channel} onChange={(event) => setChannel(event.target.value as OfflineChannel | '')} error={errors.channel}>
        <option value="">{t('convene.offline.channelPlaceholder')}</option>
        {OFFLINE_FORM_CHANNELS.map((option) => (
          <option key={option} value={option}>
            {t(`convene.channel.${option}`)}
          </option>
        ))}
      </SelectField>
      <TextField label={t('convene.offline.collector')} hint={t('convene.offline.collectorHint')} name="collectorName" autoComplete="off" value={collectorName} onChange={(event) => setCollectorName(event.target.value)} error={errors.collectorName} />
      <TextField label={t('convene.offline.collectedOn')} type="date" name="collectedOn" max={today} value={collectedOn} onChange={(event) => setCollectedOn(event.target.value)} error={errors.collectedOn} />
      <label className="choice">
        <input type="checkbox" checked={anonymous} onChange={(event) => setAnonymous(event.target.checked)} />
        <span>{t('convene.offline.anonymous')}</span>
      </label>
      {!anonymous && (
        <TextField label={t('convene.offline.resident')} name="residentName" autoComplete="off" value={residentName} onChange={(event) => setResidentName(event.target.value)} error={errors.residentName} />
      )}
      <SelectField label={t('convene.offline.place')} name="clause" value={clauseId} onChange={(event) => setClauseId(event.target.value)}>
        <option value="">{t('convene.opinions.wholeDraft')}</option>
        {version.clauses.map((clause) => (
          <option key={clause.id} value={clause.id}>
            {clause.heading ? t('convene.offline.clauseWithHeading', { number: clause.number, heading: clause.heading }) : t('convene.draft.clauseNumber', { number: clause.number })}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={t('convene.offline.body')}
        hint={t('convene.offline.bodyHint')}
        name="body"
        rows={5}
        maxChars={LIMITS.commentBody}
        value={body}
        onChange={(event) => setBody(event.target.value)}
        error={errors.body}
      />
      <ConfirmButtons confirm={record.isPending ? t('convene.offline.submitting') : t('convene.offline.submit')} busy={record.isPending} onCancel={onCancel} />
    </form>
  );
}
