import type { ReactNode, Ref, TextareaHTMLAttributes } from 'react';
import { useId } from 'react';
import { FieldFrame, useFieldIds } from './field-frame';

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
  const countId = `${useId()}-count`;
  const length = typeof value === 'string' ? [...value].length : 0;
  const ids = useFieldIds({ hint, error }, [maxChars ? countId : null]);
  return (
    <FieldFrame label={label} hint={hint} error={error} className={className} ids={ids}>
      <div className="field__control">
        <textarea ref={ref} className="field__input field__textarea" {...ids.control} value={value} {...textarea} />
      </div>
      {maxChars !== undefined && (
        <p className={`field__count${length > maxChars ? ' field__count--over' : ''}`} id={countId}>
          {length}/{maxChars}
        </p>
      )}
    </FieldFrame>
  );
}
