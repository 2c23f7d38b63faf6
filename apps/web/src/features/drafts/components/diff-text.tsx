import { useTranslation } from 'react-i18next';
import type { DiffSegment } from '../api/get-version-diff';
import './drafts.css';

/**
 * A text with what was removed struck through and what was added underlined (and tinted), each
 * announced in words to screen readers, so the change never rests on colour alone.
 */
export function DiffText({ segments }: { segments: readonly DiffSegment[] }) {
  const { t } = useTranslation();
  return (
    <span className="diff-text">
      {segments.map((segment, index) => {
        switch (segment.op) {
          case 'insert':
            return (
              <ins key={index} className="diff-text__insert">
                <span className="visually-hidden">{t('draft.diff.insertStart')}</span>
                {segment.text}
                <span className="visually-hidden">{t('draft.diff.insertEnd')}</span>
              </ins>
            );
          case 'delete':
            return (
              <del key={index} className="diff-text__delete">
                <span className="visually-hidden">{t('draft.diff.deleteStart')}</span>
                {segment.text}
                <span className="visually-hidden">{t('draft.diff.deleteEnd')}</span>
              </del>
            );
          case 'equal':
            return <span key={index}>{segment.text}</span>;
        }
      })}
    </span>
  );
}

/** How to read the marks, said once above a diff. */
export function DiffLegend() {
  const { t } = useTranslation();
  return (
    <p className="diff-legend">
      {t('draft.diff.legendBefore')}
      <del className="diff-text__delete">{t('draft.diff.legendDeleted')}</del>
      {t('draft.diff.legendMiddle')}
      <ins className="diff-text__insert">{t('draft.diff.legendInserted')}</ins>
      {t('draft.diff.legendAfter')}
    </p>
  );
}
