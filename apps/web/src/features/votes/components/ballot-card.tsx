import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReadAloud } from '../../../components/read-aloud';
import { currentLanguage } from '../../../i18n';
import type { CastReceipt } from '../api/cast-ballot';
import { useCastBallot } from '../api/cast-ballot';
import type { MyVoter, VoteDetail } from '../api/get-vote';
import { castErrorMessage } from '../utils/cast-errors';
import type { VoteStage } from '../utils/vote-state';
import { ballotState, choiceLabel, choicesOf, isMotionChoice } from '../utils/vote-state';
import { BallotCardHead, FinalityNotice, RecordedFinalNote, RecordedReceipt, useFinality, useStepFocus } from './ballot-card-parts';
import { ReceiptCode } from './receipt-code';

interface BallotCardProps {
  vote: VoteDetail;
  voter: MyVoter;
  /** Several voters on the page (own entries and proxies): each card says whose it is. */
  named: boolean;
  stage: VoteStage;
}

type Step = { kind: 'idle' } | { kind: 'choosing' } | { kind: 'confirming'; choice: string };

/**
 * One voter's ballot. From a notification it takes two taps here: a choice, then 确认投票 — one
 * confirmation step, which says plainly whether the ballot can be changed afterwards. Then
 * 「您的选票已记录」 with the receipt; where the vote allows it, 更改选票 until it closes.
 */
