import { RULE_SETS } from '@yishi/domain';
import type { TFunction } from 'i18next';
import type { FormEvent } from 'react';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FileField } from '../../../components/form/file-field';
import { FormAlert } from '../../../components/form/form-alert';
import { SelectField } from '../../../components/form/select-field';
import { TextField } from '../../../components/form/text-field';
import { LiveMessage } from '../../../components/live-message';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { conflictReason, invalidFieldPaths } from '../../../lib/api-problems';
import { formatDateTime } from '../../../lib/format';
import { useFocusFirstError } from '../../../lib/forms';
import { useMediaQuery } from '../../../lib/use-media-query';
import { checkFile, megabytes } from '../../../lib/upload';
import type { IssueResult, Paper, PaperEntryResult, PaperList } from '../api/papers';
import { paperScanHref, SCAN_EXTENSIONS, SCAN_MAX_BYTES, useCheckIn, useEnterPaper, useIssuePapers, useMarkReturned, usePapers, useReissuePaper, useResolvePaper, useVoidPaper } from '../api/papers';
import { useProxies } from '../api/proxies';
import type { VoteDetail } from '../api/votes';
import { isPaperCode, normaliseCode, paperChoices, paperNotes, parseSerials } from '../utils/papers';
import { rejectionText } from '../utils/reasons';
import { ReasonForm } from './vote-common';
import { Loading } from '../../../components/loading';
import { VoterSearch } from './voter-search';
import '../../../components/data-table.css';

const PAPER_COUNTS = ['issued', 'returned', 'entered', 'confirmed', 'disputed'] as const;

/** Papers listed at once (a compound issues hundreds): the filters narrow the list. */
const PAPER_ROWS_MAX = 200;

function choiceLabel(vote: VoteDetail, choice: string | null, t: TFunction): string {
  if (choice === null) return '—';
  if (choice === 'spoilt') return t('voteAdmin.choice.spoilt');
  const option = paperChoices(vote).find((c) => c.id === choice);
  if (!option) return choice;
  return option.key ? t(option.key as 'voteAdmin.choice.approve') : (option.label ?? choice);
}

/** Issued / returned / entered per building or household, and in all: a card each on a phone. */
function PaperCountCards({ list }: { list: PaperList }) {
  const { t } = useTranslation();
  const rows = [...list.groups.map((g) => ({ name: g.group, voters: g.voters, counts: g })), { name: t('voteAdmin.papers.total'), voters: list.groups.reduce((sum, g) => sum + g.voters, 0), counts: list.totals }];
  return (
    <ul className="paper-count-cards" aria-label={t('voteAdmin.papers.countsCaption')}>
      {rows.map((row, index) => (
        <li key={row.name} className={`paper-count-card${index === rows.length - 1 ? ' paper-count-card--total' : ''}`}>
          <p className="paper-count-card__name">{row.name}</p>
          <dl className="paper-count-card__figures">
            <div>
              <dt>{t('voteAdmin.papers.voters')}</dt>
              <dd>{row.voters}</dd>
            </div>
            {PAPER_COUNTS.map((key) => (
              <div key={key}>
                <dt>{t(`voteAdmin.papers.count.${key}`)}</dt>
                <dd>{row.counts[key]}</dd>
              </div>
            ))}
          </dl>
        </li>
      ))}
    </ul>
  );
}

