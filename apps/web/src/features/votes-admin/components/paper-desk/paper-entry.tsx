import type { TFunction } from 'i18next';
import type { FormEvent } from 'react';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FileField } from '../../../../components/form/file-field';
import { FormAlert } from '../../../../components/form/form-alert';
import { SelectField } from '../../../../components/form/select-field';
import { TextField } from '../../../../components/form/text-field';
import { LiveMessage } from '../../../../components/live-message';
import { ApiError, errorMessage } from '../../../../lib/api-client';
import { conflictReason, invalidFieldPaths } from '../../../../lib/api-problems';
import { useFocusFirstError } from '../../../../lib/forms';
import { checkFile, megabytes } from '../../../../lib/upload';
import type { Paper, PaperEntryResult } from '../../api/papers';
import { SCAN_EXTENSIONS, SCAN_MAX_BYTES, useEnterPaper } from '../../api/papers';
import { useProxies } from '../../api/proxies';
import type { VoteDetail } from '../../api/votes';
import type { MarkDraft } from '../../utils/assembly-papers';
import { emptyMarks, toMarks } from '../../utils/assembly-papers';
import { isPaperCode, normaliseCode, paperChoices } from '../../utils/papers';
import { AssemblyMarksFields } from './assembly-marks';

function entryError(error: unknown, t: TFunction): string {
  const reason = conflictReason(error);
  if (reason) {
    const known = ['same_person', 'paper_void', 'paper_settled', 'disputed', 'not_returned_in_time', 'already_voted', 'closed', 'proxy_revoked', 'proxy_rejected'];
    if (known.includes(reason)) return t(`voteAdmin.entry.errors.${reason}` as 'voteAdmin.entry.errors.same_person');
  }
  const fields = invalidFieldPaths(error);
  if (fields.includes('code')) return t('voteAdmin.entry.errors.code');
  if (fields.includes('file')) return t('voteAdmin.entry.errors.file');
  if (fields.some((f) => f === 'marks' || f.startsWith('marks.'))) return t('voteAdmin.assembly.errors.marks');
  if (fields.includes('choice')) return t('voteAdmin.entry.errors.choice');
  if (fields.includes('proxyId')) return t('voteAdmin.entry.errors.proxy');
  if (error instanceof ApiError && error.code === 'NOT_FOUND') return t('voteAdmin.entry.errors.noPaper');
  return errorMessage(error, t);
}

function entryOutcome(result: PaperEntryResult, t: TFunction): string {
  switch (result.status) {
    case 'entered':
      return t('voteAdmin.entry.result.entered', { serial: result.serial });
    case 'confirmed':
      return [
        t('voteAdmin.entry.result.confirmed', { serial: result.serial }),
        result.receipt ? t('voteAdmin.entry.result.receipt', { receipt: result.receipt }) : '',
        result.supersededReceipt ? t('voteAdmin.entry.result.superseded', { receipt: result.supersededReceipt }) : '',
      ]
        .filter(Boolean)
        .join(' ');
    case 'disputed':
      return t('voteAdmin.entry.result.disputed', { serial: result.serial });
    case 'void':
      return t('voteAdmin.entry.result.void', { serial: result.serial });
  }
}

/**
 * 录入选票: blind double entry. The first reading keeps the scan; a second staff member enters the
 * paper again without seeing the first (nothing of it is shown anywhere); equal readings count it,
 * different ones send it to the dispute list.
 */
