import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormAlert } from '../../../components/form/form-alert';
import { LiveMessage } from '../../../components/live-message';
import type { RoomBallotResult, RoomItem } from '../../../shared/sessions/room-api';
import { minutesPath, sessionMinutesEditPath, sessionRoomPath, useAskToSpeak, useCastInRoom, useRoom, useWithdrawSpeech } from '../../../shared/sessions/room-api';
import { CurrentItem, HandsRecord, SpeakerQueue, VoteProgress } from '../../../shared/sessions/room-parts';
import { refusalWords } from '../../../shared/sessions/refusal-words';
import type { Session } from '../../../shared/sessions/sessions-api';

const CHOICES = ['approve', 'oppose', 'abstain'] as const;

/** The room as a resident in it follows it on their phone: the item on the screen, voting in the room, asking to speak. */
export function RoomPanel({ session }: { session: Session }) {
  const { t } = useTranslation();
  const room = useRoom(session.id, true);
  const ask = useAskToSpeak(session.id);
  const withdraw = useWithdrawSpeech(session.id);
  if (!room.data) return null;
  const open = room.data.items.filter((i) => i.vote?.openInRoom);
  return (
    <section className="stack card" aria-labelledby="room-heading">
      <h2 className="section__title" id="room-heading">
        {t('sessions.room.heading')}
      </h2>
      <CurrentItem session={session} room={room.data} />
      {open.map((record) => (
        <RoomBallot key={record.itemId} sessionId={session.id} record={record} title={session.agenda.find((a) => a.id === record.itemId)?.title ?? ''} />
      ))}
      <SpeakerQueue room={room.data} />
      {(ask.isError || withdraw.isError) && <FormAlert>{refusalWords(ask.error ?? withdraw.error, t)}</FormAlert>}
      <div className="button-row">
        <button type="button" className="button button--secondary" aria-disabled={ask.isPending} onClick={() => !ask.isPending && ask.mutate()}>
          {t('sessions.room.ask')}
        </button>
        <button type="button" className="button button--secondary" aria-disabled={withdraw.isPending} onClick={() => !withdraw.isPending && withdraw.mutate()}>
          {t('sessions.room.withdraw')}
        </button>
      </div>
    </section>
  );
}

/** Voting in the room on my phone: choose, then confirm — the choice and its confirmation in view together. */
function RoomBallot({ sessionId, record, title }: { sessionId: string; record: RoomItem; title: string }) {
  const { t } = useTranslation();
  const cast = useCastInRoom(sessionId);
  const [choice, setChoice] = useState<string | null>(null);
  const [done, setDone] = useState<RoomBallotResult | null>(null);
  const name = `room-ballot-${record.itemId}`;
  return (
    <form
      className="stack room-ballot"
      onSubmit={(event) => {
        event.preventDefault();
        if (!choice || cast.isPending) return;
        cast.mutate({ itemId: record.itemId, choice }, { onSuccess: setDone });
      }}
    >
      <fieldset className="stack">
        <legend className="room-ballot__title">{title}</legend>
        <VoteProgress record={record} />
        <p>{t('sessions.room.choose')}</p>
        <div className="choice-row">
          {CHOICES.map((c) => (
            <label key={c} className={`choice${choice === c ? ' choice--selected' : ''}`}>
              <input type="radio" name={name} value={c} checked={choice === c} onChange={() => setChoice(c)} /> {t(`sessions.choice.${c}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {cast.isError && <FormAlert>{refusalWords(cast.error, t)}</FormAlert>}
      {done && (
        <LiveMessage>
          {!done.changed ? t('sessions.room.unchanged') : done.receipt ? t('sessions.room.recorded', { receipt: done.receipt }) : t('sessions.room.recordedSecret')}
          {done.supersededReceipt ? ` ${t('sessions.room.superseded')}` : ''}
        </LiveMessage>
      )}
      <button type="submit" className="button button--primary" aria-disabled={!choice || cast.isPending}>
        {t('sessions.room.cast')}
      </button>
    </form>
  );
}

/** The show of hands and the link to the minutes, for any session that has them. */
export function RoomRecord({ session }: { session: Session }) {
  const { t } = useTranslation();
  const room = useRoom(session.id, false);
  const hands = room.data?.items.filter((i) => i.hands || i.vote?.passed != null) ?? [];
  return (
    <section className="stack" aria-labelledby="record-heading">
      {hands.length > 0 && (
        <ul className="plain-list stack" id="record-heading">
          {hands.map((record) => (
            <li key={record.itemId}>
              <strong>{session.agenda.find((a) => a.id === record.itemId)?.title}</strong>
              <HandsRecord record={record} />
              <VoteProgress record={record} />
            </li>
          ))}
        </ul>
      )}
      <p className="button-row">
        <Link to={minutesPath(session.id)}>{t('sessions.room.minutesLink')}</Link>
        {room.data && (room.data.myRoles.length > 0 || room.data.mayChair) && <Link to={sessionRoomPath(session.id)}>{t('sessions.room.workbench')}</Link>}
        {room.data?.mayRecord && <Link to={sessionMinutesEditPath(session.id)}>{t('sessions.room.writeMinutes')}</Link>}
      </p>
    </section>
  );
}
