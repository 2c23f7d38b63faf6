import type { UnitKind } from '@yishi/contracts';
import type { MatterBody, MatterKind, RuleSetId } from '@yishi/domain';
import { MATTERS, noticeEndsAt, RULE_SETS } from '@yishi/domain';
import type { FormEvent } from 'react';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form/form-alert';
import { TextAreaField } from '../../../components/form/text-area-field';
import { TextField } from '../../../components/form/text-field';
import { currentLanguage } from '../../../i18n';
import { errorMessage } from '../../../lib/api-client';
import { invalidFieldPaths } from '../../../lib/api-problems';
import { formatDateTime } from '../../../lib/format';
import type { FieldErrors } from '../../../lib/forms';
import { hasErrors } from '../../../lib/forms';
import type { CreateVoteRequest, VoteDraft, VoteField } from '../utils/vote-form';
import {
  checkVote,
  defaultWindow,
  emptyVote,
  mattersOfUnit,
  OPTION_MAX,
  OPTIONS_MAX,
  optionsAllowed,
  QUESTION_MAX,
  ruleSetsFor,
  secretAllowed,
  shortening,
  TITLE_MAX,
  toCreateVoteRequest,
  voteFieldOfPath,
} from '../utils/vote-form';
import { durationWords } from '../../../shared/votes/safeguards';
import { VoteDocumentsField } from './vote-documents-field';
import { FieldError, Lml63Fields, RemindersField, SecrecyField, UnitField, usePreviewedForm, VoteSettingsFields, VoteWindowFields } from './vote-form-parts';
import { VotePreview } from './vote-preview';
import './votes-admin.css';

export interface VoteUnit {
  id: string;
  name: string;
  kind: UnitKind;
}

/** The matters of a unit grouped by the body whose matters they are, in the law's order. */
function matterGroups(kind: UnitKind): { body: MatterBody; matters: MatterKind[] }[] {
  const groups: { body: MatterBody; matters: MatterKind[] }[] = [];
  for (const matter of mattersOfUnit(kind)) {
    const body = MATTERS[matter].body;
    const group = groups.find((g) => g.body === body);
    if (group) group.matters.push(matter);
    else groups.push({ body, matters: [matter] });
  }
  return groups;
}