export function PaperEntry({ vote, papers }: { vote: VoteDetail; papers: Paper[] }) {
  const { t } = useTranslation();
  const titleId = useId();
  const choiceErrorId = useId();
  const form = useRef<HTMLFormElement>(null);
  const enter = useEnterPaper(vote.id);
  const proxies = useProxies(vote.id, true);
  const [serial, setSerial] = useState('');
  const [code, setCode] = useState('');
  const [choice, setChoice] = useState('');
  const matters = vote.questionKind === 'assembly' ? (vote.matters ?? []) : null;
  const [marks, setMarks] = useState<Record<string, MarkDraft>>(() => emptyMarks(matters ?? []));
  const [proxyId, setProxyId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const [errors, setErrors] = useState<Partial<Record<'serial' | 'code' | 'choice' | 'file', string>>>({});
  const [attempt, setAttempt] = useState(0);
  const [outcome, setOutcome] = useState<string | null>(null);
  useFocusFirstError(form, attempt);
  const number = /^\d{1,10}$/.test(serial.trim()) ? Number(serial.trim()) : null;
  const paper = number === null ? null : (papers.find((p) => p.serial === number) ?? null);
  const second = paper?.status === 'entered';
  const choices = paperChoices(vote);
  const accepted = (proxies.data?.proxies ?? []).filter((p) => p.status === 'accepted' && !p.revokedAt && (!paper || p.principalVoterId === paper.voterId));

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (enter.isPending) return;
    const found: typeof errors = {};
    if (number === null || number < 1) found.serial = t('voteAdmin.entry.errors.serial');
    if (!isPaperCode(code)) found.code = t('voteAdmin.entry.errors.codeFormat');
    if (!matters && !choice) found.choice = t('voteAdmin.entry.errors.choiceRequired');
    const needsScan = !paper || paper.status === 'issued' || paper.status === 'returned';
    if (needsScan && !file) found.file = t('voteAdmin.entry.errors.fileRequired');
    if (file) {
      const problem = checkFile(file, { maxBytes: SCAN_MAX_BYTES, extensions: SCAN_EXTENSIONS });
      if (problem) found.file = problem.kind === 'tooLarge' ? t('voteAdmin.entry.errors.fileTooLarge', { mb: megabytes(SCAN_MAX_BYTES) }) : t('voteAdmin.entry.errors.fileType');
    }
    setErrors(found);
    setOutcome(null);
    if (Object.keys(found).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    enter.mutate(
      { serial: number!, code: normaliseCode(code), choice, ...(matters ? { marks: toMarks(matters, marks) } : {}), proxyId, file },
      {
        onSuccess: (result) => {
          setOutcome(entryOutcome(result, t));
          // The next paper: nothing of this reading stays on the screen.
          setSerial('');
          setCode('');
          setChoice('');
          setMarks(emptyMarks(matters ?? []));
          setProxyId('');
          setFile(null);
          setFileKey((k) => k + 1);
        },
        onError: () => setAttempt((n) => n + 1),
      },
    );
  };

  return (
    <section className="section paper-entry" aria-labelledby={titleId}>
      <h3 className="subsection__title" id={titleId}>
        {t('voteAdmin.entry.heading')}
      </h3>
      <p className="section__intro">{t('voteAdmin.entry.intro')}</p>
      <LiveMessage tone="success">{outcome}</LiveMessage>
      <form ref={form} className="stack" noValidate onSubmit={submit} aria-labelledby={titleId}>
        {enter.isError && <FormAlert>{entryError(enter.error, t)}</FormAlert>}
        <TextField label={t('voteAdmin.entry.serial')} name="serial" inputMode="numeric" autoComplete="off" value={serial} onChange={(event) => setSerial(event.target.value)} error={errors.serial ?? null} />
        {paper && (
          <p className="notice notice--info paper-entry__which" role="status">
            {t('voteAdmin.entry.which', { name: paper.name, units: paper.unitLabels.join(t('voteAdmin.listSeparator')), group: paper.group })}{' '}
            {second ? t('voteAdmin.entry.secondReading') : paper.status === 'issued' || paper.status === 'returned' ? t('voteAdmin.entry.firstReading') : t(`voteAdmin.paperStatus.${paper.status}`)}
          </p>
        )}
        <TextField label={t('voteAdmin.entry.code')} hint={t('voteAdmin.entry.codeHint')} name="code" autoComplete="off" autoCapitalize="characters" maxLength={8} value={code} onChange={(event) => setCode(event.target.value)} error={errors.code ?? null} />
        {matters ? (
          <AssemblyMarksFields matters={matters} marks={marks} onChange={setMarks} name="paper-mark" />
        ) : (
        <fieldset className={`field choice-group${errors.choice ? ' field--invalid' : ''}`} aria-describedby={errors.choice ? choiceErrorId : undefined}>
          <legend className="field__label">{t('voteAdmin.entry.choice')}</legend>
          {errors.choice && (
            <p className="field__error" id={choiceErrorId}>
              <span className="visually-hidden">{t('form.errorPrefix')}</span>
              {errors.choice}
            </p>
          )}
          {choices.map((c, index) => (
            <label key={c.id} className="choice">
              <input type="radio" name="paper-choice" value={c.id} checked={choice === c.id} onChange={() => setChoice(c.id)} aria-invalid={errors.choice && index === 0 ? true : undefined} />
              <span>{c.key ? t(c.key as 'voteAdmin.choice.approve') : c.label}</span>
            </label>
          ))}
        </fieldset>
        )}
        {accepted.length > 0 && (
          <SelectField label={t('voteAdmin.entry.proxy')} hint={t('voteAdmin.entry.proxyHint')} name="proxy" value={proxyId} onChange={(event) => setProxyId(event.target.value)}>
            <option value="">{t('voteAdmin.entry.noProxy')}</option>
            {accepted.map((p) => (
              <option key={p.id} value={p.id}>
                {t('voteAdmin.entry.proxyOption', { principal: p.principalName, agent: p.agentName })}
              </option>
            ))}
          </SelectField>
        )}
        <FileField
          key={fileKey}
          label={second ? t('voteAdmin.entry.scanOptional') : t('voteAdmin.entry.scan')}
          hint={t('voteAdmin.entry.scanHint', { mb: megabytes(SCAN_MAX_BYTES) })}
          name="scan"
          accept={SCAN_EXTENSIONS.join(',')}
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          error={errors.file ?? null}
        />
        <div className="button-row">
          <button type="submit" className="button button--primary button--large" aria-disabled={enter.isPending}>
            {enter.isPending ? t('voteAdmin.entry.saving') : t('voteAdmin.entry.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
