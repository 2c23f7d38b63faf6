import type { UnitKind } from '@yishi/contracts';
import type { RuleSetId } from '@yishi/domain';
import { RULE_SETS } from '@yishi/domain';
import type { FormEvent } from 'react';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form/form-alert';
import { SelectField } from '../../../components/form/select-field';
import { TextAreaField } from '../../../components/form/text-area-field';
import { TextField } from '../../../components/form/text-field';
import { currentLanguage } from '../../../i18n';
import { errorMessage } from '../../../lib/api-client';
import { invalidFieldPaths } from '../../../lib/api-problems';
import { fromChinaDateTimeInput } from '../../../lib/date-input';
import { formatDateTime } from '../../../lib/format';
import type { FieldErrors } from '../../../lib/forms';
import { hasErrors, useFocusFirstError } from '../../../lib/forms';
import type { CreateVoteRequest, VoteDraft, VoteField } from '../utils/vote-form';
import {
  checkVote,
  defaultWindow,
  emptyVote,
  noticeEnds,
  OPTION_MAX,
  OPTIONS_MAX,
  optionsAllowed,
  opensBeforeNotice,
  QUESTION_MAX,
  ruleSetsForUnit,
  secretAllowed,
  TITLE_MAX,
  toCreateVoteRequest,
  voteFieldOfPath,
} from '../utils/vote-form';
import './vote-admin.css';

export interface VoteUnit {
  id: string;
  name: string;
  kind: UnitKind;
}

function FieldError({ id, text }: { id: string; text: string | null }) {
  const { t } = useTranslation();
  if (!text) return null;
  return (
    <p className="field__error" id={id}>
      <span className="visually-hidden">{t('form.errorPrefix')}</span>
      {text}
    </p>
  );
}

/**
 * 发起表决: the unit (on a community's page), title and question, the rule set (only those whose
 * body the unit has, each explained), a poll's options, named or secret, the window checked
 * against the legal notice, and the settings for turnout, proxies and objections.
 */
