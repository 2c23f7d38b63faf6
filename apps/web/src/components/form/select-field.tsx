import type { ReactNode, Ref, SelectHTMLAttributes } from 'react';
import { FieldFrame, useFieldIds } from './field-frame';

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'aria-invalid' | 'aria-describedby'> {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  children: ReactNode;
  ref?: Ref<HTMLSelectElement>;
}

/** A labelled native select (the phone's own picker), with hint and error tied to it. */
export function SelectField({ label, hint, error, children, className, ref, ...select }: SelectFieldProps) {
  const ids = useFieldIds({ hint, error });
  return (
    <FieldFrame label={label} hint={hint} error={error} className={className} ids={ids}>
      <div className="field__control">
        <select ref={ref} className="field__input field__select" {...ids.control} {...select}>
          {children}
        </select>
      </div>
    </FieldFrame>
  );
}
