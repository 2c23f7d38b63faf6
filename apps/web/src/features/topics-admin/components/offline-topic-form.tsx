import type { TFunction } from 'i18next';
import type { OfflineChannel } from '@yishi/contracts';
import { LIMITS } from '@yishi/contracts';
import type { ChangeEvent, FormEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FileField } from '../../../components/form/file-field';
import { FormAlert } from '../../../components/form/form-alert';
import { SelectField } from '../../../components/form/select-field';
import { TextAreaField } from '../../../components/form/text-area-field';
import { TextField } from '../../../components/form/text-field';
import { errorMessage } from '../../../lib/api-client';
import { todayInChina } from '../../../lib/date-input';
import type { FieldErrors } from '../../../lib/forms';
import { hasErrors, useFocusFirstError } from '../../../lib/forms';
import { checkFile, megabytes } from '../../../lib/upload';
import { PHOTO_EXTENSIONS, PHOTO_MAX_BYTES, useAddTopicPhoto } from '../api/add-topic-photo';
import type { Topic } from '../api/list-topics';
import { useRecordOfflineTopic } from '../api/record-offline-topic';
import type { OfflineTopicDraft, OfflineTopicField, OfflineTopicProblem } from '../utils/offline-topic';
import { checkOfflineTopic, NAME_MAX, TOPIC_CHANNELS, toOfflineTopicRequest } from '../utils/offline-topic';
import { ConfirmButtons } from '../../../components/form/confirm-buttons';

/** The first photo that cannot be sent, in words; null when all can. */
export function photoProblem(files: readonly File[], t: TFunction): string | null {
  for (const file of files) {
    const problem = checkFile(file, { maxBytes: PHOTO_MAX_BYTES, extensions: PHOTO_EXTENSIONS });
    if (problem?.kind === 'wrongType') return t('convene.topics.errors.photoType', { name: file.name });
    if (problem?.kind === 'tooLarge') return t('convene.topics.errors.photoSize', { name: file.name, megabytes: megabytes(PHOTO_MAX_BYTES) });
    if (problem?.kind === 'empty') return t('convene.topics.errors.photoEmpty', { name: file.name });
  }
  return null;
}

interface OfflineTopicFormProps {
  unitId: string;
  collectorDefault: string;
  /** The topic is recorded (with as many photos as were uploaded; `failed` tells of one that was not). */
  onDone: (topic: Topic, failed: string | null) => void;
  onCancel: () => void;
}

