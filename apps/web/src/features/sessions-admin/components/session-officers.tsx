import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form/form-alert';
import { SelectField } from '../../../components/form/select-field';
import { TextField } from '../../../components/form/text-field';
import { refusalWords } from '../../../shared/sessions/refusal-words';
import type { Session } from '../../../shared/sessions/sessions-api';
import type { Officer } from '../api/room-admin';
import { useAddGuest, useGuestArrives, useOfficerCandidates, useSetOfficers } from '../api/room-admin';

type Role = Officer['role'];
const ROLES: readonly Role[] = ['chair', 'recorder', 'teller', 'scrutineer'];

/** The body that replaces the officers with `officers`. */
function officersBody(officers: Officer[]) {
  return {
    chairId: officers.find((o) => o.role === 'chair')?.userId ?? null,
    recorderId: officers.find((o) => o.role === 'recorder')?.userId ?? null,
    tellerIds: officers.filter((o) => o.role === 'teller').map((o) => o.userId),
    scrutineerIds: officers.filter((o) => o.role === 'scrutineer').map((o) => o.userId),
  };
}

/** 会议工作人员: who chairs, records, counts and scrutinises, found among the accounts with a role on the units. */
export function OfficersPanel({ session }: { session: Session }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role>('chair');
  const candidates = useOfficerCandidates(session.id, q);
  const save = useSetOfficers(session.id);
  const replace = (next: Officer[]): void => {
    if (!save.isPending) save.mutate(officersBody(next));
  };
  const assign = (candidate: { userId: string; name: string }): void => {
    // The chair and the recorder are single: naming one replaces the one before.
    const kept = session.officers.filter((o) => !(o.userId === candidate.userId && o.role === role) && !((role === 'chair' || role === 'recorder') && o.role === role));
    replace([...kept, { userId: candidate.userId, name: candidate.name, role }]);
  };
  return (
    <section className="card stack" aria-labelledby="officers-title">
      <h2 className="section__title" id="officers-title">
        {t('sessionAdmin.officers.heading')}
      </h2>
      <p>{t('sessionAdmin.officers.explain')}</p>
      {session.officers.length === 0 ? (
        <p className="notice">{t('sessionAdmin.officers.none')}</p>
      ) : (
        <ul className="plain-list stack">
          {session.officers.map((o) => (
            <li key={`${o.role}-${o.userId}`} className="officer-row">
              <span>
                {t(`sessionAdmin.officers.role.${o.role}`)}：{o.name}
              </span>{' '}
              <button type="button" className="button button--link" onClick={() => replace(session.officers.filter((x) => !(x.userId === o.userId && x.role === o.role)))}>
                {t('sessionAdmin.officers.remove', { name: o.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <SelectField label={t('sessionAdmin.officers.as')} value={role} onChange={(e) => setRole(e.target.value as Role)}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`sessionAdmin.officers.role.${r}`)}
          </option>
        ))}
      </SelectField>
      <TextField label={t('sessionAdmin.officers.search')} hint={t('sessionAdmin.officers.searchHint')} value={q} maxLength={50} onChange={(e) => setQ(e.target.value)} />
      {candidates.data && (
        <ul className="plain-list stack">
          {candidates.data.map((c) => (
            <li key={c.userId}>
              <button type="button" className="button button--secondary" onClick={() => assign(c)}>
                {t('sessionAdmin.officers.assign', { name: c.name, tail: c.phoneTail, role: t(`sessionAdmin.officers.role.${role}`) })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {save.isError && <FormAlert>{refusalWords(save.error, t)}</FormAlert>}
    </section>
  );
}

/** 列席: named guests on no roll, invited by those who run the session, checked in at the desk; never counted. */
export function GuestsPanel({ session, manage, desk }: { session: Session; manage: boolean; desk: boolean }) {
  const { t } = useTranslation();
  const add = useAddGuest(session.id);
  const arrive = useGuestArrives(session.id);
  const [name, setName] = useState('');
  const [affiliation, setAffiliation] = useState('');
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (add.isPending || !name.trim()) return;
    add.mutate({ name: name.trim(), ...(affiliation.trim() ? { affiliation: affiliation.trim() } : {}) }, { onSuccess: () => (setName(''), setAffiliation('')) });
  };
  return (
    <section className="card stack" aria-labelledby="guests-title">
      <h2 className="section__title" id="guests-title">
        {t('sessionAdmin.guests.heading')}
      </h2>
      <p>{t('sessionAdmin.guests.explain')}</p>
      <ul className="plain-list stack">
        {session.guests.map((g) => (
          <li key={g.id}>
            {g.name}
            {g.affiliation && `（${g.affiliation}）`} · {g.checkedInAt ? t('sessionAdmin.guests.here') : t('sessionAdmin.guests.notHere')}
            {desk && !g.checkedInAt && (
              <>
                {' '}
                <button type="button" className="button button--secondary" onClick={() => !arrive.isPending && arrive.mutate(g.id)}>
                  {t('sessionAdmin.guests.checkIn', { name: g.name })}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      {arrive.isError && <FormAlert>{refusalWords(arrive.error, t)}</FormAlert>}
      {manage && (
        <form className="stack" onSubmit={submit}>
          <TextField label={t('sessionAdmin.guests.name')} value={name} maxLength={100} onChange={(e) => setName(e.target.value)} required />
          <TextField label={t('sessionAdmin.guests.affiliation')} value={affiliation} maxLength={100} onChange={(e) => setAffiliation(e.target.value)} />
          {add.isError && <FormAlert>{refusalWords(add.error, t)}</FormAlert>}
          <div className="button-row">
            <button type="submit" className="button button--primary" aria-disabled={add.isPending}>
              {t('sessionAdmin.guests.add')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
