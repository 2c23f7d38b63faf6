import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import { FieldFrame, useFieldIds } from './field-frame';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'aria-invalid' | 'aria-describedby'> {
  label: ReactNode;
  /** Shown under the label, read with the field (aria-describedby). */
  hint?: ReactNode;
  /** The field's error, read with the field and marking it invalid. */
  error?: string | null;
  /** Something beside the input, e.g. a show-password or send-code button. */
  addon?: ReactNode;
  ref?: Ref<HTMLInputElement>;
}

/**
 * A labelled input with its hint and error tied to it: a screen reader reads the label, the
 * error and the hint; `aria-invalid` lets the form move focus to the first field in error.
 */
export function TextField({ label, hint, error, addon, className, ref, ...input }: TextFieldProps) {
  const ids = useFieldIds({ hint, error });
  return (
    <FieldFrame label={label} hint={hint} error={error} className={className} ids={ids}>
      <div className="field__control">
        <input ref={ref} className="field__input" {...ids.control} {...input} />
        {addon}
      </div>
    </FieldFrame>
  );
}
