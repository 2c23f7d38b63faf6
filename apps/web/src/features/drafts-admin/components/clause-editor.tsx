import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/form/select-field';
import { TextAreaField } from '../../../components/form/text-area-field';
import { TextField } from '../../../components/form/text-field';
import type { Clause } from '../api/get-version';
import type { ClauseRow } from '../utils/draft-form';
import { DRAFT_LIMITS } from '../utils/draft-form';

/** 「第2条「垃圾分类」：生活垃圾每周清运一次…」, to pick the clause of the previous version a clause continues. */
export function clauseLabel(clause: Pick<Clause, 'number' | 'heading' | 'body'>, t: TFunction): string {
  const chars = [...clause.body.replace(/\s+/g, ' ').trim()];
  const start = chars.length > 24 ? `${chars.slice(0, 24).join('')}…` : chars.join('');
  return t('convene.draft.clauseOption', { number: clause.number, heading: clause.heading ? t('convene.draft.quotedHeading', { heading: clause.heading }) : '', start });
}

interface ClauseEditorProps {
  row: ClauseRow;
  index: number;
  count: number;
  /** The clauses of the previous version this one may continue (null for version 1). */
  previous: readonly Clause[] | null;
  errors: { heading: string | null; body: string | null; changeReason: string | null };
  onChange: (change: Partial<Omit<ClauseRow, 'key' | 'id'>>) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  onInsertAfter: () => void;
}

/** One clause of the version being edited: heading, text, which earlier clause it continues and why it changed. */
export function ClauseEditor({ row, index, count, previous, errors, onChange, onMove, onRemove, onInsertAfter }: ClauseEditorProps) {
  const { t } = useTranslation();
  const number = index + 1;
  const name = t('convene.draft.clauseNumber', { number });
  const continued = previous?.find((clause) => clause.id === row.previousClauseId) ?? null;
  return (
    <li className="clause-editor" data-clause={row.key}>
      <fieldset className="clause-editor__fields">
        <legend className="clause-editor__legend">{name}</legend>
        <TextField
          label={t('convene.draft.heading')}
          hint={t('convene.draft.headingHint')}
          name="clause-heading"
          autoComplete="off"
          value={row.heading}
          onChange={(event) => onChange({ heading: event.target.value })}
          error={errors.heading}
        />
        <TextAreaField label={t('convene.draft.body')} name="clause-body" rows={4} maxChars={DRAFT_LIMITS.body} value={row.body} onChange={(event) => onChange({ body: event.target.value })} error={errors.body} />
        {previous !== null && (
          <SelectField
            label={t('convene.draft.continues')}
            hint={t('convene.draft.continuesHint')}
            name="clause-previous"
            value={row.previousClauseId ?? ''}
            onChange={(event) => onChange({ previousClauseId: event.target.value || null })}
          >
            <option value="">{t('convene.draft.newClause')}</option>
            {previous.map((clause) => (
              <option key={clause.id} value={clause.id}>
                {clauseLabel(clause, t)}
              </option>
            ))}
          </SelectField>
        )}
        {continued && (
          <>
            <details className="clause-editor__previous">
              <summary>{t('convene.draft.previousText', { number: continued.number })}</summary>
              {continued.heading && <p className="clause-editor__previous-heading">{continued.heading}</p>}
              <p className="clause-editor__previous-body">{continued.body}</p>
            </details>
            <TextAreaField
              label={t('convene.draft.changeReason')}
              hint={t('convene.draft.changeReasonHint')}
              name="clause-reason"
              rows={2}
              maxChars={DRAFT_LIMITS.changeReason}
              value={row.changeReason}
              onChange={(event) => onChange({ changeReason: event.target.value })}
              error={errors.changeReason}
            />
          </>
        )}
        <div className="button-row clause-editor__tools">
          <button type="button" className="button button--secondary button--small" data-action="up" disabled={index === 0} onClick={() => onMove(-1)}>
            {t('convene.draft.moveUp')}
            {' '}
            <span className="visually-hidden">{name}</span>
          </button>
          <button type="button" className="button button--secondary button--small" data-action="down" disabled={index === count - 1} onClick={() => onMove(1)}>
            {t('convene.draft.moveDown')}
            {' '}
            <span className="visually-hidden">{name}</span>
          </button>
          <button type="button" className="button button--secondary button--small" onClick={onInsertAfter}>
            {t('convene.draft.insertAfter')}
            {' '}
            <span className="visually-hidden">{name}</span>
          </button>
          <button type="button" className="button button--secondary button--small" onClick={onRemove}>
            {t('convene.draft.remove')}
            {' '}
            <span className="visually-hidden">{name}</span>
          </button>
        </div>
      </fieldset>
    </li>
  );
}
