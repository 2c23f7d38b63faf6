import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MotionChoice } from '@yishi/domain';
import { MOTION_CHOICES } from '@yishi/domain';
import { AttachmentList } from '../../../components/attachment-list';
import { currentLanguage } from '../../../i18n';
import type { CastReceipt, MarkInput } from '../api/cast-ballot';
import { useCastBallot } from '../api/cast-ballot';
import type { MyVoter, VoteDetail, VoteMatter } from '../api/get-vote';
import { castErrorMessage } from '../utils/cast-errors';
import { markLabel, matterTitle } from '../utils/assembly';
import type { VoteStage } from '../utils/vote-state';
import { ballotState } from '../utils/vote-state';
import { BallotCardHead, FinalityNotice, RecordedFinalNote, RecordedReceipt, useFinality, useStepFocus } from './ballot-card-parts';
import { ReceiptCode } from './receipt-code';

interface AssemblyBallotCardProps {
  vote: VoteDetail;
  voter: MyVoter;
  named: boolean;
  stage: VoteStage;
}

/** What the owner has marked so far: a motion's choice, an election's chosen candidates; nothing is blank. */
type Draft = Record<string, MotionChoice | string[] | undefined>;

type Step = { kind: 'filling' } | { kind: 'confirming' } | { kind: 'idle' };

function draftOf(voter: MyVoter): Draft {
  const draft: Draft = {};
  for (const mark of voter.marks ?? []) {
    if (mark.chosen) draft[mark.matter] = mark.chosen;
    else if (mark.choice && (MOTION_CHOICES as readonly string[]).includes(mark.choice)) draft[mark.matter] = mark.choice as MotionChoice;
  }
  return draft;
}

function marksOf(matters: VoteMatter[], draft: Draft): MarkInput[] {
  return matters.flatMap((m): MarkInput[] => {
    const value = draft[m.id];
    if (value === undefined) return [];
    return Array.isArray(value) ? [{ matter: m.id, chosen: value }] : [{ matter: m.id, choice: value }];
  });
}

/**
 * An assembly's ballot (表决票) on a phone: every matter on one card, in the order of the paper —
 * a motion's 同意 / 反对 / 弃权, an election's candidates with a counter that stops at the seats
 * (more names than seats cannot be ticked online). A matter may be left blank: the review says so
 * before anything is sent, and what a blank counts as. One confirmation, one receipt, then what
 * was recorded, matter by matter.
 */
