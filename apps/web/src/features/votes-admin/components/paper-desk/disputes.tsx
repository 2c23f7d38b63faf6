import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../lib/api-client';
import { conflictReason } from '../../../../lib/api-problems';
import type { Paper } from '../../api/papers';
import { paperScanHref, useResolvePaper } from '../../api/papers';
import type { VoteDetail } from '../../api/votes';
import type { MarkDraft } from '../../utils/assembly-papers';
import { emptyMarks, toMarks } from '../../utils/assembly-papers';
import { paperChoices, paperNotes, paperReadingLines } from '../../utils/papers';
import { AssemblyMarksFields } from './assembly-marks';
import { ReasonForm } from '../vote-common';

/** One disputed paper: both readings, the scan, and the settling (a third person or the convenor). */
function Dispute({ vote, paper }: { vote: VoteDetail; paper: Paper }) {
  const { t } = useTranslation();
  const resolve = useResolvePaper(vote.id);
  const [choice, setChoice] = useState('');
  const [choiceError, setChoiceError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const matters = vote.questionKind === 'assembly' ? (vote.matters ?? []) : null;
  // An assembly's paper: settled matter by matter, or the whole paper as spoilt.
  const [wholeSpoilt, setWholeSpoilt] = useState(false);
  const [marks, setMarks] = useState<Record<string, MarkDraft>>(() => emptyMarks(matters ?? []));
  const reading = (text: string | null) =>
    paperReadingLines(vote, text, t).map((line) => (
      <span key={line} className="dispute__note-line">
        {line}
      </span>
    ));
  const choices = [...paperChoices(vote), { id: 'spoilt', key: 'voteAdmin.choice.spoilt', label: null }];
  const notes = paperNotes(paper, t);
  return (
    <li className="card dispute">
      <p className="dispute__title">
        {t('voteAdmin.disputes.paper', { serial: paper.serial, name: paper.name, units: paper.unitLabels.join(t('voteAdmin.listSeparator')) })}
      </p>
      <dl className="facts">
        <div className="facts__row">
          <dt>{t('voteAdmin.disputes.first')}</dt>
          <dd>
            {reading(paper.readings?.first ?? null)} <span className="facts__aside">{paper.enteredBy?.name}</span>
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('voteAdmin.disputes.second')}</dt>
          <dd>
            {reading(paper.readings?.second ?? null)} <span className="facts__aside">{paper.confirmedBy?.name}</span>
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
            if (matters) {
              resolve.mutate(wholeSpoilt ? { serial: paper.serial, choice: 'spoilt', note, proxyId: null } : { serial: paper.serial, choice: '', marks: toMarks(matters, marks), note, proxyId: null });
              return;
            }
            if (!choice) {
              setChoiceError(t('voteAdmin.entry.errors.choiceRequired'));
              return;
            }
            resolve.mutate({ serial: paper.serial, choice, note, proxyId: null });
          }}
        >
          {matters ? (
            <div className="stack">
              <label className="choice">
                <input type="checkbox" name={`settle-${paper.serial}-spoilt`} checked={wholeSpoilt} onChange={(e) => setWholeSpoilt(e.target.checked)} />
                <span>{t('voteAdmin.assembly.wholeSpoilt')}</span>
              </label>
              {!wholeSpoilt && <AssemblyMarksFields matters={matters} marks={marks} onChange={setMarks} name={`settle-${paper.serial}`} />}
            </div>
          ) : (
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
          )}
        </ReasonForm>
      )}
    </li>
  );
}

/** 争议选票: the papers whose two readings differ, each to settle. */
export function Disputes({ vote, papers }: { vote: VoteDetail; papers: Paper[] }) {
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
        <ul className="plain-list disputes">
          {disputed.map((paper) => (
            <Dispute key={paper.serial} vote={vote} paper={paper} />
          ))}
        </ul>
      )}
    </section>
  );
}