export function VoteForm({
  units,
  consultationId,
  initialTitle = '',
  pending,
  error,
  onSubmit,
  labelledBy,
}: {
  units: readonly VoteUnit[];
  consultationId: string | null;
  /** A title to start from (the consultation's, when the vote decides one). */
  initialTitle?: string;
  pending: boolean;
  error: unknown;
  onSubmit: (unitId: string, request: CreateVoteRequest) => void;
  labelledBy?: string;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const form = useRef<HTMLFormElement>(null);
  const ids = { ruleSet: useId(), options: useId(), secrecy: useId() };
  const [unitId, setUnitId] = useState(units.length === 1 ? units[0]!.id : '');
  const [draft, setDraft] = useState<VoteDraft>(() => ({ ...emptyVote(), title: initialTitle }));
  const [windowTouched, setWindowTouched] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(form, attempt);
  const [seenError, setSeenError] = useState(error);
  if (error !== seenError) {
    setSeenError(error);
    if (error) setAttempt((n) => n + 1);
  }

  const unit = units.find((u) => u.id === unitId) ?? null;
  const ruleSets = unit ? ruleSetsForUnit(unit.kind) : [];
  const ruleSet = draft.ruleSet || null;
  const set = (change: Partial<VoteDraft>): void => setDraft((d) => ({ ...d, ...change }));
  const chooseRuleSet = (next: RuleSetId): void =>
    // Until the convenor sets the window, it follows the notice the rule set requires.
    setDraft((d) => ({ ...d, ruleSet: next, ...(windowTouched ? {} : defaultWindow(next)), ...(secretAllowed(next) ? {} : { secrecy: 'named' as const }) }));

  const own: FieldErrors<VoteField | 'unit'> = submitted ? { ...(unit ? {} : { unit: 'unitRequired' }), ...(unit ? checkVote(draft, unit.kind) : {}) } : {};
  const rejected: FieldErrors<VoteField> = {};
  for (const path of invalidFieldPaths(error)) {
    const field = voteFieldOfPath(path);
    if (field) rejected[field] = 'rejected';
  }
  const errors: FieldErrors<VoteField | 'unit'> = { ...rejected, ...own };
  const text = (field: VoteField | 'unit'): string | null => {
    const key = errors[field];
    if (!key) return null;
    if (key === 'opensBeforeNotice' && ruleSet) {
      return t('voteAdmin.form.errors.opensBeforeNotice', { days: RULE_SETS[ruleSet].noticeDays, date: formatDateTime(noticeEnds(ruleSet, new Date()).toISOString(), language) ?? '' });
    }
    return t(`voteAdmin.form.errors.${key}` as 'voteAdmin.form.errors.rejected');
  };

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (pending) return;
    setSubmitted(true);
    if (!unit || hasErrors(checkVote(draft, unit.kind))) {
      setAttempt((n) => n + 1);
      return;
    }
    onSubmit(unit.id, toCreateVoteRequest(draft, consultationId));
  };

  const notice = ruleSet ? RULE_SETS[ruleSet].noticeDays : null;
  const opens = fromChinaDateTimeInput(draft.opensAt);
  const poll = ruleSet !== null && optionsAllowed(ruleSet) && draft.poll;

  return (
    <form ref={form} className="stack vote-form" noValidate onSubmit={submit} aria-labelledby={labelledBy}>
      {error !== null && error !== undefined && <FormAlert>{errorMessage(error, t)}</FormAlert>}
      {units.length > 1 ? (
        <SelectField label={t('voteAdmin.form.unit')} name="unit" value={unitId} onChange={(event) => setUnitId(event.target.value)} error={text('unit')}>
          <option value="">{t('voteAdmin.form.unitPick')}</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
      ) : (
        <div className="field">
          <p className="field__label">{t('voteAdmin.form.unit')}</p>
          <p>{unit?.name}</p>
        </div>
      )}
      <TextField label={t('voteAdmin.form.title')} name="title" autoComplete="off" maxLength={TITLE_MAX + 20} value={draft.title} onChange={(event) => set({ title: event.target.value })} error={text('title')} />
      <TextAreaField
        label={t('voteAdmin.form.question')}
        hint={t('voteAdmin.form.questionHint')}
        name="question"
        rows={3}
        maxChars={QUESTION_MAX}
        value={draft.question}
        onChange={(event) => set({ question: event.target.value })}
        error={text('question')}
      />
      <fieldset className={`field choice-group rule-sets${errors.ruleSet ? ' field--invalid' : ''}`} aria-describedby={errors.ruleSet ? ids.ruleSet : undefined}>
        <legend className="field__label">{t('voteAdmin.form.ruleSet')}</legend>
        <p className="field__hint">{unit ? t('voteAdmin.form.ruleSetHint', { kind: t(`organizations.kind.${unit.kind}`) }) : t('voteAdmin.form.ruleSetPickUnit')}</p>
        <FieldError id={ids.ruleSet} text={text('ruleSet')} />
        {ruleSets.map((id, index) => (
          <label key={id} className="choice rule-set">
            <input type="radio" name="ruleSet" value={id} checked={draft.ruleSet === id} onChange={() => chooseRuleSet(id)} aria-invalid={errors.ruleSet && index === 0 ? true : undefined} />
            <span className="rule-set__text">
              <span className="rule-set__name">{t(`convene.ruleSet.${id}.name`)}</span>
              <span className="rule-set__explain">{t(`convene.ruleSet.${id}.explain`)}</span>
              <span className="rule-set__source">{t('convene.ruleSetSource', { body: RULE_SETS[id].body[language], statute: RULE_SETS[id].statute[language] })}</span>
              <span className="rule-set__notice">{RULE_SETS[id].noticeDays > 0 ? t('voteAdmin.form.noticeDays', { count: RULE_SETS[id].noticeDays }) : t('voteAdmin.form.noNotice')}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {ruleSet === 'lml-63' && (
        <fieldset className="field choice-group">
          <legend className="field__label">{t('voteAdmin.form.lml63Body')}</legend>
          {(['members', 'representatives'] as const).map((body) => (
            <label key={body} className="choice">
              <input type="radio" name="lml63Body" checked={draft.lml63Body === body} onChange={() => set({ lml63Body: body })} />
              <span>{t(`voteAdmin.form.lml63.${body}`)}</span>
            </label>
          ))}
          <label className="choice">
            <input type="checkbox" checked={draft.lml63Rceo} onChange={(event) => set({ lml63Rceo: event.target.checked })} />
            <span>{t('voteAdmin.form.lml63Rceo')}</span>
          </label>
        </fieldset>
      )}
      {ruleSet !== null && optionsAllowed(ruleSet) && (
        <fieldset className={`field choice-group${errors.options ? ' field--invalid' : ''}`} aria-describedby={errors.options ? ids.options : undefined}>
          <legend className="field__label">{t('voteAdmin.form.kind')}</legend>
          <label className="choice">
            <input type="radio" name="kind" checked={!draft.poll} onChange={() => set({ poll: false })} />
            <span>{t('voteAdmin.form.kindMotion')}</span>
          </label>
          <label className="choice">
            <input type="radio" name="kind" checked={draft.poll} onChange={() => set({ poll: true })} aria-invalid={errors.options ? true : undefined} />
            <span>{t('voteAdmin.form.kindPoll')}</span>
          </label>
          <FieldError id={ids.options} text={text('options')} />
          {poll && (
            <div className="stack vote-form__options">
              {draft.options.map((option, index) => (
                <TextField
                  key={index}
                  label={t('voteAdmin.form.option', { number: index + 1 })}
                  name={`option-${index}`}
                  autoComplete="off"
                  maxLength={OPTION_MAX + 20}
                  value={option}
                  onChange={(event) => set({ options: draft.options.map((o, i) => (i === index ? event.target.value : o)) })}
                />
              ))}
              {draft.options.length < OPTIONS_MAX && (
                <div className="button-row">
                  <button type="button" className="button button--secondary" onClick={() => set({ options: [...draft.options, ''] })}>
                    {t('voteAdmin.form.addOption')}
                  </button>
                </div>
              )}
              <p className="field__hint">{t('voteAdmin.form.pollAbstain')}</p>
            </div>
          )}
        </fieldset>
      )}
      <fieldset className={`field choice-group${errors.secrecy ? ' field--invalid' : ''}`} aria-describedby={errors.secrecy ? ids.secrecy : undefined}>
        <legend className="field__label">{t('voteAdmin.form.secrecy')}</legend>
        <FieldError id={ids.secrecy} text={text('secrecy')} />
        <label className="choice">
          <input type="radio" name="secrecy" checked={draft.secrecy === 'named'} onChange={() => set({ secrecy: 'named' })} />
          <span>
            {t('voteAdmin.form.named')}
            <span className="choice__hint">{t('voteAdmin.form.namedHint')}</span>
          </span>
        </label>
        <label className="choice">
          <input type="radio" name="secrecy" checked={draft.secrecy === 'secret'} disabled={ruleSet !== null && !secretAllowed(ruleSet)} onChange={() => set({ secrecy: 'secret' })} />
          <span>
            {t('voteAdmin.form.secret')}
            <span className="choice__hint">{ruleSet !== null && !secretAllowed(ruleSet) ? t('voteAdmin.form.secretNotForOwners') : t('voteAdmin.form.secretHint')}</span>
          </span>
        </label>
      </fieldset>
      {draft.secrecy === 'named' && (
        <label className="choice">
          <input type="checkbox" name="allowChange" checked={draft.allowChange} onChange={(event) => set({ allowChange: event.target.checked })} />
          <span>{t('voteAdmin.form.allowChange')}</span>
        </label>
      )}
      <fieldset className="field vote-form__window">
        <legend className="field__label">{t('voteAdmin.form.window')}</legend>
        <p className="field__hint">
          {notice === null
            ? t('voteAdmin.form.windowPickRule')
            : notice > 0
              ? t('voteAdmin.form.noticeExplain', { count: notice, date: formatDateTime(noticeEnds(ruleSet!, new Date()).toISOString(), language) ?? '' })
              : t('voteAdmin.form.noticeNone')}
        </p>
        <TextField
          label={t('voteAdmin.form.opensAt')}
          type="datetime-local"
          name="opensAt"
          value={draft.opensAt}
          onChange={(event) => {
            setWindowTouched(true);
            set({ opensAt: event.target.value });
          }}
          error={text('opensAt')}
        />
        <TextField
          label={t('voteAdmin.form.closesAt')}
          hint={t('voteAdmin.form.closesHint')}
          type="datetime-local"
          name="closesAt"
          value={draft.closesAt}
          onChange={(event) => {
            setWindowTouched(true);
            set({ closesAt: event.target.value });
          }}
          error={text('closesAt')}
        />
        {ruleSet !== null && (draft.earlyOpening || opensBeforeNotice(draft, ruleSet)) && (
          <label className="choice choice-box choice-box--warning">
            <input type="checkbox" name="earlyOpening" checked={draft.earlyOpening} onChange={(event) => set({ earlyOpening: event.target.checked })} />
            <span>
              {t('voteAdmin.form.earlyOpening')}
              <span className="choice__hint">{t('voteAdmin.form.earlyOpeningHint')}</span>
            </span>
          </label>
        )}
        {opens && <p className="field__hint">{t('voteAdmin.form.timesInChina')}</p>}
      </fieldset>
      <label className="choice">
        <input type="checkbox" name="turnoutPublic" checked={draft.turnoutPublic} onChange={(event) => set({ turnoutPublic: event.target.checked })} />
        <span>
          {t('voteAdmin.form.turnoutPublic')}
          <span className="choice__hint">{t('voteAdmin.form.turnoutPublicHint')}</span>
        </span>
      </label>
      <TextField
        label={t('voteAdmin.form.proxyCap')}
        hint={t('voteAdmin.form.proxyCapHint')}
        name="proxyCap"
        inputMode="numeric"
        value={draft.proxyCap}
        onChange={(event) => set({ proxyCap: event.target.value })}
        error={text('proxyCap')}
      />
      <TextField
        label={t('voteAdmin.form.objectionDays')}
        hint={t('voteAdmin.form.objectionDaysHint')}
        name="objectionDays"
        inputMode="numeric"
        value={draft.objectionDays}
        onChange={(event) => set({ objectionDays: event.target.value })}
        error={text('objectionDays')}
      />
      <div className="button-row">
        <button type="submit" className="button button--primary button--large" aria-disabled={pending}>
          {pending ? t('voteAdmin.form.creating') : t('voteAdmin.form.submit')}
        </button>
      </div>
    </form>
  );
}
