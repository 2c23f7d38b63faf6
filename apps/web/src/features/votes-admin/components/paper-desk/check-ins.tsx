import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../../components/form/form-alert';
import { LiveMessage } from '../../../../components/live-message';
import { errorMessage } from '../../../../lib/api-client';
import { conflictReason } from '../../../../lib/api-problems';
import { useCheckIn } from '../../api/papers';
import type { VoteDetail } from '../../api/votes';
import { VoterSearch } from '../voter-search';

/** 会场签到: for the rules that count those present (meetings), a voter signed in on the attendance sheet. */
export function CheckIns({ vote }: { vote: VoteDetail }) {
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
