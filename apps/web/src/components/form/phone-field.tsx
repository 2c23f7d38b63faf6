import type { TextFieldProps } from './text-field';
import { TextField } from './text-field';

/**
 * A mobile phone number: the phone keypad, at most 20 characters (spaces and dashes may be typed),
 * named `phone` and not filled in by the browser unless the form asks for it.
 */
export function PhoneField(props: Omit<TextFieldProps, 'type' | 'inputMode' | 'maxLength'>) {
  return <TextField name="phone" autoComplete="off" {...props} type="tel" inputMode="numeric" maxLength={20} />;
}
