import { LIMITS } from '@yishi/contracts';
import type { ChangeEvent, FormEvent } from 'react';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormAlert } from '../../../components/form/form-alert';
import { LimitAnnouncer } from '../../../components/form/limit-announcer';
import { TextAreaField } from '../../../components/form/text-area-field';
import { TextField } from '../../../components/form/text-field';
import { errorMessage } from '../../../lib/api-client';
import { useFocusFirstError } from '../../../lib/forms';
import { characterCount } from '../../../lib/text-length';
import { megabytes } from '../../../lib/upload';
import { useSubmitTopic } from '../api/submit-topic';
import type { TopicField, TopicProblem } from '../utils/topic-form';
import { checkTopic, choosePhotos, PHOTO_ACCEPT } from '../utils/topic-form';
import { usePhotoPreviews } from './photo-previews';
import './topics.css';

/** What the topic page is told after a submission (router state). */
export interface SubmittedState {
  submitted: true;
  failedPhotos: number;
}

/**
 * Raise a topic in my unit: a title, the matter in my words, up to three photos with previews,
 * and what happens next. Sent, it opens the topic's own page.
 */
export function TopicForm({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const submit = useSubmitTopic(unitId);
  const form = useRef<HTMLFormElement>(null);
  const photoInput = useRef<HTMLInputElement>(null);
  const photoHintId = useId();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [photos, setPhotos] = useState<File[]>([]);
  const [photoProblems, setPhotoProblems] = useState<string[]>([]);
  const [errors, setErrors] = useState<Partial<Record<TopicField, TopicProblem>>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(form, attempt);
  const previews = usePhotoPreviews(photos);

  const addPhotos = (event: ChangeEvent<HTMLInputElement>): void => {
    const chosen = choosePhotos(photos, [...(event.target.files ?? [])]);
    setPhotos(chosen.photos);
    setPhotoProblems(
      chosen.refused.map(({ name, problem }) => {
        switch (problem.kind) {
          case 'wrongType':
            return t('topics.form.photoWrongType', { name });
          case 'empty':
            return t('topics.form.photoEmpty', { name });
          case 'tooLarge':
            return t('topics.form.photoTooLarge', { name, max: megabytes(problem.maxBytes) });
          case 'tooMany':
            return t('topics.form.photoTooMany', { name, max: problem.max });
        }
      }),
    );
    event.target.value = '';
  };

  const removePhoto = (index: number): void => {
    setPhotos((current) => current.filter((_, i) => i !== index));
    setPhotoProblems([]);
    photoInput.current?.focus();
  };

  const send = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (submit.isPending) return;
    setAlert(null);
    const problems = checkTopic({ title, body });
    setErrors(problems);
    if (Object.keys(problems).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    submit.mutate(
      { body: { title, body, anonymous }, photos },
      {
        onSuccess: ({ topic, failedPhotos }) => {
          const state: SubmittedState = { submitted: true, failedPhotos };
          void navigate(`/topics/${topic.id}`, { state });
        },
        onError: (error) => {
          setAlert(errorMessage(error, t));
          setAttempt((n) => n + 1);
        },
      },
    );
  };

  return (
    <form ref={form} className="stack topic-form" noValidate onSubmit={send}>
      {alert && <FormAlert>{alert}</FormAlert>}
      <TextField
        label={t('topics.form.title')}
        hint={t('topics.form.titleHint', { max: LIMITS.topicTitle, n: characterCount(title) })}
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        error={errors.title ? t(`topics.form.errors.${errors.title}`, { max: LIMITS.topicTitle }) : null}
        autoComplete="off"
      />
      <TextAreaField
        label={t('topics.form.body')}
        hint={t('topics.form.bodyHint')}
        value={body}
        onChange={(event) => setBody(event.target.value)}
        maxChars={LIMITS.topicBody}
        rows={6}
        error={errors.body ? t(`topics.form.errors.${errors.body}`, { max: LIMITS.topicBody }) : null}
      />
      <LimitAnnouncer value={body} max={LIMITS.topicBody} />
      <fieldset className="choice-group topic-form__photos">
        <legend className="field__label">{t('topics.form.photos', { max: LIMITS.topicPhotos })}</legend>
        <p className="field__hint" id={photoHintId}>
          {t('topics.form.photosHint', { max: LIMITS.topicPhotos, size: megabytes(LIMITS.fileBytes) })}
        </p>
        {photos.length > 0 && (
          <ul className="plain-list photo-previews">
            {photos.map((photo, index) => (
              <li key={`${photo.name}-${index}`} className="photo-preview">
                {previews[index] ? (
                  <img src={previews[index] ?? undefined} alt={t('topics.form.photoAlt', { n: index + 1, name: photo.name })} className="photo-preview__image" />
                ) : (
                  <span className="photo-preview__placeholder">{photo.name}</span>
                )}
                <button type="button" className="button button--secondary button--small" onClick={() => removePhoto(index)}>
                  {t('topics.form.removePhoto')}
                  <span className="visually-hidden">{t('topics.form.photoAlt', { n: index + 1, name: photo.name })}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {photoProblems.length > 0 && (
          <ul className="field__error topic-form__photo-problems" role="alert">
            {photoProblems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        )}
        {photos.length < LIMITS.topicPhotos && (
          <label className="button button--secondary topic-form__photo-button">
            {t('topics.form.addPhoto')}
            <input ref={photoInput} type="file" accept={PHOTO_ACCEPT} multiple className="visually-hidden" aria-describedby={photoHintId} onChange={addPhotos} />
          </label>
        )}
      </fieldset>
      <label className="choice">
        <input type="checkbox" checked={anonymous} onChange={(event) => setAnonymous(event.target.checked)} />
        <span>{t('topics.form.anonymous')}</span>
      </label>
      <div className="notice notice--info topic-form__next">
        <p className="notice__text">{t('topics.form.nextTitle')}</p>
        <ol className="topic-form__steps">
          <li>{t('topics.form.next1')}</li>
          <li>{t('topics.form.next2')}</li>
          <li>{t('topics.form.next3')}</li>
        </ol>
      </div>
      <button type="submit" className="button button--primary button--large" aria-disabled={submit.isPending || undefined}>
        {submit.isPending ? t('topics.form.submitting') : t('topics.form.submit')}
      </button>
    </form>
  );
}
