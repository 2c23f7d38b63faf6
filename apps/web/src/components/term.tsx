import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './term.css';

export type TermId = 'homeArea' | 'checkCode' | 'frozenRoll' | 'doubleMajority' | 'doubleTwoThirds';

/**
 * A word a resident may not know, in plain words, with a short explanation on tap: a real button
 * (keyboard, screen readers: aria-expanded and aria-controls) that opens the sentence under it and
 * closes it again. The word and its explanation come from the i18n files (`terms.<id>`), so every
 * screen says the same thing the same way.
 */
export function Term({ id, children }: { id: TermId; children?: React.ReactNode }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const explanationId = useId();
  return (
    <span className="term">
      <button type="button" className="term__word" aria-expanded={open} aria-controls={explanationId} onClick={() => setOpen((v) => !v)}>
        {children ?? t(`terms.${id}.word`)}
        <span className="term__mark" aria-hidden="true">
          ?
        </span>
        <span className="visually-hidden">{t('terms.whatIsIt')}</span>
      </button>
      <span id={explanationId} className="term__explanation" hidden={!open} role="note">
        {t(`terms.${id}.explain`)}
      </span>
    </span>
  );
}
