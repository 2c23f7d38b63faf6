import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form/form-alert';
import { SelectField } from '../../../components/form/select-field';
import { TextAreaField } from '../../../components/form/text-area-field';
import { TextField } from '../../../components/form/text-field';
import { LiveMessage } from '../../../components/live-message';
import type { Room, RoomItem } from '../../../shared/sessions/room-api';
import { useRoom } from '../../../shared/sessions/room-api';
import { CurrentItem, HandsRecord, SpeakerQueue, VoteProgress } from '../../../shared/sessions/room-parts';
import { refusalWords } from '../../../shared/sessions/refusal-words';
import type { AgendaItem, Session } from '../../../shared/sessions/sessions-api';
import { sessionIsOn } from '../../../shared/sessions/sessions-api';
import { useAttendance, usePeople } from '../api/sessions-admin';
import { useConfirmSlip, useDeskSpeaker, useEnterSlip, useNextSpeaker, useRecordHands, useRoomVoting, useSetCurrent, useSetGist, useSlips } from '../api/room-admin';
import '../../../shared/sessions/session-parts.css';

const CHOICES = ['approve', 'oppose', 'abstain'] as const;

interface Powers {
  chair: boolean;
  teller: boolean;
  scrutineer: boolean;
  recorder: boolean;
  desk: boolean;
}

/**
 * 会场控制: what each officer does in the room, item by item — the chair puts an item or a clause
 * on the screen and opens voting in the room (refused without quorum), tellers enter the paper
 * slips and count a show of hands, scrutineers confirm each slip, the recorder notes the gist;
 * the chair calls the next speaker, the desk adds one.
 */
export function RoomControl({ session, desk }: { session: Session; desk: boolean }) {
  const { t } = useTranslation();
  const room = useRoom(session.id, sessionIsOn(session));
  if (!room.data) return null;
  const roles = new Set(room.data.myRoles);
  const powers: Powers = { chair: room.data.mayChair, teller: roles.has('teller'), scrutineer: roles.has('scrutineer'), recorder: room.data.mayRecord, desk };
  if (!powers.chair && !powers.teller && !powers.scrutineer && !powers.recorder && !desk) return null;
  return (
    <section className="card stack" aria-labelledby="room-control-title">
      <h2 className="section__title" id="room-control-title">
        {t('sessionAdmin.room.heading')}
      </h2>
      {room.data.myRoles.length > 0 && <p>{t('sessionAdmin.room.myRoles', { roles: room.data.myRoles.map((r) => t(`sessionAdmin.officers.role.${r}`)).join('、') })}</p>}
      <CurrentItem session={session} room={room.data} />
      <ol className="plain-list stack room-items">
        {session.agenda
          .filter((item) => !item.deferredAt)
          .map((item) => {
            const record = room.data.items.find((r) => r.itemId === item.id);
            return record ? <RoomItemControl key={item.id} session={session} item={item} record={record} room={room.data} powers={powers} /> : null;
          })}
      </ol>
      <SpeakerControl session={session} room={room.data} powers={powers} />
    </section>
  );
}

function RoomItemControl({ session, item, record, room, powers }: { session: Session; item: AgendaItem; record: RoomItem; room: Room; powers: Powers }) {
  const { t } = useTranslation();
  const current = useSetCurrent(session.id);
  const voting = useRoomVoting(session.id);
  const [clauseId, setClauseId] = useState('');
  const onScreen = room.currentItemId === item.id;
  const vote = record.vote;
  return (
    <li className={`room-item stack${onScreen ? ' room-item--current' : ''}`}>
      <h3 className="room-item__title">
        {item.position}. {item.title} <span className="agenda__kind">{t(`sessions.agenda.kind.${item.kind}`)}</span>
      </h3>
      {powers.chair && (
        <div className="button-row">
          <button type="button" className="button button--secondary" aria-pressed={onScreen} onClick={() => !current.isPending && current.mutate({ itemId: item.id })}>
            {t('sessionAdmin.room.show')}
          </button>
          {vote && !vote.roomClosedAt && (
            <button type="button" className="button button--primary" onClick={() => !voting.isPending && voting.mutate({ itemId: item.id, open: !vote.openInRoom })}>
              {t(vote.openInRoom ? 'sessionAdmin.room.closeVoting' : 'sessionAdmin.room.openVoting')}
            </button>
          )}
        </div>
      )}
      {powers.chair && record.clauses.length > 0 && (
        <div className="stack">
          <SelectField label={t('sessionAdmin.room.clause')} value={clauseId} onChange={(e) => setClauseId(e.target.value)}>
            <option value="">{t('sessionAdmin.room.pickClause')}</option>
            {record.clauses.map((c) => (
              <option key={c.id} value={c.id}>
                {c.heading ?? t('sessionAdmin.room.clauseNumber', { number: c.number })}
              </option>
            ))}
          </SelectField>
          <div className="button-row">
            <button type="button" className="button button--secondary" aria-disabled={!clauseId} onClick={() => clauseId && !current.isPending && current.mutate({ itemId: item.id, clauseId })}>
              {t('sessionAdmin.room.readClause')}
            </button>
          </div>
        </div>
      )}
      {(current.isError || voting.isError) && <FormAlert>{refusalWords(current.error ?? voting.error, t)}</FormAlert>}
      {vote && <VoteProgress record={record} />}
      {vote && powers.teller && vote.openInRoom && <SlipEntry sessionId={session.id} itemId={item.id} />}
      {vote && (powers.teller || powers.scrutineer) && <SlipList sessionId={session.id} itemId={item.id} scrutineer={powers.scrutineer} />}
      <HandsRecord record={record} />
      {!vote && powers.teller && !record.hands && <HandsForm sessionId={session.id} itemId={item.id} />}
      {powers.recorder && <GistForm sessionId={session.id} itemId={item.id} gist={record.gist} />}
      {!powers.recorder && record.gist && <p>{t('sessionAdmin.room.gistIs', { gist: record.gist })}</p>}
    </li>
  );
}

