import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import { FieldFrame, useFieldIds } from './field-frame';
import './file-field.css';

interface FileFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type' | 'aria-invalid' | 'aria-describedby'> {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  ref?: Ref<HTMLInputElement>;
}

/** A labelled file chooser with a big 选择文件 button, its hint and error tied to it. */
export function FileField({ label, hint, error, className, ref, ...input }: FileFieldProps) {
  const ids = useFieldIds({ hint, error });
  return (
    <FieldFrame label={label} hint={hint} error={error} className={className} ids={ids}>
      <input ref={ref} type="file" className="file-field__input" {...ids.control} {...input} />
    </FieldFrame>
  );
}