export function BallotCard({ vote, voter, named, stage }: BallotCardProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const cast = useCastBallot(vote.id);
  const state = ballotState(voter);
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [justCast, setJustCast] = useState<CastReceipt | null>(null);
  const [error, setError] = useState<string | null>(null);
  const headingId = `ballot-${voter.voterId}`;
  const secret = vote.secrecy === 'secret';

  const { refs: { confirm: confirmHeading, recorded: recordedHeading, choices: choicesHeading }, focusOn } = useStepFocus(['confirm', 'recorded', 'choices'] as const);

  const choose = (choice: string): void => {
    setError(null);
    setStep({ kind: 'confirming', choice });
    focusOn('confirm');
  };

  const confirm = (choice: string): void => {
    if (cast.isPending) return;
    setError(null);
    cast.mutate(
      { choice, voterId: voter.voterId },
      {
        onSuccess: (receipt) => {
          setJustCast(receipt);
          setStep({ kind: 'idle' });
          focusOn('recorded');
        },
        onError: (failure) => {
          setError(castErrorMessage(failure, t));
          setStep({ kind: 'idle' });
          focusOn(state === 'ballot' ? 'choices' : 'recorded');
        },
      },
    );
  };

  const label = (choice: string): string => choiceLabel(vote, choice, t, language);
  const castNow = justCast !== null;
  const showChoices = step.kind === 'choosing' || (state === 'ballot' && step.kind === 'idle' && !castNow);
  const receipt = justCast?.receipt ?? voter.receipt;
  // Right after casting, before the vote is read again, the ballot shows as recorded already.
  const recorded = step.kind === 'idle' && (state === 'changeable' || state === 'recorded' || (castNow && state === 'ballot'));
  const finality = useFinality(vote);

  return (
    <section className="ballot-card" aria-labelledby={headingId}>
      <BallotCardHead voter={voter} named={named} headingId={headingId} error={error} />

      {showChoices && (
        <div className="ballot-choices">
          <h3 className="ballot-choices__title" ref={choicesHeading} tabIndex={-1}>
            {step.kind === 'choosing' ? t('votes.ballot.chooseAgain') : t('votes.ballot.choose')}
          </h3>
          <p className="ballot-choices__hint">{finality}</p>
          <ul className="plain-list ballot-choices__list">
            {choicesOf(vote).map((choice) => (
              <li key={choice}>
                <button
                  type="button"
                  className={`ballot-choice ballot-choice--${isMotionChoice(choice) ? choice : 'option'}`}
                  onClick={() => choose(choice)}
                  aria-describedby={voter.choice === choice ? `${headingId}-current` : undefined}
                >
                  {label(choice)}
                  {voter.choice === choice && (
                    <span className="ballot-choice__current" id={`${headingId}-current`}>
                      {t('votes.ballot.currentChoice')}
                    </span>
                  )}
                </button>
              </li>
            ))}
          </ul>
          {/* After the choices, so the keyboard reaches the choices first. */}
          <ReadAloud text={`${t('votes.ballot.choose')}：${choicesOf(vote).map(label).join('；')}。${finality}`} label={t('readAloud.choices')} />
          {step.kind === 'choosing' && (
            <button
              type="button"
              className="button button--secondary button--block"
              onClick={() => {
                setStep({ kind: 'idle' });
                focusOn('recorded');
              }}
            >
              {t('votes.ballot.keep')}
            </button>
          )}
        </div>
      )}

      {step.kind === 'confirming' && (
        <div className="ballot-confirm">
          <h3 className="ballot-confirm__title" ref={confirmHeading} tabIndex={-1}>
            {t('votes.ballot.confirmTitle')}
          </h3>
          <p className="ballot-confirm__choice">
            {t('votes.ballot.yourChoice')}
            <strong className={`ballot-confirm__value ballot-confirm__value--${isMotionChoice(step.choice) ? step.choice : 'option'}`}>{label(step.choice)}</strong>
          </p>
          <FinalityNotice vote={vote} />
          <div className="ballot-confirm__actions">
            <button type="button" className="button button--primary button--large button--block" onClick={() => confirm(step.choice)} aria-disabled={cast.isPending || undefined}>
              {cast.isPending ? t('votes.ballot.sending') : t('votes.ballot.confirm', { choice: label(step.choice) })}
            </button>
            <button
              type="button"
              className="button button--secondary button--block"
              onClick={() => {
                setStep({ kind: state === 'ballot' ? 'idle' : 'choosing' });
                focusOn('choices');
              }}
            >
              {t('votes.ballot.back')}
            </button>
          </div>
        </div>
      )}

      {recorded && (
        <div className="ballot-recorded">
          <h3 className="ballot-recorded__title" ref={recordedHeading} tabIndex={-1}>
            {justCast && !justCast.changed ? t('votes.ballot.alreadyRecorded') : t('votes.ballot.recorded')}
          </h3>
          {!secret && voter.choice && (
            <p className="ballot-recorded__choice">
              {t('votes.ballot.youChose')}
              <strong>{label(voter.choice)}</strong>
            </p>
          )}
          {secret && <p className="ballot-recorded__choice">{t('votes.ballot.secretRecorded')}</p>}
          <RecordedReceipt vote={vote} receipt={receipt} />
          {state === 'changeable' && (
            <>
              <p className="ballot-recorded__note">{t('votes.ballot.changeUntilClose')}</p>
              <button
                type="button"
                className="button button--secondary button--block"
                onClick={() => {
                  setError(null);
                  setStep({ kind: 'choosing' });
                  focusOn('choices');
                }}
              >
                {t('votes.ballot.change')}
              </button>
            </>
          )}
          <RecordedFinalNote vote={vote} state={state} />
        </div>
      )}

      {state === 'paperSuperseded' && (
        <div className="notice notice--warning ballot-paper" role="note">
          <p className="notice__text">{t('votes.ballot.paperSupersededTitle')}</p>
          <p>{t('votes.ballot.paperSuperseded', { receipt: voter.supersededReceipt })}</p>
          {voter.choice && !secret && <p>{t('votes.ballot.paperChoice', { choice: label(voter.choice) })}</p>}
          {voter.receipt && <ReceiptCode voteId={vote.id} receipt={voter.receipt} />}
        </div>
      )}
      {state === 'paper' && (
        <div className="notice notice--info ballot-paper">
          <p className="notice__text">{voter.channel === 'meeting' ? t('votes.ballot.meetingCounted') : t('votes.ballot.paperCounted')}</p>
          {voter.choice && !secret && <p>{t('votes.ballot.paperChoice', { choice: label(voter.choice) })}</p>}
          {voter.receipt && <ReceiptCode voteId={vote.id} receipt={voter.receipt} />}
        </div>
      )}
      {state === 'notVoted' && <p className="notice">{stage === 'notYetOpen' || stage === 'announced' ? t('votes.ballot.notOpenYet') : t('votes.ballot.notVoted')}</p>}
    </section>
  );
}
