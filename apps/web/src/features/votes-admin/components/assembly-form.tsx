import type { MatterKind, RuleSetId } from '@yishi/domain';
import { MATTERS, noticeEndsAt, RULE_SETS } from '@yishi/domain';
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
import { formatDateTime } from '../../../lib/format';
import type { AssemblyDraft, AssemblyErrors, CandidateDraft, CreateAssemblyRequest, MatterDraft, MatterError, MatterQuestionKind } from '../utils/assembly-form';
import {
  ASSEMBLY_OWN_ERRORS,
  assemblyHasErrors,
  assemblyPlaceOfPath,
  assemblySecretAllowed,
  assemblyShortening,
  assemblyWindow,
  CANDIDATE_NAME_MAX,
  CANDIDATE_STATEMENT_MAX,
  CANDIDATES_MAX,
  checkAssembly,
  emptyAssembly,
  emptyCandidate,
  MATTER_TITLE_MAX,
  MATTERS_MAX,
  mergeErrors,
  moveMatter,
  newMatter,
  rejectedErrors,
  strictestRuleSet,
  toCreateAssemblyRequest,
  withMatterKind,
} from '../utils/assembly-form';
import { QUESTION_MAX, ruleSetsFor, mattersOfUnit, TITLE_MAX } from '../utils/vote-form';
import { AssemblyPreview } from './assembly-preview';
import { VoteDocumentsField } from './vote-documents-field';
import { Lml63Fields, RemindersField, SecrecyField, UnitField, usePreviewedForm, VoteSettingsFields, VoteWindowFields } from './vote-form-parts';
import type { VoteUnit } from './vote-form';
import './votes-admin.css';

/** One candidate of an election: name, short statement, and the written consent without which nobody stands. */
function CandidateRow({
  number,
  candidate,
  errors,
  onChange,
  onRemove,
  namePrefix,
}: {
  number: number;
  candidate: CandidateDraft;
  errors: Partial<Record<'name' | 'statement' | 'consent', MatterError>>;
  onChange: (next: CandidateDraft) => void;
  onRemove: (() => void) | null;
  namePrefix: string;
}) {
  const { t } = useTranslation();
  const text = (key: MatterError | undefined): string | null => (key ? t(`voteAdmin.assembly.errors.${key}`) : null);
  return (
    <li className="card assembly-candidate" aria-label={t('voteAdmin.assembly.candidate', { number })}>
      <TextField label={t('voteAdmin.assembly.candidateName', { number })} name={`${namePrefix}-name`} autoComplete="off" maxLength={CANDIDATE_NAME_MAX + 10} value={candidate.name} onChange={(e) => onChange({ ...candidate, name: e.target.value })} error={text(errors.name)} />
      <TextAreaField label={t('voteAdmin.assembly.candidateStatement')} name={`${namePrefix}-statement`} rows={2} maxChars={CANDIDATE_STATEMENT_MAX} value={candidate.statement} onChange={(e) => onChange({ ...candidate, statement: e.target.value })} error={text(errors.statement)} />
      <label className={`choice${errors.consent ? ' field--invalid' : ''}`}>
        <input type="checkbox" name={`${namePrefix}-consent`} checked={candidate.consent} onChange={(e) => onChange({ ...candidate, consent: e.target.checked })} aria-invalid={errors.consent ? true : undefined} />
        <span>
          {t('voteAdmin.assembly.consent')}
          <span className="choice__hint">{t('voteAdmin.assembly.consentHint')}</span>
        </span>
      </label>
      {errors.consent && <p className="field__error">{text(errors.consent)}</p>}
      {onRemove && (
        <div className="button-row">
          <button type="button" className="button button--secondary" onClick={onRemove}>
            {t('voteAdmin.assembly.removeCandidate', { number })}
          </button>
        </div>
      )}
    </li>
  );
}

