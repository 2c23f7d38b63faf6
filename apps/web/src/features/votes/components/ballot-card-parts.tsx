import type { RefObject } from 'react';
import { createRef, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyVoter, VoteDetail } from '../api/get-vote';
import type { BallotState } from '../utils/vote-state';
import { ReceiptCode } from './receipt-code';

/**
 * Where the focus goes after each step of a ballot, once the step is on screen (the confirmation,
 * the recorded ballot, the choices again): a keyboard or screen-reader user follows the ballot.
 * `refs[target]` goes on each step's heading; `focusOn(target)` moves there after the next render.
 */
export function useStepFocus<T extends string>(targets: readonly T[]): { refs: Record<T, RefObject<HTMLHeadingElement>>; focusOn: (target: T) => void } {
  // One ref object per step, made once: handed to the headings, read only in the effect.
  const [refs] = useState(() => Object.fromEntries(targets.map((target) => [target, createRef<HTMLHeadingElement>()])) as Record<T, RefObject<HTMLHeadingElement>>);
  const [focus, setFocus] = useState<{ target: T; n: number } | null>(null);
  useEffect(() => {
    if (focus) refs[focus.target].current?.focus();
  }, [focus, refs]);
  const focusOn = useMemo(() => (target: T): void => setFocus((previous) => ({ target, n: (previous?.n ?? 0) + 1 })), []);
  return { refs, focusOn };
}

/** The head of one voter's ballot: whose it is (mine, mine by name, or a principal's as their proxy), for which units, and the last refusal. */
export function BallotCardHead({ voter, named, headingId, error }: { voter: MyVoter; named: boolean; headingId: string; error: string | null }) {
  const { t } = useTranslation();
  return (
    <>
      <h2 className="ballot-card__title" id={headingId}>
        {voter.as === 'proxy' ? t('votes.ballot.forPrincipal', { name: voter.name }) : named ? t('votes.ballot.mineNamed', { name: voter.name }) : t('votes.ballot.mine')}
      </h2>
      {voter.unitLabels.length > 0 && <p className="ballot-card__units">{t('votes.ballot.units', { units: voter.unitLabels.join(t('votes.listSeparator')) })}</p>}
      {voter.as === 'proxy' && <p className="ballot-card__units">{t('votes.ballot.proxyNote')}</p>}
      {error && (
        <div className="notice notice--error" role="alert">
          <p className="notice__text">{error}</p>
        </div>
      )}
    </>
  );
}

type Finality = Pick<VoteDetail, 'id' | 'secrecy' | 'allowChange'>;

/** Whether a cast ballot can be changed, in words: final if secret, or if the vote allows no change; else until voting closes. */
export function useFinality(vote: Pick<VoteDetail, 'secrecy' | 'allowChange'>): string {
  const { t } = useTranslation();
  return vote.secrecy === 'secret' ? t('votes.ballot.finalSecret') : vote.allowChange ? t('votes.ballot.changeUntilClose') : t('votes.ballot.finalNamed');
}

/**
 * What the confirmation says about changing the ballot later: a secret ballot or a vote that
 * allows no change is final (a warning), else it may be changed until voting closes (a note).
 * One rule for every kind of ballot card, so the single and the assembly ballot never drift apart.
 */
export function FinalityNotice({ vote }: { vote: Finality }) {
  const finality = useFinality(vote);
  return vote.secrecy === 'secret' || !vote.allowChange ? <p className="notice notice--warning ballot-confirm__final">{finality}</p> : <p className="ballot-confirm__note">{finality}</p>;
}

/**
 * The recorded ballot's receipt: a named ballot shows it whenever it is opened; a secret one was
 * recorded without what was chosen (`secretRecorded`, said by the card), shows its receipt this
 * once only, and afterwards says that it is gone.
 */
export function RecordedReceipt({ vote, receipt }: { vote: Finality; receipt: string | null | undefined }) {
  const { t } = useTranslation();
  const secret = vote.secrecy === 'secret';
  if (receipt) return <ReceiptCode voteId={vote.id} receipt={receipt} onlyNow={secret} />;
  return secret ? <p className="receipt__hint">{t('votes.ballot.secretReceiptGone')}</p> : null;
}

/** Under a named ballot that can no longer be changed: why (voting has closed, or this vote allows no change). */
export function RecordedFinalNote({ vote, state }: { vote: Finality; state: BallotState }) {
  const { t } = useTranslation();
  if (state !== 'recorded' || vote.secrecy === 'secret') return null;
  return <p className="ballot-recorded__note">{vote.allowChange ? t('votes.ballot.closedNoChange') : t('votes.ballot.finalNamed')}</p>;
}
