import type { ReactNode } from 'react';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/form/text-field';
import type { VoteVoter } from '../api/papers';
import { useVoteVoters } from '../api/papers';

/** Finds voters of the frozen electorate by name, unit (2-803) or building, for a paper or a proxy. */
export function VoterSearch({ voteId, label, hint, action }: { voteId: string; label: string; hint?: string; action: (voter: VoteVoter) => ReactNode }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const query = useDeferredValue(q.trim());
  const voters = useVoteVoters(voteId, query, '', query.length > 0);
  return (
    <div className="stack voter-search">
      <TextField label={label} hint={hint ?? t('voteAdmin.voters.hint')} type="search" name="voter-search" autoComplete="off" maxLength={50} value={q} onChange={(event) => setQ(event.target.value)} />
      {query.length > 0 && voters.data && (
        <>
          <p className="voter-search__count" role="status">
            {t('voteAdmin.voters.found', { count: voters.data.length })}
          </p>
          {voters.data.length > 0 && (
            <ul className="plain-list voter-list" aria-label={t('voteAdmin.voters.results')}>
              {voters.data.map((voter) => (
                <li key={voter.voterId} className="card voter-row">
                  <p className="voter-row__who">
                    <span className="voter-row__name">{voter.name}</span>
                    <span className="voter-row__units">
                      {voter.group} · {voter.unitLabels.join(t('voteAdmin.listSeparator'))}
                    </span>
                  </p>
                  <p className="voter-row__state">
                    {voter.paperSerial !== null && <span className="badge">{t('voteAdmin.voters.paper', { serial: voter.paperSerial, status: t(`voteAdmin.paperStatus.${voter.paperStatus ?? 'issued'}`) })}</span>}
                    {voter.voted && <span className="badge">{t('voteAdmin.voters.voted', { channel: t(`voteAdmin.channel.${voter.channel ?? 'online'}`) })}</span>}
                  </p>
                  <div className="voter-row__action">{action(voter)}</div>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
