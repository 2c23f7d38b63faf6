import type { RefObject } from 'react';
import { useEffect } from 'react';

/** Moves focus to the first field in error, or to the form's error message; false when none. */
export function focusFirstError(form: ParentNode | null): boolean {
  const target = form?.querySelector<HTMLElement>('[aria-invalid="true"], [data-form-alert]');
  if (!target) return false;
  target.focus();
  return true;
}

/**
 * After each failed attempt (`attempt` grows by one), once React has drawn the errors, puts the
 * focus on the first of them, as a keyboard or screen-reader user needs.
 */
export function useFocusFirstError(form: RefObject<HTMLElement | null>, attempt: number): void {
  useEffect(() => {
    if (attempt > 0) focusFirstError(form.current);
  }, [form, attempt]);
}

/** Field errors as i18n keys (or null), in the order the fields appear. */
export type FieldErrors<Field extends string> = Partial<Record<Field, string>>;

export function hasErrors<Field extends string>(errors: FieldErrors<Field>): boolean {
  return Object.values(errors).some(Boolean);
}