/** One matter of the ballot: its kind of matter, the rule sets that may decide it, and for an election the seats and candidates. */
function MatterCard({
  unit,
  matter,
  index,
  count,
  errors,
  onChange,
  onMove,
  onRemove,
}: {
  unit: VoteUnit | null;
  matter: MatterDraft;
  index: number;
  count: number;
  errors: AssemblyErrors['matters'][number] | undefined;
  onChange: (next: MatterDraft) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const number = index + 1;
  const kinds = unit ? mattersOfUnit(unit.kind) : [];
  const ruleSets = unit && matter.matterKind ? ruleSetsFor(unit.kind, [matter.matterKind]) : [];
  const own = errors?.fields ?? {};
  const text = (key: MatterError | undefined): string | null => (key ? t(`voteAdmin.assembly.errors.${key}`) : null);
  const prefix = `matter-${index}`;
  const set = (change: Partial<MatterDraft>): void => onChange({ ...matter, ...change });
  const setCandidate = (c: number, next: CandidateDraft): void => set({ candidates: matter.candidates.map((x, i) => (i === c ? next : x)) });
  return (
    <li className="card stack assembly-matter" aria-label={t('voteAdmin.assembly.matterLabel', { number, kind: t(`voteAdmin.assembly.kind.${matter.kind}`) })}>
      <p className="assembly-matter__head">
        <strong>{t('voteAdmin.assembly.matterLabel', { number, kind: t(`voteAdmin.assembly.kind.${matter.kind}`) })}</strong>
      </p>
      <div className="button-row">
        <button type="button" className="button button--secondary" disabled={index === 0} onClick={() => onMove(-1)} aria-label={t('voteAdmin.assembly.moveUpLabel', { number })}>
          {t('voteAdmin.assembly.moveUp')}
        </button>
        <button type="button" className="button button--secondary" disabled={index === count - 1} onClick={() => onMove(1)} aria-label={t('voteAdmin.assembly.moveDownLabel', { number })}>
          {t('voteAdmin.assembly.moveDown')}
        </button>
        <button type="button" className="button button--secondary" onClick={onRemove} aria-label={t('voteAdmin.assembly.removeLabel', { number })}>
          {t('voteAdmin.assembly.remove')}
        </button>
      </div>
      <TextField label={t('voteAdmin.assembly.matterTitle')} hint={t('voteAdmin.assembly.matterTitleHint')} name={`${prefix}-title`} autoComplete="off" maxLength={MATTER_TITLE_MAX + 10} value={matter.title} onChange={(e) => set({ title: e.target.value })} error={text(own.title)} />
      <TextAreaField label={t('voteAdmin.assembly.matterQuestion')} name={`${prefix}-question`} rows={2} maxChars={QUESTION_MAX} value={matter.question} onChange={(e) => set({ question: e.target.value })} error={text(own.question)} />
      <SelectField
        label={t('voteAdmin.assembly.matterKind')}
        hint={unit ? undefined : t('voteAdmin.form.ruleSetPickUnit')}
        name={`${prefix}-kind`}
        value={matter.matterKind}
        onChange={(e) => unit && onChange(withMatterKind(matter, e.target.value as MatterKind | '', unit.kind))}
        error={text(own.matterKind)}
      >
        <option value="">{t('voteAdmin.assembly.matterKindPick')}</option>
        {kinds.map((k) => (
          <option key={k} value={k}>
            {MATTERS[k].name[language]}（{MATTERS[k].source[language]}）
          </option>
        ))}
      </SelectField>
      <fieldset className={`field choice-group rule-sets${own.ruleSet ? ' field--invalid' : ''}`}>
        <legend className="field__label">{t('voteAdmin.assembly.ruleSet', { number })}</legend>
        <p className="field__hint">{matter.matterKind ? MATTERS[matter.matterKind].why[language] : t('voteAdmin.assembly.ruleSetPickKind')}</p>
        {own.ruleSet && <p className="field__error">{text(own.ruleSet)}</p>}
        {ruleSets.map((id: RuleSetId, i) => (
          <label key={id} className="choice rule-set">
            <input type="radio" name={`${prefix}-ruleSet`} value={id} checked={matter.ruleSet === id} onChange={() => set({ ruleSet: id })} aria-invalid={own.ruleSet && i === 0 ? true : undefined} />
            <span className="rule-set__text">
              <span className="rule-set__name">{t(`convene.ruleSet.${id}.name`)}</span>
              <span className="rule-set__explain">{t(`convene.ruleSet.${id}.explain`)}</span>
              <span className="rule-set__notice">{RULE_SETS[id].noticeDays > 0 ? t('voteAdmin.form.noticeDays', { count: RULE_SETS[id].noticeDays }) : t('voteAdmin.form.noNotice')}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {matter.ruleSet === 'lml-63' && (
        <Lml63Fields
          name={`${prefix}-lml63Body`}
          body={matter.lml63Body}
          rceo={matter.lml63Rceo}
          onChange={(change) => set({ ...(change.body ? { lml63Body: change.body } : {}), ...(change.rceo !== undefined ? { lml63Rceo: change.rceo } : {}) })}
        />
      )}
      {matter.kind === 'election' && (
        <div className="stack">
          <TextField label={t('voteAdmin.assembly.seats')} hint={t('voteAdmin.assembly.seatsHint')} name={`${prefix}-seats`} inputMode="numeric" value={matter.seats} onChange={(e) => set({ seats: e.target.value })} error={text(own.seats)} />
          <p className="field__label">{t('voteAdmin.assembly.candidates', { count: matter.candidates.length })}</p>
          {own.candidates && <p className="field__error">{text(own.candidates)}</p>}
          <ol className="plain-list stack">
            {matter.candidates.map((c, ci) => (
              <CandidateRow
                key={ci}
                number={ci + 1}
                candidate={c}
                namePrefix={`${prefix}-candidate-${ci}`}
                errors={errors?.candidates[ci] ?? {}}
                onChange={(next) => setCandidate(ci, next)}
                onRemove={matter.candidates.length > 1 ? () => set({ candidates: matter.candidates.filter((_, i) => i !== ci) }) : null}
              />
            ))}
          </ol>
          {matter.candidates.length < CANDIDATES_MAX && (
            <div className="button-row">
              <button type="button" className="button button--secondary" onClick={() => set({ candidates: [...matter.candidates, emptyCandidate()] })}>
                {t('voteAdmin.assembly.addCandidate')}
              </button>
            </div>
          )}
        </div>
      )}
      <VoteDocumentsField unitId={unit?.id ?? null} documents={matter.documents} onChange={(documents) => set({ documents })} titleError={text(own.documents)} />
    </li>
  );
}

/**
 * 业主大会表决票: one paper of several matters, each a motion or an election, each under the rule
 * set that may decide it. The heading, the window (checked against every matter's rule: the
 * strictest notice sets the earliest opening), documents and settings are the single vote's.
 */
export function AssemblyForm({
  units,
  pending,
  error,
  onSubmit,
  labelledBy,
}: {
  units: readonly VoteUnit[];
  pending: boolean;
  error: unknown;
  onSubmit: (unitId: string, request: CreateAssemblyRequest) => void;
  labelledBy?: string;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const form = useRef<HTMLFormElement>(null);
  const [unitId, setUnitId] = useState(units.length === 1 ? units[0]!.id : '');
  const [draft, setDraft] = useState<AssemblyDraft>(() => emptyAssembly());
  const [nextKey, setNextKey] = useState(1);
  const [windowTouched, setWindowTouched] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const ids = { secrecy: useId() };
  const { preview, setPreview, failed } = usePreviewedForm<CreateAssemblyRequest>(form, error, (path) => assemblyPlaceOfPath(path) !== null);
  const unit = units.find((u) => u.id === unitId) ?? null;

  // Until the convenor sets the window, it follows the strictest notice of the matters' rule sets.
  const update = (change: (d: AssemblyDraft) => AssemblyDraft): void =>
    setDraft((d) => {
      const changed = change(d);
      // A matter owners decide makes the ballot named (their area is weighed).
      const next = changed.secrecy === 'secret' && assemblySecretAllowed(changed) === false ? { ...changed, secrecy: 'named' as const } : changed;
      return windowTouched ? next : { ...next, ...assemblyWindow(next) };
    });
  const setMatters = (change: (matters: MatterDraft[]) => MatterDraft[]): void => update((d) => ({ ...d, matters: change(d.matters) }));
  const add = (kind: MatterQuestionKind): void => {
    setMatters((ms) => [...ms, newMatter(kind, unit?.kind ?? null, nextKey)]);
    setNextKey((k) => k + 1);
  };

  const own = submitted && unit ? checkAssembly(draft, unit.kind) : null;
  const errors = mergeErrors(own, rejectedErrors(invalidFieldPaths(error), draft.matters.length));
  const text = (field: keyof AssemblyErrors['fields']): string | null => {
    const key = errors.fields[field];
    if (!key) return null;
    return ASSEMBLY_OWN_ERRORS.includes(key) ? t(`voteAdmin.assembly.errors.${key}` as 'voteAdmin.assembly.errors.mattersTooFew') : t(`voteAdmin.form.errors.${key}` as 'voteAdmin.form.errors.rejected');
  };

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (pending) return;
    setSubmitted(true);
    const now = new Date();
    if (!unit || assemblyHasErrors(checkAssembly(draft, unit.kind, now))) {
      failed();
      return;
    }
    setPreview({ request: toCreateAssemblyRequest(draft, now), at: now });
  };

  if (preview && unit) {
    return (
      <AssemblyPreview
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

  const strictest = strictestRuleSet(draft);
  const asks = assemblyShortening(draft);
  const secretAllowed = assemblySecretAllowed(draft);
  return (
    <form ref={form} className="stack vote-form assembly-form" noValidate onSubmit={submit} aria-labelledby={labelledBy}>
      {error !== null && error !== undefined && <FormAlert>{errorMessage(error, t)}</FormAlert>}
      <UnitField
        units={units}
        unitId={unitId}
        onChange={(id) => {
          setUnitId(id);
          setDraft((d) => ({ ...d, matters: [] }));
        }}
        error={submitted && !unit ? t('voteAdmin.form.errors.unitRequired') : null}
      />
      <TextField label={t('voteAdmin.form.title')} name="title" autoComplete="off" maxLength={TITLE_MAX + 20} value={draft.title} onChange={(e) => setDraft((d) => ({ ...d, title: e.target.value }))} error={text('title')} />
      <TextAreaField
        label={t('voteAdmin.assembly.heading')}
        hint={t('voteAdmin.assembly.headingHint')}
        name="question"
        rows={2}
        maxChars={QUESTION_MAX}
        value={draft.question}
        onChange={(e) => setDraft((d) => ({ ...d, question: e.target.value }))}
        error={text('question')}
      />
      <section className="field assembly-matters" aria-label={t('voteAdmin.assembly.matters')}>
        <p className="field__label">{t('voteAdmin.assembly.matters')}</p>
        <p className="field__hint">{t('voteAdmin.assembly.mattersHint', { max: MATTERS_MAX })}</p>
        {text('matters') && <p className="field__error">{text('matters')}</p>}
        <ol className="plain-list stack">
          {draft.matters.map((matter, index) => (
            <MatterCard
              key={matter.key}
              unit={unit}
              matter={matter}
              index={index}
              count={draft.matters.length}
              errors={errors.matters[index]}
              onChange={(next) => setMatters((ms) => ms.map((m, i) => (i === index ? next : m)))}
              onMove={(by) => setMatters((ms) => moveMatter(ms, index, by))}
              onRemove={() => setMatters((ms) => ms.filter((_, i) => i !== index))}
            />
          ))}
        </ol>
        {draft.matters.length < MATTERS_MAX && (
          <div className="button-row">
            <button type="button" className="button button--secondary" onClick={() => add('motion')}>
              {t('voteAdmin.assembly.addMotion')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => add('election')}>
              {t('voteAdmin.assembly.addElection')}
            </button>
          </div>
        )}
      </section>
      <VoteWindowFields
        draft={draft}
        hint={
          strictest === null
            ? t('voteAdmin.assembly.windowPickRules')
            : RULE_SETS[strictest].noticeDays > 0
              ? t('voteAdmin.form.noticeExplain', { count: RULE_SETS[strictest].noticeDays, date: formatDateTime(noticeEndsAt(strictest, new Date()).toISOString(), language) ?? '' })
              : t('voteAdmin.form.noticeNone')
        }
        asks={asks}
        onWindow={(field, value) => {
          setWindowTouched(true);
          setDraft((d) => ({ ...d, [field]: value }));
        }}
        onReason={(shorteningReason) => setDraft((d) => ({ ...d, shorteningReason }))}
        errors={{ opensAt: text('opensAt'), closesAt: text('closesAt'), shorteningReason: text('shorteningReason') }}
      />
      <VoteDocumentsField unitId={unit?.id ?? null} documents={draft.documents} onChange={(documents) => setDraft((d) => ({ ...d, documents }))} titleError={text('documents')} />
      <SecrecyField
        secrecy={draft.secrecy}
        secretAllowed={secretAllowed}
        onChange={(secrecy) => setDraft((d) => ({ ...d, secrecy }))}
        error={text('secrecy')}
        errorId={ids.secrecy}
      />
      {(draft.secrecy === 'named' || secretAllowed === false) && (
        <label className="choice">
          <input type="checkbox" name="allowChange" checked={draft.allowChange} onChange={(e) => setDraft((d) => ({ ...d, allowChange: e.target.checked }))} />
          <span>{t('voteAdmin.form.allowChange')}</span>
        </label>
      )}
      <RemindersField draft={draft} onChange={(reminders) => setDraft((d) => ({ ...d, reminders }))} />
      <VoteSettingsFields draft={draft} onChange={(change) => setDraft((d) => ({ ...d, ...change }))} errors={{ proxyCap: text('proxyCap'), objectionDays: text('objectionDays') }} />
      <div className="button-row">
        <button type="submit" className="button button--primary button--large" aria-disabled={pending}>
          {pending ? t('voteAdmin.form.creating') : t('voteAdmin.assembly.submit')}
        </button>
      </div>
    </form>
  );
}