/** A teller enters a slip handed in: whose (found by name, unit or household) and what it says. */
function SlipEntry({ sessionId, itemId }: { sessionId: string; itemId: string }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [person, setPerson] = useState<{ personType: 'owner' | 'member'; personId: string; name: string } | null>(null);
  const [choice, setChoice] = useState<string>('');
  const people = usePeople(sessionId, q);
  const enter = useEnterSlip(sessionId, itemId);
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (!person || !choice || enter.isPending) return;
    enter.mutate({ personType: person.personType, personId: person.personId, choice }, { onSuccess: () => (setPerson(null), setChoice(''), setQ('')) });
  };
  return (
    <form className="stack slip-entry" onSubmit={submit} aria-label={t('sessionAdmin.room.slipEntry')}>
      <TextField label={t('sessionAdmin.room.slipWhose')} hint={t('sessionAdmin.desk.searchHint')} value={q} maxLength={50} onChange={(e) => setQ(e.target.value)} />
      {!person &&
        people.data?.map((p) => (
          <button key={`${p.personType}:${p.personId}`} type="button" className="button button--secondary" onClick={() => setPerson({ personType: p.personType, personId: p.personId, name: p.name })}>
            {p.name} · {p.groupLabel}
          </button>
        ))}
      {person && <p>{t('sessionAdmin.room.slipFor', { name: person.name })}</p>}
      <fieldset className="choice-row">
        <legend>{t('sessionAdmin.room.slipSays')}</legend>
        {CHOICES.map((c) => (
          <label key={c} className={`choice${choice === c ? ' choice--selected' : ''}`}>
            <input type="radio" name={`slip-${itemId}`} value={c} checked={choice === c} onChange={() => setChoice(c)} /> {t(`sessions.choice.${c}`)}
          </label>
        ))}
      </fieldset>
      {enter.isError && <FormAlert>{refusalWords(enter.error, t)}</FormAlert>}
      <div className="button-row">
        <button type="submit" className="button button--primary" aria-disabled={!person || !choice || enter.isPending}>
          {t('sessionAdmin.room.enterSlip')}
        </button>
      </div>
    </form>
  );
}

