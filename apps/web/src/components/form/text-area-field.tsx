import type { ReactNode, Ref, TextareaHTMLAttributes } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'aria-invalid' | 'aria-describedby'> {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  /** Characters allowed: shows 「12/500」 under the box as the person types. */
  maxChars?: number;
  ref?: Ref<HTMLTextAreaElement>;
}

/** A labelled multi-line box, with hint, error and an optional character count tied to it. */
export function TextAreaField({ label, hint, error, maxChars, className, ref, value, ...textarea }: TextAreaFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const countId = `${id}-count`;
  const length = typeof value === 'string' ? [...value].length : 0;
  const describedBy = [error ? errorId : null, hint ? hintId : null, maxChars ? countId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={errorId}>
          <span className="visually-hidden">{t('form.errorPrefix')}</span>
          {error}
        </p>
      )}
      <div className="field__control">
        <textarea ref={ref} id={id} className="field__input field__textarea" aria-invalid={error ? true : undefined} aria-describedby={describedBy} value={value} {...textarea} />
      </div>
      {maxChars !== undefined && (
        <p className={`field__count${length > maxChars ? ' field__count--over' : ''}`} id={countId}>
          {length}/{maxChars}
        </p>
      )}
    </div>
  );
}
