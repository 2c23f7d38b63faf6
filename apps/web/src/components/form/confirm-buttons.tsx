import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ConfirmButtonsProps {
  /** The primary button's words (什么会发生). */
  confirm: ReactNode;
  /** While the request runs: the button stays focusable and announced, but does nothing twice. */
  busy?: boolean;
  /** When there is nothing to confirm yet (the button is then truly disabled). */
  disabled?: boolean;
  /** Without it the primary button submits its form. */
  onConfirm?: () => void;
  onCancel: () => void;
  /** The secondary button's words; 取消 by default. */
  cancel?: ReactNode;
}

/** The row under a form or a confirmation: one primary action and its way back, in that order. */
export function ConfirmButtons({ confirm, busy = false, disabled, onConfirm, onCancel, cancel }: ConfirmButtonsProps) {
  const { t } = useTranslation();
  return (
    <div className="button-row">
      <button type={onConfirm ? 'button' : 'submit'} className="button button--primary" aria-disabled={busy} disabled={disabled} onClick={onConfirm}>
        {confirm}
      </button>
      <button type="button" className="button button--secondary" onClick={onCancel}>
        {cancel ?? t('common.cancel')}
      </button>
    </div>
  );
}