function PaperCountsTable({ list }: { list: PaperList }) {
  const { t } = useTranslation();
  return (
    <div className="data-table-wrap">
      <table className="data-table paper-counts">
        <caption className="visually-hidden">{t('voteAdmin.papers.countsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('voteAdmin.papers.group')}</th>
            <th scope="col">{t('voteAdmin.papers.voters')}</th>
            {PAPER_COUNTS.map((key) => (
              <th key={key} scope="col">
                {t(`voteAdmin.papers.count.${key}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {list.groups.map((group) => (
            <tr key={group.group}>
              <th scope="row">{group.group}</th>
              <td className="data-table__number">{group.voters}</td>
              {PAPER_COUNTS.map((key) => (
                <td key={key} className="data-table__number">
                  {group[key]}
                </td>
              ))}
            </tr>
          ))}
          <tr className="paper-counts__total">
            <th scope="row">{t('voteAdmin.papers.total')}</th>
            <td className="data-table__number">{list.groups.reduce((sum, g) => sum + g.voters, 0)}</td>
            {PAPER_COUNTS.map((key) => (
              <td key={key} className="data-table__number">
                {list.totals[key]}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}

function skippedText(reason: string, t: TFunction, language: 'zh-CN' | 'en'): string {
  if (reason === 'has_paper' || reason === 'already_voted') return t(`voteAdmin.issue.skip.${reason}`);
  return rejectionText(reason, language) ?? reason;
}

function IssueOutcome({ result }: { result: IssueResult }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const serials = result.issued.map((p) => p.serial);
  return (
    <>
      <p>{result.issued.length > 0 ? t('voteAdmin.issue.issued', { count: result.issued.length, first: serials[0], last: serials[serials.length - 1] }) : t('voteAdmin.issue.none')}</p>
      {result.skipped.length > 0 && (
        <>
          <p>{t('voteAdmin.issue.skipped', { count: result.skipped.length })}</p>
          <ul className="issue-skipped">
            {result.skipped.slice(0, 50).map((s) => (
              <li key={s.voterId}>
                {s.name}：{skippedText(s.reason, t, language)}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** 发放选票: to a building or household, or to one voter found by name or unit; then the print sheet. */
function IssuePapers({ vote, list, printHref }: { vote: VoteDetail; list: PaperList; printHref: (group: string | null) => string }) {
  const { t } = useTranslation();
  const titleId = useId();
  const issue = useIssuePapers(vote.id);
  const [group, setGroup] = useState('');
  const [result, setResult] = useState<IssueResult | null>(null);
  const [lastGroup, setLastGroup] = useState<string | null>(null);
  const run = (body: { groups?: string[]; voterIds?: string[] }, printGroup: string | null): void => {
    if (issue.isPending) return;
    setResult(null);
    issue.mutate(body, {
      onSuccess: (data) => {
        setResult(data);
        setLastGroup(printGroup);
      },
    });
  };
  return (
    <section className="section" aria-labelledby={titleId}>
      <h3 className="subsection__title" id={titleId}>
        {t('voteAdmin.issue.heading')}
      </h3>
      <p className="section__intro">{t('voteAdmin.issue.intro')}</p>
      <LiveMessage tone="success">
        {result && (
          <>
            <IssueOutcome result={result} />
            {result.issued.length > 0 && <Link to={printHref(lastGroup)}>{t('voteAdmin.issue.printThese')}</Link>}
          </>
        )}
      </LiveMessage>
      {issue.isError && <FormAlert>{errorMessage(issue.error, t)}</FormAlert>}
      <form
        className="stack issue-group"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (group) run({ groups: [group] }, group);
        }}
      >
        <SelectField label={t('voteAdmin.issue.group')} name="group" value={group} onChange={(event) => setGroup(event.target.value)}>
          <option value="">{t('voteAdmin.issue.groupPick')}</option>
          {list.groups.map((g) => (
            <option key={g.group} value={g.group}>
              {t('voteAdmin.issue.groupOption', { group: g.group, voters: g.voters, issued: g.issued })}
            </option>
          ))}
        </SelectField>
        <div className="button-row">
          <button type="submit" className="button button--primary" aria-disabled={issue.isPending || !group}>
            {issue.isPending ? t('voteAdmin.issue.issuing') : t('voteAdmin.issue.forGroup')}
          </button>
        </div>
      </form>
      <VoterSearch
        voteId={vote.id}
        label={t('voteAdmin.issue.oneVoter')}
        action={(voter) =>
          voter.paperSerial === null ? (
            <button type="button" className="button button--secondary button--small" aria-disabled={issue.isPending} onClick={() => run({ voterIds: [voter.voterId] }, voter.group)}>
              {t('voteAdmin.issue.forVoter', { name: voter.name })}
            </button>
          ) : null
        }
      />
      <p>
        <Link to={printHref(null)}>{t('voteAdmin.issue.printAll')}</Link>
      </p>
    </section>
  );
}

/** 登记收回: serial numbers of the papers that came back (before voting closes). */
function ReturnPapers({ vote }: { vote: VoteDetail }) {
  const { t } = useTranslation();
  const titleId = useId();
  const mark = useMarkReturned(vote.id);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<{ returned: number[]; already: number[] } | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (mark.isPending) return;
    const { serials, invalid } = parseSerials(text);
    const found = invalid.length > 0 ? t('voteAdmin.returned.invalid', { items: invalid.join(' ') }) : serials.length === 0 ? t('voteAdmin.returned.required') : null;
    setProblem(found);
    setDone(null);
    if (found) return;
    mark.mutate(serials, {
      onSuccess: (data) => {
        setDone(data);
        setText('');
      },
    });
  };
  return (
    <section className="section" aria-labelledby={titleId}>
      <h3 className="subsection__title" id={titleId}>
        {t('voteAdmin.returned.heading')}
      </h3>
      <LiveMessage tone="success">
        {done && t('voteAdmin.returned.done', { count: done.returned.length, already: done.already.length > 0 ? t('voteAdmin.returned.already', { serials: done.already.join(', ') }) : '' })}
      </LiveMessage>
      {mark.isError && <FormAlert>{conflictReason(mark.error) === 'paper_void' ? t('voteAdmin.returned.void') : conflictReason(mark.error) === 'closed' ? t('voteAdmin.returned.closed') : errorMessage(mark.error, t)}</FormAlert>}
      <form className="stack" noValidate onSubmit={submit}>
        <TextField label={t('voteAdmin.returned.serials')} hint={t('voteAdmin.returned.hint')} name="returned" autoComplete="off" inputMode="text" value={text} onChange={(event) => setText(event.target.value)} error={problem} />
        <div className="button-row">
          <button type="submit" className="button button--primary" aria-disabled={mark.isPending}>
            {mark.isPending ? t('voteAdmin.returned.saving') : t('voteAdmin.returned.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

function entryError(error: unknown, t: TFunction): string {
  const reason = conflictReason(error);
  if (reason) {
    const known = ['same_person', 'paper_void', 'paper_settled', 'disputed', 'not_returned_in_time', 'already_voted', 'closed', 'proxy_revoked', 'proxy_rejected'];
    if (known.includes(reason)) return t(`voteAdmin.entry.errors.${reason}` as 'voteAdmin.entry.errors.same_person');
  }
  const fields = invalidFieldPaths(error);
  if (fields.includes('code')) return t('voteAdmin.entry.errors.code');
  if (fields.includes('file')) return t('voteAdmin.entry.errors.file');
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
function PaperEntry({ vote, papers }: { vote: VoteDetail; papers: Paper[] }) {
  const { t } = useTranslation();
  const titleId = useId();
  const choiceErrorId = useId();
  const form = useRef<HTMLFormElement>(null);
  const enter = useEnterPaper(vote.id);
  const proxies = useProxies(vote.id, true);
  const [serial, setSerial] = useState('');
  const [code, setCode] = useState('');
  const [choice, setChoice] = useState('');
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
    if (!choice) found.choice = t('voteAdmin.entry.errors.choiceRequired');
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
      { serial: number!, code: normaliseCode(code), choice, proxyId, file },
      {
        onSuccess: (result) => {
          setOutcome(entryOutcome(result, t));
          // The next paper: nothing of this reading stays on the screen.
          setSerial('');
          setCode('');
          setChoice('');
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

/** One disputed paper: both readings, the scan, and the settling (a third person or the convenor). */
function Dispute({ vote, paper }: { vote: VoteDetail; paper: Paper }) {
  const { t } = useTranslation();
  const resolve = useResolvePaper(vote.id);
  const [choice, setChoice] = useState('');
  const [choiceError, setChoiceError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const choices = [...paperChoices(vote), { id: 'spoilt', key: 'voteAdmin.choice.spoilt', label: null }];
  const notes = paperNotes(paper, t);
  return (
    <li className="dispute">
      <p className="dispute__title">
        {t('voteAdmin.disputes.paper', { serial: paper.serial, name: paper.name, units: paper.unitLabels.join(t('voteAdmin.listSeparator')) })}
      </p>
      <dl className="facts">
        <div className="facts__row">
          <dt>{t('voteAdmin.disputes.first')}</dt>
          <dd>
            {choiceLabel(vote, paper.readings?.first ?? null, t)} <span className="facts__aside">{paper.enteredBy?.name}</span>
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('voteAdmin.disputes.second')}</dt>
          <dd>
            {choiceLabel(vote, paper.readings?.second ?? null, t)} <span className="facts__aside">{paper.confirmedBy?.name}</span>
          </dd>
        </div>
        {notes.length > 0 && (
          <div className="facts__row">
            <dt>{t('voteAdmin.disputes.note')}</dt>
            <dd className="dispute__note">
              {notes.map((line) => (
                <span key={line} className="dispute__note-line">
                  {line}
                </span>
              ))}
            </dd>
          </div>
        )}
      </dl>
      {paper.hasScan && (
        <p>
          <a href={paperScanHref(vote.id, paper.serial)} target="_blank" rel="noreferrer">
            {t('voteAdmin.disputes.scan', { serial: paper.serial })}
          </a>
        </p>
      )}
      {!open ? (
        <div className="button-row">
          <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
            {t('voteAdmin.disputes.settle')}
          </button>
        </div>
      ) : (
        <ReasonForm
          label={t('voteAdmin.disputes.noteLabel')}
          hint={t('voteAdmin.disputes.noteHint')}
          multiLine
          submitLabel={t('voteAdmin.disputes.confirm')}
          pendingLabel={t('voteAdmin.disputes.settling')}
          pending={resolve.isPending}
          error={resolve.error}
          errorText={(error) =>
            error instanceof ApiError && error.code === 'FORBIDDEN' ? t('voteAdmin.disputes.thirdPerson') : conflictReason(error) === 'not_disputed' ? t('voteAdmin.disputes.notDisputed') : null
          }
          onCancel={() => setOpen(false)}
          onSubmit={(note) => {
            if (!choice) {
              setChoiceError(t('voteAdmin.entry.errors.choiceRequired'));
              return;
            }
            resolve.mutate({ serial: paper.serial, choice, note, proxyId: null });
          }}
        >
          <fieldset className={`field choice-group${choiceError && !choice ? ' field--invalid' : ''}`}>
            <legend className="field__label">{t('voteAdmin.disputes.decided')}</legend>
            {choiceError && !choice && <p className="field__error">{choiceError}</p>}
            {choices.map((c) => (
              <label key={c.id} className="choice">
                <input type="radio" name={`settle-${paper.serial}`} value={c.id} checked={choice === c.id} onChange={() => setChoice(c.id)} />
                <span>{c.key ? t(c.key as 'voteAdmin.choice.approve') : c.label}</span>
              </label>
            ))}
          </fieldset>
        </ReasonForm>
      )}
    </li>
  );
}

function Disputes({ vote, papers }: { vote: VoteDetail; papers: Paper[] }) {
  const { t } = useTranslation();
  const titleId = useId();
  const disputed = papers.filter((p) => p.status === 'disputed');
  return (
    <section className="section" aria-labelledby={titleId}>
      <h3 className="subsection__title" id={titleId}>
        {t('voteAdmin.disputes.heading', { count: disputed.length })}
      </h3>
      <p className="section__intro">{t('voteAdmin.disputes.intro')}</p>
      {disputed.length === 0 ? (
        <p className="notice">{t('voteAdmin.disputes.none')}</p>
      ) : (
        <ul className="disputes">
          {disputed.map((paper) => (
            <Dispute key={paper.serial} vote={vote} paper={paper} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** A paper's row: who, where, state, who entered it; void or reissue with a reason. */
function PaperRow({ vote, paper }: { vote: VoteDetail; paper: Paper }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const voidPaper = useVoidPaper(vote.id);
  const reissue = useReissuePaper(vote.id);
  const [mode, setMode] = useState<'idle' | 'void' | 'reissue'>('idle');
  const canVoid = paper.status === 'issued' || paper.status === 'returned' || paper.status === 'entered';
  const canReissue = vote.status === 'open' && (paper.status === 'issued' || paper.status === 'returned');
  const notes = paperNotes(paper, t);
  return (
    <li className={`paper-row paper-row--${paper.status}`}>
      <p className="paper-row__head">
        <span className="paper-row__serial">{t('voteAdmin.papers.serial', { serial: paper.serial })}</span>
        <span className="badge">{t(`voteAdmin.paperStatus.${paper.status}`)}</span>
        <span className="paper-row__code">{t('voteAdmin.papers.code', { code: paper.code })}</span>
      </p>
      <p className="paper-row__who">
        {paper.name} · {paper.group} · {paper.unitLabels.join(t('voteAdmin.listSeparator'))}
      </p>
      <p className="paper-row__meta">
        {paper.enteredBy && t('voteAdmin.papers.enteredBy', { name: paper.enteredBy.name, at: formatDateTime(paper.enteredAt ?? '', language) ?? '' })}
        {paper.confirmedBy && paper.status !== 'disputed' && ` ${t('voteAdmin.papers.confirmedBy', { name: paper.confirmedBy.name })}`}
        {paper.choice && ` ${t('voteAdmin.papers.counted', { choice: choiceLabel(vote, paper.choice, t) })}`}
      </p>
      {notes.map((line) => (
        <p key={line} className="paper-row__note">
          {line}
        </p>
      ))}
      {mode === 'idle' && (canVoid || canReissue) && (
        <div className="button-row">
          {canReissue && (
            <button type="button" className="button button--secondary button--small" onClick={() => setMode('reissue')}>
              {t('voteAdmin.papers.reissue')}
            </button>
          )}
          {canVoid && (
            <button type="button" className="button button--secondary button--small" onClick={() => setMode('void')}>
              {t('voteAdmin.papers.void')}
            </button>
          )}
        </div>
      )}
      {mode === 'void' && (
        <ReasonForm
          label={t('voteAdmin.papers.voidReason', { serial: paper.serial })}
          submitLabel={t('voteAdmin.papers.confirmVoid')}
          pendingLabel={t('voteAdmin.papers.saving')}
          pending={voidPaper.isPending}
          error={voidPaper.error}
          onCancel={() => setMode('idle')}
          onSubmit={(reason) => voidPaper.mutate({ serial: paper.serial, reason }, { onSuccess: () => setMode('idle') })}
        />
      )}
      {mode === 'reissue' && (
        <ReasonForm
          label={t('voteAdmin.papers.reissueReason', { serial: paper.serial })}
          submitLabel={t('voteAdmin.papers.confirmReissue')}
          pendingLabel={t('voteAdmin.papers.saving')}
          pending={reissue.isPending}
          error={reissue.error}
          onCancel={() => setMode('idle')}
          onSubmit={(reason) => reissue.mutate({ serial: paper.serial, reason }, { onSuccess: () => setMode('idle') })}
        />
      )}
    </li>
  );
}

function PaperRows({ vote, papers }: { vote: VoteDetail; papers: Paper[] }) {
  const { t } = useTranslation();
  const titleId = useId();
  const [status, setStatus] = useState('');
  const [group, setGroup] = useState('');
  const groups = [...new Set(papers.map((p) => p.group))];
  const shown = papers.filter((p) => (!status || p.status === status) && (!group || p.group === group));
  return (
    <section className="section" aria-labelledby={titleId}>
      <h3 className="subsection__title" id={titleId}>
        {t('voteAdmin.papers.listHeading')}
      </h3>
      <div className="paper-filters">
        <SelectField label={t('voteAdmin.papers.filterStatus')} name="paper-status" value={status} onChange={(event) => setStatus(event.target.value)}>
          <option value="">{t('voteAdmin.papers.all')}</option>
          {(['issued', 'returned', 'entered', 'confirmed', 'disputed', 'void'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`voteAdmin.paperStatus.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('voteAdmin.papers.filterGroup')} name="paper-group" value={group} onChange={(event) => setGroup(event.target.value)}>
          <option value="">{t('voteAdmin.papers.all')}</option>
          {groups.map((g) => (
            <option key={g} value={g}>
              {g}
            </option>
          ))}
        </SelectField>
      </div>
      <p role="status">
        {t('voteAdmin.papers.shown', { count: shown.length })}
        {shown.length > PAPER_ROWS_MAX && ` ${t('voteAdmin.papers.firstOnly', { max: PAPER_ROWS_MAX })}`}
      </p>
      <ul className="paper-rows" aria-labelledby={titleId}>
        {shown.slice(0, PAPER_ROWS_MAX).map((paper) => (
          <PaperRow key={paper.serial} vote={vote} paper={paper} />
        ))}
      </ul>
    </section>
  );
}

/** 会场签到: for the rules that count those present (meetings), a voter signed in on the attendance sheet. */
function CheckIns({ vote }: { vote: VoteDetail }) {
  const { t } = useTranslation();
  const titleId = useId();
  const checkIn = useCheckIn(vote.id);
  const [done, setDone] = useState<{ name: string; attendance: number; already: boolean } | null>(null);
  return (
    <section className="section" aria-labelledby={titleId}>
      <h3 className="subsection__title" id={titleId}>
        {t('voteAdmin.checkIn.heading')}
      </h3>
      <p className="section__intro">{t('voteAdmin.checkIn.intro')}</p>
      <LiveMessage tone="success">
        {done && (done.already ? t('voteAdmin.checkIn.already', { name: done.name, count: done.attendance }) : t('voteAdmin.checkIn.done', { name: done.name, count: done.attendance }))}
      </LiveMessage>
      {checkIn.isError && <FormAlert>{conflictReason(checkIn.error) === 'attendance_not_counted' ? t('voteAdmin.checkIn.notCounted') : conflictReason(checkIn.error) === 'closed' ? t('voteAdmin.checkIn.closed') : errorMessage(checkIn.error, t)}</FormAlert>}
      <VoterSearch
        voteId={vote.id}
        label={t('voteAdmin.checkIn.find')}
        action={(voter) =>
          voter.checkedIn ? (
            <span className="badge">{t('voteAdmin.checkIn.present')}</span>
          ) : (
            <button
              type="button"
              className="button button--secondary button--small"
              aria-disabled={checkIn.isPending}
              onClick={() =>
                !checkIn.isPending &&
                checkIn.mutate([voter.voterId], { onSuccess: (result) => setDone({ name: voter.name, attendance: result.attendance, already: result.checkedIn.length === 0 }) })
              }
            >
              {t('voteAdmin.checkIn.signIn', { name: voter.name })}
            </button>
          )
        }
      />
    </section>
  );
}

/** 纸质选票: counts per building, issuing and printing, returns, blind double entry, disputes, every paper. */
export function PaperDesk({ vote, printHref }: { vote: VoteDetail; printHref: (group: string | null) => string }) {
  const { t } = useTranslation();
  const live = vote.status === 'open' || vote.status === 'counting';
  const list = usePapers(vote.id, live);
  const wide = useMediaQuery('(min-width: 48em)');
  if (vote.status === 'scheduled' || vote.status === 'cancelled') return <p className="notice">{t('voteAdmin.papers.notOpen')}</p>;
  if (list.isPending) return <Loading />;
  if (list.isError) return <QueryError error={list.error} retrying={list.isFetching} onRetry={() => void list.refetch()} />;
  const data = list.data;
  return (
    <div className="stack paper-desk">
      <section className="section" aria-labelledby="paper-counts-title">
        <h2 className="section__title" id="paper-counts-title">
          {t('voteAdmin.papers.countsHeading')}
        </h2>
        {wide ? <PaperCountsTable list={data} /> : <PaperCountCards list={data} />}
      </section>
      {vote.status === 'open' && <IssuePapers vote={vote} list={data} printHref={printHref} />}
      {vote.status === 'open' && <ReturnPapers vote={vote} />}
      {vote.status === 'open' && RULE_SETS[vote.ruleSet].countsAttendance && <CheckIns vote={vote} />}
      {live ? <PaperEntry vote={vote} papers={data.papers} /> : <p className="notice">{t('voteAdmin.papers.noMoreEntries')}</p>}
      {live && <Disputes vote={vote} papers={data.papers} />}
      <PaperRows vote={vote} papers={data.papers} />
    </div>
  );
}
