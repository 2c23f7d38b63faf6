import type { ReactNode } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** What every field shows around its control: the label, the hint and the error. */
export interface FieldFrameProps {
  label: ReactNode;
  /** Shown under the label, read with the field (aria-describedby). */
  hint?: ReactNode;
  /** The field's error, read with the field and marking it invalid. */
  error?: string | null;
  className?: string;
}

/**
 * The ids that tie a field's control to its label, error and hint (and to `extra`, such as a
 * character count): a screen reader reads the label, the error and the hint; `aria-invalid` lets
 * the form move focus to the first field in error.
 */
export function useFieldIds({ hint, error }: Pick<FieldFrameProps, 'hint' | 'error'>, extra: (string | null)[] = []) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : null, hint ? hintId : null, ...extra].filter(Boolean).join(' ') || undefined;
  return { id, hintId, errorId, control: { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy } } as const;
}

/** A field's frame: the label for `ids.id`, the hint and the error, then the control (children). */
export function FieldFrame({ label, hint, error, className, ids, children }: FieldFrameProps & { ids: ReturnType<typeof useFieldIds>; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label className="field__label" htmlFor={ids.id}>
        {label}
      </label>
      {hint && (
        <p className="field__hint" id={ids.hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={ids.errorId}>
          <span className="visually-hidden">{t('form.errorPrefix')}</span>
          {error}
        </p>
      )}
      {children}
    </div>
  );
}