export function AssemblyBallotCard({ vote, voter, named, stage }: AssemblyBallotCardProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const cast = useCastBallot(vote.id);
  const matters = vote.matters ?? [];
  const state = ballotState(voter);
  const [step, setStep] = useState<Step>(state === 'ballot' ? { kind: 'filling' } : { kind: 'idle' });
  const [draft, setDraft] = useState<Draft>(() => draftOf(voter));
  const [justCast, setJustCast] = useState<CastReceipt | null>(null);
  const [error, setError] = useState<string | null>(null);
  const headingId = `ballot-${voter.voterId}`;
  const { refs: { review: reviewHeading, recorded: recordedHeading, fill: fillHeading }, focusOn } = useStepFocus(['review', 'recorded', 'fill'] as const);

  const blanks = matters.filter((m) => draft[m.id] === undefined).length;
  // A secret ballot (a cooperative's or village's, where no matter weighs floor area) keeps no
  // marks with the voter: it says so before casting, and afterwards shows that, not the marks.
  const secret = vote.secrecy === 'secret';
  const finality = useFinality(vote);

  const toggleCandidate = (matter: VoteMatter, candidate: string): void => {
    setDraft((previous) => {
      const chosen = Array.isArray(previous[matter.id]) ? (previous[matter.id] as string[]) : [];
      if (chosen.includes(candidate)) {
        const rest = chosen.filter((c) => c !== candidate);
        return { ...previous, [matter.id]: rest.length ? rest : undefined };
      }
      if (chosen.length >= (matter.seats ?? 0)) return previous;
      return { ...previous, [matter.id]: [...chosen, candidate] };
    });
  };

  const submit = (): void => {
    if (cast.isPending) return;
    setError(null);
    cast.mutate(
      { marks: marksOf(matters, draft), voterId: voter.voterId },
      {
        onSuccess: (receipt) => {
          setJustCast(receipt);
          setStep({ kind: 'idle' });
          focusOn('recorded');
        },
        onError: (failure) => {
          setError(castErrorMessage(failure, t));
          setStep({ kind: 'filling' });
          focusOn('fill');
        },
      },
    );
  };

  const recordedMarks = voter.marks ?? [];
  const showRecorded = step.kind === 'idle' && (state === 'changeable' || state === 'recorded' || justCast !== null);
  const receipt = justCast?.receipt ?? voter.receipt;

  return (
    <section className="ballot-card assembly-ballot" aria-labelledby={headingId}>
      <BallotCardHead voter={voter} named={named} headingId={headingId} error={error} />

      {step.kind === 'filling' && (
        <form
          className="assembly-ballot__form"
          onSubmit={(event) => {
            event.preventDefault();
            setStep({ kind: 'confirming' });
            focusOn('review');
          }}
        >
          <h3 className="ballot-choices__title" ref={fillHeading} tabIndex={-1}>
            {t('votes.assembly.fill', { count: matters.length })}
          </h3>
          <p className="ballot-choices__hint">{t('votes.assembly.blankHint')}</p>
          {matters.map((m, index) => {
            const value = draft[m.id];
            const title = matterTitle(m, language);
            return (
              <fieldset key={m.id} className="assembly-matter">
                <legend className="assembly-matter__title">{t('votes.assembly.matter', { n: index + 1, title })}</legend>
                <p className="assembly-matter__question">{language === 'en' ? m.questionEn || m.question : m.question}</p>
                {vote.attachments.some((a) => a.matterId === m.id) && (
                  <AttachmentList attachments={vote.attachments.filter((a) => a.matterId === m.id)} label={t('votes.assembly.documents', { title })} />
                )}
                {m.kind === 'motion' ? (
                  <div className="assembly-matter__choices">
                    {MOTION_CHOICES.map((c) => (
                      <label key={c} className={`assembly-choice assembly-choice--${c}`}>
                        <input type="radio" name={`${voter.voterId}-${m.id}`} value={c} checked={value === c} onChange={() => setDraft((d) => ({ ...d, [m.id]: c }))} />
                        <span>{t(`votes.choice.${c}`)}</span>
                      </label>
                    ))}
                    {value !== undefined && (
                      <button type="button" className="button button--secondary assembly-matter__clear" onClick={() => setDraft((d) => ({ ...d, [m.id]: undefined }))}>
                        {t('votes.assembly.clear', { title })}
                      </button>
                    )}
                  </div>
                ) : (
                  <>
                    <p className="assembly-matter__counter" aria-live="polite">
                      {t('votes.assembly.counter', { seats: m.seats, count: Array.isArray(value) ? value.length : 0 })}
                    </p>
                    <ul className="plain-list assembly-candidates">
                      {(m.candidates ?? []).map((c) => {
                        const chosen = Array.isArray(value) && value.includes(c.id);
                        const full = Array.isArray(value) && value.length >= (m.seats ?? 0);
                        return (
                          <li key={c.id}>
                            <label className={`assembly-candidate${chosen ? ' assembly-candidate--chosen' : ''}`}>
                              <input type="checkbox" checked={chosen} disabled={!chosen && full} onChange={() => toggleCandidate(m, c.id)} aria-describedby={`${voter.voterId}-${m.id}-${c.id}-about`} />
                              <span className="assembly-candidate__name">{c.name}</span>
                              <span className="assembly-candidate__about" id={`${voter.voterId}-${m.id}-${c.id}-about`}>
                                {language === 'en' ? c.statementEn || c.statement : c.statement}
                              </span>
                            </label>
                          </li>
                        );
                      })}
                    </ul>
                    {Array.isArray(value) && value.length >= (m.seats ?? 0) && <p className="assembly-matter__full">{t('votes.assembly.full', { seats: m.seats })}</p>}
                  </>
                )}
              </fieldset>
            );
          })}
          <p className="ballot-choices__hint">{finality}</p>
          <button type="submit" className="button button--primary button--large button--block">
            {t('votes.assembly.review')}
          </button>
          {state === 'changeable' && (
            <button
              type="button"
              className="button button--secondary button--block"
              onClick={() => {
                setDraft(draftOf(voter));
                setStep({ kind: 'idle' });
                focusOn('recorded');
              }}
            >
              {t('votes.ballot.keep')}
            </button>
          )}
        </form>
      )}

      {step.kind === 'confirming' && (
        <div className="ballot-confirm">
          <h3 className="ballot-confirm__title" ref={reviewHeading} tabIndex={-1}>
            {t('votes.ballot.confirmTitle')}
          </h3>
          <dl className="assembly-review">
            {matters.map((m, index) => {
              const value = draft[m.id];
              const mark = value === undefined ? { matter: m.id, choice: 'blank' as const, chosen: null } : Array.isArray(value) ? { matter: m.id, choice: null, chosen: value } : { matter: m.id, choice: value, chosen: null };
              return (
                <div key={m.id} className={`assembly-review__row${value === undefined ? ' assembly-review__row--blank' : ''}`}>
                  <dt>{t('votes.assembly.matter', { n: index + 1, title: matterTitle(m, language) })}</dt>
                  <dd>{markLabel(m, mark, t)}</dd>
                </div>
              );
            })}
          </dl>
          {blanks > 0 && <p className="notice notice--warning">{t('votes.assembly.blankWarning', { count: blanks })}</p>}
          <FinalityNotice vote={vote} />
          <div className="ballot-confirm__actions">
            <button type="button" className="button button--primary button--large button--block" onClick={submit} aria-disabled={cast.isPending || undefined}>
              {cast.isPending ? t('votes.ballot.sending') : t('votes.assembly.confirm')}
            </button>
            <button
              type="button"
              className="button button--secondary button--block"
              onClick={() => {
                setStep({ kind: 'filling' });
                focusOn('fill');
              }}
            >
              {t('votes.assembly.back')}
            </button>
          </div>
        </div>
      )}

      {showRecorded && (
        <div className="ballot-recorded">
          <h3 className="ballot-recorded__title" ref={recordedHeading} tabIndex={-1}>
            {justCast && !justCast.changed ? t('votes.ballot.alreadyRecorded') : t('votes.ballot.recorded')}
          </h3>
          {secret ? <p className="ballot-recorded__choice">{t('votes.ballot.secretRecorded')}</p> : <RecordedMarks matters={matters} marks={recordedMarks} />}
          <RecordedReceipt vote={vote} receipt={receipt} />
          {state === 'changeable' && (
            <>
              <p className="ballot-recorded__note">{t('votes.ballot.changeUntilClose')}</p>
              <button
                type="button"
                className="button button--secondary button--block"
                onClick={() => {
                  setError(null);
                  setDraft(draftOf(voter));
                  setStep({ kind: 'filling' });
                  focusOn('fill');
                }}
              >
                {t('votes.ballot.change')}
              </button>
            </>
          )}
          <RecordedFinalNote vote={vote} state={state} />
        </div>
      )}

      {(state === 'paper' || state === 'paperSuperseded') && (
        <div className={`notice ${state === 'paper' ? 'notice--info' : 'notice--warning'} ballot-paper`}>
          <p className="notice__text">{state === 'paper' ? t('votes.ballot.paperCounted') : t('votes.ballot.paperSupersededTitle')}</p>
          {state === 'paperSuperseded' && <p>{t('votes.ballot.paperSuperseded', { receipt: voter.supersededReceipt })}</p>}
          {!secret && <RecordedMarks matters={matters} marks={recordedMarks} />}
          {voter.receipt && <ReceiptCode voteId={vote.id} receipt={voter.receipt} />}
        </div>
      )}
      {state === 'notVoted' && <p className="notice">{stage === 'notYetOpen' || stage === 'announced' ? t('votes.ballot.notOpenYet') : t('votes.ballot.notVoted')}</p>}
    </section>
  );
}

/** What was recorded, matter by matter: a choice, 未填写, or the names chosen. */
function RecordedMarks({ matters, marks }: { matters: VoteMatter[]; marks: NonNullable<MyVoter['marks']> }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  if (marks.length === 0) return null;
  return (
    <dl className="assembly-review assembly-review--recorded">
      {matters.map((m, index) => {
        const mark = marks.find((x) => x.matter === m.id) ?? { matter: m.id, choice: 'blank' as const, chosen: null };
        return (
          <div key={m.id} className="assembly-review__row">
            <dt>{t('votes.assembly.matter', { n: index + 1, title: matterTitle(m, language) })}</dt>
            <dd>{markLabel(m, mark, t)}</dd>
          </div>
        );
      })}
    </dl>
  );
}
