import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../../components/form/select-field';
import { currentLanguage } from '../../../../i18n';
import { formatDateTime } from '../../../../lib/format';
import type { Paper } from '../../api/papers';
import { useReissuePaper, useVoidPaper } from '../../api/papers';
import type { VoteDetail } from '../../api/votes';
import { paperNotes, paperReadingLines } from '../../utils/papers';
import { ReasonForm } from '../vote-common';

/** Papers listed at once (a compound issues hundreds): the filters narrow the list. */
const PAPER_ROWS_MAX = 200;

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
    <li className={`card paper-row paper-row--${paper.status}`}>
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
        {paper.choice && ` ${t('voteAdmin.papers.counted', { choice: paperReadingLines(vote, paper.choice, t).join(t('voteAdmin.assembly.linesSeparator')) })}`}
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

/** Every paper of the vote, filtered by state and building or household. */
export function PaperRows({ vote, papers }: { vote: VoteDetail; papers: Paper[] }) {
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
      <ul className="plain-list paper-rows" aria-labelledby={titleId}>
        {shown.slice(0, PAPER_ROWS_MAX).map((paper) => (
          <PaperRow key={paper.serial} vote={vote} paper={paper} />
        ))}
      </ul>
    </section>
  );
}