/** 登记线下议题: channel, what it says, who collected it and when, the resident or 匿名, photos of the paper. */
export function OfflineTopicForm({ unitId, collectorDefault, onDone, onCancel }: OfflineTopicFormProps) {
  const { t } = useTranslation();
  const record = useRecordOfflineTopic(unitId);
  const addPhoto = useAddTopicPhoto(unitId);
  const form = useRef<HTMLFormElement>(null);
  const today = todayInChina();
  const [draft, setDraft] = useState<OfflineTopicDraft>({
    channel: '',
    title: '',
    body: '',
    collectorName: collectorDefault.slice(0, NAME_MAX),
    collectedOn: today,
    anonymous: false,
    residentName: '',
  });
  const [photos, setPhotos] = useState<File[]>([]);
  const [photoError, setPhotoError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(form, attempt);
  // The form opens in place of the button that opened it: focus goes to its heading.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const errors: FieldErrors<OfflineTopicField> = submitted ? checkOfflineTopic(draft, photos.length, today) : {};
  const text = (field: OfflineTopicField): string | null => {
    const key = errors[field] as OfflineTopicProblem | undefined;
    if (!key) return null;
    const max = field === 'title' ? LIMITS.topicTitle : field === 'body' ? LIMITS.topicBody : NAME_MAX;
    return t(`convene.topics.errors.${key}`, { max, count: LIMITS.topicPhotos });
  };
  const set = <K extends keyof OfflineTopicDraft>(field: K, value: OfflineTopicDraft[K]): void => setDraft((d) => ({ ...d, [field]: value }));

  const choose = (event: ChangeEvent<HTMLInputElement>): void => {
    const files = [...(event.target.files ?? [])];
    setPhotos(files);
    setPhotoError(photoProblem(files, t));
  };

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (record.isPending || uploading) return;
    setSubmitted(true);
    const problem = photoProblem(photos, t);
    setPhotoError(problem);
    if (hasErrors(checkOfflineTopic(draft, photos.length, today)) || problem) {
      setAttempt((n) => n + 1);
      return;
    }
    record.mutate(toOfflineTopicRequest(draft), {
      onSuccess: (topic) => {
        void (async () => {
          // The photos go one by one, after the topic exists (the API takes them so).
          setUploading(true);
          let latest = topic;
          let failed: string | null = null;
          for (const [index, file] of photos.entries()) {
            try {
              latest = await addPhoto.mutateAsync({ topicId: topic.id, file });
            } catch (error) {
              failed = t('convene.topics.photoFailed', { number: index + 1, reason: errorMessage(error, t) });
              break;
            }
          }
          setUploading(false);
          onDone(latest, failed);
        })();
      },
      onError: () => setAttempt((n) => n + 1),
    });
  };

  return (
    <form ref={form} className="stack offline-topic-form" noValidate onSubmit={submit} aria-label={t('convene.topics.offlineHeading')}>
      <h3 className="subsection__title" ref={heading} tabIndex={-1}>
        {t('convene.topics.offlineHeading')}
      </h3>
      {record.isError && <FormAlert>{errorMessage(record.error, t)}</FormAlert>}
      <SelectField label={t('convene.offline.channel')} name="channel" value={draft.channel} onChange={(event) => set('channel', event.target.value as OfflineChannel | '')} error={text('channel')}>
        <option value="">{t('convene.offline.channelPlaceholder')}</option>
        {TOPIC_CHANNELS.map((option) => (
          <option key={option} value={option}>
            {t(`convene.channel.${option}`)}
          </option>
        ))}
      </SelectField>
      <TextField label={t('convene.topics.title')} hint={t('convene.topics.titleHint')} name="title" autoComplete="off" value={draft.title} onChange={(event) => set('title', event.target.value)} error={text('title')} />
      <TextAreaField label={t('convene.topics.body')} hint={t('convene.topics.bodyHint')} name="body" rows={4} maxChars={LIMITS.topicBody} value={draft.body} onChange={(event) => set('body', event.target.value)} error={text('body')} />
      <TextField label={t('convene.offline.collector')} hint={t('convene.offline.collectorHint')} name="collectorName" autoComplete="off" value={draft.collectorName} onChange={(event) => set('collectorName', event.target.value)} error={text('collectorName')} />
      <TextField label={t('convene.offline.collectedOn')} type="date" name="collectedOn" max={today} value={draft.collectedOn} onChange={(event) => set('collectedOn', event.target.value)} error={text('collectedOn')} />
      <label className="choice">
        <input type="checkbox" checked={draft.anonymous} onChange={(event) => set('anonymous', event.target.checked)} />
        <span>{t('convene.offline.anonymous')}</span>
      </label>
      {!draft.anonymous && <TextField label={t('convene.offline.resident')} name="residentName" autoComplete="off" value={draft.residentName} onChange={(event) => set('residentName', event.target.value)} error={text('residentName')} />}
      <FileField
        label={t('convene.topics.photos')}
        hint={t('convene.topics.photosHint', { count: LIMITS.topicPhotos, megabytes: megabytes(PHOTO_MAX_BYTES) })}
        name="photos"
        multiple
        accept=".jpg,.jpeg,.png,.webp,image/jpeg,image/png,image/webp"
        onChange={choose}
        error={text('photos') ?? photoError}
      />
      <ConfirmButtons confirm={uploading ? t('convene.topics.uploading') : record.isPending ? t('convene.offline.submitting') : t('convene.topics.submitOffline')} busy={record.isPending || uploading} onCancel={onCancel} />
    </form>
  );
}
