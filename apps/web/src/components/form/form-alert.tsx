import type { ReactNode } from 'react';

interface FormAlertProps {
  children: ReactNode;
  tone?: 'error' | 'success' | 'info';
}

/**
 * A message about the whole form (a refused sign-in, a code that was sent). Errors are an
 * alert and take part in "focus the first error" (`data-form-alert`); other tones are a status.
 */
export function FormAlert({ children, tone = 'error' }: FormAlertProps) {
  const error = tone === 'error';
  return (
    <div className={`notice notice--${tone}`} role={error ? 'alert' : 'status'} tabIndex={-1} data-form-alert={error ? '' : undefined}>
      <div className="notice__text">{children}</div>
    </div>
  );
}
