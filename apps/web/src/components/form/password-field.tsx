import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TextFieldProps } from './text-field';
import { TextField } from './text-field';

/** A password input with a 显示密码 toggle (older people often want to see what they typed). */
export function PasswordField(props: Omit<TextFieldProps, 'type' | 'addon'>) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  return (
    <TextField
      {...props}
      type={visible ? 'text' : 'password'}
      autoCapitalize="off"
      autoCorrect="off"
      spellCheck={false}
      addon={
        <button
          type="button"
          className="button button--secondary field__addon"
          aria-pressed={visible}
          onClick={() => setVisible((shown) => !shown)}
        >
          {t('form.showPassword')}
        </button>
      }
    />
  );
}