/** The slips of an item: entered ones wait for a scrutineer; refused ones say why. */
function SlipList({ sessionId, itemId, scrutineer }: { sessionId: string; itemId: string; scrutineer: boolean }) {
  const { t } = useTranslation();
  const slips = useSlips(sessionId, itemId, true);
  const confirm = useConfirmSlip(sessionId, itemId);
  if (!slips.data || slips.data.length === 0) return null;
  return (
    <div className="stack">
      <p className="section__subtitle">{t('sessionAdmin.room.slips')}</p>
      <ul className="plain-list stack">
        {slips.data.map((s) => (
          <li key={s.id}>
            {s.name} · {s.choice ? t(`sessions.choice.${s.choice}`, { defaultValue: s.choice }) : '—'} · {t(`sessionAdmin.room.slipStatus.${s.status}`)}
            {s.refusal && ` · ${t(`refusals.${s.refusal}`, { defaultValue: s.refusal })}`}
            {s.supersededReceipt && ` · ${t('sessionAdmin.room.slipSuperseded')}`}
            {scrutineer && s.status === 'entered' && (
              <>
                {' '}
                <button type="button" className="button button--secondary" onClick={() => !confirm.isPending && confirm.mutate(s.id)}>
                  {t('sessionAdmin.room.confirmSlip', { name: s.name })}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      {confirm.isError && <FormAlert>{refusalWords(confirm.error, t)}</FormAlert>}
    </div>
  );
}

/** A teller counts a show of hands: recorded once, marked as the room's view and never a decision. */
function HandsForm({ sessionId, itemId }: { sessionId: string; itemId: string }) {
  const { t } = useTranslation();
  const record = useRecordHands(sessionId);
  const [counts, setCounts] = useState({ for: '', against: '', abstain: '' });
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (record.isPending) return;
    record.mutate({ itemId, for: Number(counts.for || 0), against: Number(counts.against || 0), abstain: Number(counts.abstain || 0) });
  };
  return (
    <form className="stack" onSubmit={submit} aria-label={t('sessionAdmin.room.hands')}>
      <p>{t('sessionAdmin.room.handsExplain')}</p>
      <div className="hands-fields">
        {(['for', 'against', 'abstain'] as const).map((k) => (
          <TextField key={k} label={t(`sessionAdmin.room.handsField.${k}`)} inputMode="numeric" pattern="[0-9]*" value={counts[k]} onChange={(e) => setCounts({ ...counts, [k]: e.target.value.replace(/\D/g, '') })} />
        ))}
      </div>
      {record.isError && <FormAlert>{refusalWords(record.error, t)}</FormAlert>}
      <div className="button-row">
        <button type="submit" className="button button--secondary" aria-disabled={record.isPending}>
          {t('sessionAdmin.room.recordHands')}
        </button>
      </div>
    </form>
  );
}

function GistForm({ sessionId, itemId, gist }: { sessionId: string; itemId: string; gist: string }) {
  const { t } = useTranslation();
  const save = useSetGist(sessionId);
  const [text, setText] = useState(gist);
  return (
    <form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        if (!save.isPending) save.mutate({ itemId, gist: text });
      }}
    >
      <TextAreaField label={t('sessionAdmin.room.gist')} value={text} maxChars={4000} rows={3} onChange={(e) => setText(e.target.value)} />
      {save.isError && <FormAlert>{refusalWords(save.error, t)}</FormAlert>}
      {save.isSuccess && <LiveMessage>{t('sessionAdmin.room.gistSaved')}</LiveMessage>}
      <div className="button-row">
        <button type="submit" className="button button--secondary" aria-disabled={save.isPending}>
          {t('sessionAdmin.room.saveGist')}
        </button>
      </div>
    </form>
  );
}

/** The queue; the chair calls the next speaker; the desk adds someone in the room who asks without a phone. */
function SpeakerControl({ session, room, powers }: { session: Session; room: Room; powers: Powers }) {
  const { t } = useTranslation();
  const next = useNextSpeaker(session.id);
  const add = useDeskSpeaker(session.id);
  const attendance = useAttendance(session.id, powers.desk && sessionIsOn(session));
  const [who, setWho] = useState('');
  const present = powers.desk ? (attendance.data?.entries.filter((e) => !e.leftAt) ?? []) : [];
  const guests = session.guests.filter((g) => g.checkedInAt && !g.leftAt);
  const addSpeaker = (): void => {
    if (!who || add.isPending) return;
    const [kind, id] = who.split(':') as [string, string];
    add.mutate(kind === 'guest' ? { guestId: id } : { personType: kind as 'owner' | 'member', personId: id }, { onSuccess: () => setWho('') });
  };
  return (
    <div className="stack">
      <h3 className="section__subtitle">{t('sessionAdmin.room.speakers')}</h3>
      <SpeakerQueue room={room} />
      {powers.chair && (
        <div className="button-row">
          <button type="button" className="button button--primary" onClick={() => !next.isPending && next.mutate()}>
            {t('sessionAdmin.room.nextSpeaker')}
          </button>
        </div>
      )}
      {powers.desk && (
        <div className="stack">
          <SelectField label={t('sessionAdmin.room.addSpeaker')} value={who} onChange={(e) => setWho(e.target.value)}>
            <option value="">{t('sessionAdmin.room.pickSpeaker')}</option>
            {present.map((e) => (
              <option key={`${e.personType}:${e.personId}`} value={`${e.personType}:${e.personId}`}>
                {e.name} · {e.groupLabel}
              </option>
            ))}
            {guests.map((g) => (
              <option key={g.id} value={`guest:${g.id}`}>
                {g.name}（{t('sessions.room.guest')}）
              </option>
            ))}
          </SelectField>
          <div className="button-row">
            <button type="button" className="button button--secondary" aria-disabled={!who} onClick={addSpeaker}>
              {t('sessionAdmin.room.queueSpeaker')}
            </button>
          </div>
        </div>
      )}
      {(next.isError || add.isError) && <FormAlert>{refusalWords(next.error ?? add.error, t)}</FormAlert>}
    </div>
  );
}