/**
 * 发起表决: the unit (on a community's page), title and question, what the vote decides (the
 * matters of the unit's bodies, each with its article), the rule sets that may decide it (only
 * those, each explained, and why), a poll's options, named or secret, the window checked against
 * the legal notice and the rule set's shortest window (shorter needs a reason, for a supervisor to
 * approve), and the settings for turnout, proxies and objections. Then a preview of the notice,
 * the ballot and the rule, confirmed before anything is announced.
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
  const ids = { matters: useId(), ruleSet: useId(), options: useId(), secrecy: useId() };
  const [unitId, setUnitId] = useState(units.length === 1 ? units[0]!.id : '');
  const [draft, setDraft] = useState<VoteDraft>(() => ({ ...emptyVote(), title: initialTitle }));
  const [windowTouched, setWindowTouched] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const { preview, setPreview, failed } = usePreviewedForm<CreateVoteRequest>(form, error, (path) => voteFieldOfPath(path) !== null);

  const unit = units.find((u) => u.id === unitId) ?? null;
  const ruleSets = unit ? ruleSetsFor(unit.kind, draft.matters) : [];
  const ruleSet = draft.ruleSet || null;
  const set = (change: Partial<VoteDraft>): void => setDraft((d) => ({ ...d, ...change }));
  const withRuleSet = (d: VoteDraft, next: RuleSetId | ''): VoteDraft =>
    // Until the convenor sets the window, it follows the notice the rule set requires.
    next ? { ...d, ruleSet: next, ...(windowTouched ? {} : defaultWindow(next)), ...(secretAllowed(next) ? {} : { secrecy: 'named' as const }) } : { ...d, ruleSet: '' };
  const chooseRuleSet = (next: RuleSetId): void => setDraft((d) => withRuleSet(d, next));
  const toggleMatter = (matter: MatterKind): void =>
    setDraft((d) => {
      const matters = d.matters.includes(matter) ? d.matters.filter((m) => m !== matter) : [...d.matters, matter];
      const offered = unit ? ruleSetsFor(unit.kind, matters) : [];
      // Keep the rule chosen while it may still decide them; where only one may, choose it.
      const next = d.ruleSet && offered.includes(d.ruleSet) ? d.ruleSet : offered.length === 1 ? offered[0]! : '';
      return withRuleSet({ ...d, matters }, next);
    });
  const chooseUnit = (id: string): void => {
    setUnitId(id);
    setDraft((d) => ({ ...d, matters: [], ruleSet: '' }));
  };

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
    return t(`voteAdmin.form.errors.${key}` as 'voteAdmin.form.errors.rejected');
  };

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (pending) return;
    setSubmitted(true);
    const now = new Date();
    if (!unit || hasErrors(checkVote(draft, unit.kind, now))) {
      failed();
      return;
    }
    setPreview({ request: toCreateVoteRequest(draft, consultationId, now), at: now });
  };

  if (preview && unit) {
    return (
      <VotePreview
        unitName={unit.name}
        request={preview.request}
        announcedAt={preview.at}
        pending={pending}
        error={error}
        onBack={() => setPreview(null)}
        onConfirm={() => onSubmit(unit.id, preview.request)}
      />
    );
  }

  const notice = ruleSet ? RULE_SETS[ruleSet].noticeDays : null;
  const poll = ruleSet !== null && optionsAllowed(ruleSet) && draft.poll;
  const asks = ruleSet ? shortening(draft, ruleSet) : null;
  const minWindow = ruleSet ? durationWords(RULE_SETS[ruleSet].minVotingHours) : null;
  // Why only these rule sets: each chosen matter's reason, said once.
  const whys = [...new Set(draft.matters.map((m) => MATTERS[m].why[language]))];

  return (
    <form ref={form} className="stack vote-form" noValidate onSubmit={submit} aria-labelledby={labelledBy}>
      {error !== null && error !== undefined && <FormAlert>{errorMessage(error, t)}</FormAlert>}
      <UnitField units={units} unitId={unitId} onChange={chooseUnit} error={text('unit')} />
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
      <fieldset className={`field choice-group matters${errors.matters ? ' field--invalid' : ''}`} aria-describedby={errors.matters ? ids.matters : undefined}>
        <legend className="field__label">{t('voteAdmin.form.matters')}</legend>
        <p className="field__hint">{unit ? t('voteAdmin.form.mattersHint', { kind: t(`organizations.kind.${unit.kind}`) }) : t('voteAdmin.form.ruleSetPickUnit')}</p>
        <FieldError id={ids.matters} text={text('matters')} />
        {unit &&
          matterGroups(unit.kind).map((group, groupIndex) => (
            <div key={group.body} className="matter-group" role="group" aria-labelledby={`${ids.matters}-${group.body}`}>
              <p className="matter-group__title" id={`${ids.matters}-${group.body}`}>
                {t(`voteAdmin.form.matterBody.${group.body}`)}
              </p>
              {group.matters.map((matter, index) => (
                <label key={matter} className="choice matter">
                  <input
                    type="checkbox"
                    name="matter"
                    value={matter}
                    checked={draft.matters.includes(matter)}
                    onChange={() => toggleMatter(matter)}
                    aria-invalid={errors.matters && groupIndex === 0 && index === 0 ? true : undefined}
                  />
                  <span className="matter__text">
                    <span className="matter__name">{MATTERS[matter].name[language]}</span>
                    <span className="matter__source">{MATTERS[matter].source[language]}</span>
                  </span>
                </label>
              ))}
            </div>
          ))}
      </fieldset>
      <fieldset className={`field choice-group rule-sets${errors.ruleSet ? ' field--invalid' : ''}`} aria-describedby={errors.ruleSet ? ids.ruleSet : undefined}>
        <legend className="field__label">{t('voteAdmin.form.ruleSet')}</legend>
        <p className="field__hint">
          {!unit
            ? t('voteAdmin.form.ruleSetPickUnit')
            : draft.matters.length === 0
              ? t('voteAdmin.form.ruleSetPickMatters')
              : ruleSets.length === 0
                ? t('voteAdmin.form.errors.mattersApart')
                : t('voteAdmin.form.ruleSetHint', { count: ruleSets.length })}
        </p>
        {whys.length > 0 && ruleSets.length > 0 && (
          <div className="rule-sets__why">
            <p className="rule-sets__why-title">{t('voteAdmin.form.ruleSetWhy')}</p>
            <ul>
              {whys.map((why) => (
                <li key={why}>{why}</li>
              ))}
            </ul>
          </div>
        )}
        <FieldError id={ids.ruleSet} text={text('ruleSet')} />
        {ruleSets.map((id, index) => (
          <label key={id} className="choice rule-set">
            <input type="radio" name="ruleSet" value={id} checked={draft.ruleSet === id} onChange={() => chooseRuleSet(id)} aria-invalid={errors.ruleSet && index === 0 ? true : undefined} />
            <span className="rule-set__text">
              <span className="rule-set__name">{t(`convene.ruleSet.${id}.name`)}</span>
              <span className="rule-set__explain">{t(`convene.ruleSet.${id}.explain`)}</span>
              <span className="rule-set__source">{t('convene.ruleSetSource', { body: RULE_SETS[id].body[language], statute: RULE_SETS[id].statute[language] })}</span>
              <span className="rule-set__notice">{RULE_SETS[id].noticeDays > 0 ? t('voteAdmin.form.noticeDays', { count: RULE_SETS[id].noticeDays }) : t('voteAdmin.form.noNotice')}</span>
              {RULE_SETS[id].minVotingHours > 0 && (
                <span className="rule-set__notice">{t('voteAdmin.form.minWindow', { window: t(durationWords(RULE_SETS[id].minVotingHours).key, { count: durationWords(RULE_SETS[id].minVotingHours).count }) })}</span>
              )}
            </span>
          </label>
        ))}
      </fieldset>
      {ruleSet === 'lml-63' && (
        <Lml63Fields
          name="lml63Body"
          body={draft.lml63Body}
          rceo={draft.lml63Rceo}
          onChange={(change) => set({ ...(change.body ? { lml63Body: change.body } : {}), ...(change.rceo !== undefined ? { lml63Rceo: change.rceo } : {}) })}
        />
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
      <SecrecyField secrecy={draft.secrecy} secretAllowed={ruleSet === null ? null : secretAllowed(ruleSet)} onChange={(secrecy) => set({ secrecy })} error={text('secrecy')} errorId={ids.secrecy} />
      {draft.secrecy === 'named' && (
        <label className="choice">
          <input type="checkbox" name="allowChange" checked={draft.allowChange} onChange={(event) => set({ allowChange: event.target.checked })} />
          <span>{t('voteAdmin.form.allowChange')}</span>
        </label>
      )}
      <VoteWindowFields
        draft={draft}
        hint={
          <>
            {notice === null
              ? t('voteAdmin.form.windowPickRule')
              : notice > 0
                ? t('voteAdmin.form.noticeExplain', { count: notice, date: formatDateTime(noticeEndsAt(ruleSet!, new Date()).toISOString(), language) ?? '' })
                : t('voteAdmin.form.noticeNone')}
            {minWindow && minWindow.count > 0 && ` ${t('voteAdmin.form.minWindowExplain', { window: t(minWindow.key, { count: minWindow.count }) })}`}
          </>
        }
        asks={asks}
        onWindow={(field, value) => {
          setWindowTouched(true);
          set({ [field]: value });
        }}
        onReason={(shorteningReason) => set({ shorteningReason })}
        errors={{ opensAt: text('opensAt'), closesAt: text('closesAt'), shorteningReason: text('shorteningReason') }}
      />
      <VoteDocumentsField unitId={unit?.id ?? null} documents={draft.documents} onChange={(documents) => set({ documents })} titleError={text('documents')} />
      <RemindersField draft={draft} onChange={(reminders) => set({ reminders })} />
      <VoteSettingsFields draft={draft} onChange={set} errors={{ proxyCap: text('proxyCap'), objectionDays: text('objectionDays') }} />
      <div className="button-row">
        <button type="submit" className="button button--primary button--large" aria-disabled={pending}>
          {pending ? t('voteAdmin.form.creating') : t('voteAdmin.form.submit')}
        </button>
      </div>
    </form>
  );
}
