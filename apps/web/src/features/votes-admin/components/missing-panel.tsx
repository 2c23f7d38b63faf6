import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form/form-alert';
import { Loading } from '../../../components/loading';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { errorMessage } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import type { ContactOutcome, MissingScope } from '../api/missing';
import { useMissing, useRecordContact } from '../api/missing';
import './missing-panel.css';

const OUTCOMES: readonly ContactOutcome[] = ['will_come', 'refused', 'not_home'];

/**
 * 谁还没投: a building head's door-to-door list of their own building — who has not taken part,
 * the phone the roll holds, the last visit — printable; a convenor first sees every building's
 * turnout and opens one. Never how anyone voted. Each list opened is in the audit trail.
 */
export function MissingPanel({ voteId, buildings, seesAll }: { voteId: string; buildings: { id: string; name: string }[]; seesAll: boolean }) {
  const { t } = useTranslation();
  const [scope, setScope] = useState<MissingScope>(buildings.length === 1 && !seesAll ? { buildingId: buildings[0]!.id } : null);
  const list = useMissing(voteId, scope);
  const summary = useMissing(voteId, seesAll ? null : scope);
  if (list.isPending) return <Loading />;
  if (list.isError) return <QueryError error={list.error} retrying={list.isFetching} onRetry={() => void list.refetch()} />;
  const data = list.data;
  return (
    <div className="stack missing-panel">
      <p className="section__intro no-print">{t('voteAdmin.missing.intro')}</p>
      {seesAll && summary.data && (
        <table className="table missing-groups no-print">
          <caption>{t('voteAdmin.missing.byBuilding')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('voteAdmin.missing.group')}</th>
              <th scope="col">{t('voteAdmin.missing.turnout')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('voteAdmin.missing.open')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {summary.data.groups.map((g) => (
              <tr key={g.group}>
                <th scope="row">{g.group}</th>
                <td>{t('voteAdmin.missing.votedOf', { voted: g.voted, voters: g.voters })}</td>
                <td>
                  <button type="button" className="button button--secondary button--small" onClick={() => setScope({ group: g.group })}>
                    {t('voteAdmin.missing.openGroup', { group: g.group })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!seesAll && buildings.length > 1 && (
        <div className="button-row no-print">
          {buildings.map((b) => (
            <button key={b.id} type="button" className="button button--secondary" aria-pressed={scope !== null && 'buildingId' in scope && scope.buildingId === b.id} onClick={() => setScope({ buildingId: b.id })}>
              {b.name}
            </button>
          ))}
        </div>
      )}
      {data.group !== null && <MissingList voteId={voteId} scope={scope} />}
    </div>
  );
}

function MissingList({ voteId, scope }: { voteId: string; scope: MissingScope }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const list = useMissing(voteId, scope);
  const record = useRecordContact(voteId, scope);
  if (!list.data || list.data.group === null) return null;
  const data = list.data;
  const buildingId = scope && 'buildingId' in scope ? scope.buildingId : undefined;
  const turnout = data.groups[0];
  return (
    <section className="stack missing-list" aria-labelledby="missing-list-title">
      <h3 className="section__title" id="missing-list-title">
        {t('voteAdmin.missing.listTitle', { group: data.group, title: data.title })}
      </h3>
      <p>
        {turnout && t('voteAdmin.missing.votedOf', { voted: turnout.voted, voters: turnout.voters })} · {t('voteAdmin.missing.closes', { date: formatDateTime(data.closesAt, language) ?? '' })}
        {data.secrecy === 'secret' && ` · ${t('voteAdmin.missing.secret')}`}
      </p>
      {record.isError && <FormAlert>{errorMessage(record.error, t)}</FormAlert>}
      {data.missing.length === 0 ? (
        <p className="notice">{t('voteAdmin.missing.none')}</p>
      ) : (
        <ol className="plain-list missing-people">
          {data.missing.map((p) => (
            <li key={p.voterId} className="card missing-person">
              <p className="missing-person__name">
                <strong>{p.name}</strong> {p.unitLabels.join(' ')}
              </p>
              <p>{p.phone ? <a href={`tel:${p.phone}`}>{p.phone}</a> : t('voteAdmin.missing.noPhone')}</p>
              {p.lastContact && (
                <p className="missing-person__visit">
                  {t(`voteAdmin.missing.outcome.${p.lastContact.outcome}`)} · {p.lastContact.by} · {formatDateTime(p.lastContact.at, language)}
                  {p.lastContact.note && ` · ${p.lastContact.note}`}
                </p>
              )}
              <div className="button-row no-print">
                {OUTCOMES.map((outcome) => (
                  <button
                    key={outcome}
                    type="button"
                    className="button button--secondary button--small"
                    aria-disabled={record.isPending}
                    onClick={() => !record.isPending && record.mutate({ voterId: p.voterId, outcome, ...(buildingId ? { buildingId } : {}) })}
                  >
                    {t(`voteAdmin.missing.record.${outcome}`, { name: p.name })}
                  </button>
                ))}
              </div>
            </li>
          ))}
        </ol>
      )}
      <p className="button-row no-print">
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          {t('voteAdmin.missing.print')}
        </button>
      </p>
    </section>
  );
}
