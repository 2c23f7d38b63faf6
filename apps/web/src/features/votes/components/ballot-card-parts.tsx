import type { RefObject } from 'react';
import { createRef, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyVoter } from '../api/get-vote';

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
