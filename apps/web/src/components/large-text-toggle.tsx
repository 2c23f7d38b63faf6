import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyLargeText, browserStorage, isLargeTextApplied, saveLargeText } from '../lib/preferences';

/** A toggle button for large text; main.tsx applied the stored choice before the first render. */
export function LargeTextToggle() {
  const { t } = useTranslation();
  const [large, setLarge] = useState(() => isLargeTextApplied(document.documentElement));

  const toggle = (): void => {
    const next = !large;
    setLarge(next);
    applyLargeText(document.documentElement, next);
    saveLargeText(browserStorage(), next);
  };

  return (
    <button type="button" className="button button--secondary button--toggle" aria-pressed={large} onClick={toggle}>
      <span className="button__icon" aria-hidden="true">
        A<span className="button__icon-plus">+</span>
      </span>
      <span className="button__label">{t('textSize.large')}</span>
    </button>
  );
}
