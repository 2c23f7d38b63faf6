import { useTranslation } from 'react-i18next';
import type { Room, RoomItem } from './room-api';
import type { Session } from './sessions-api';
import './room-parts.css';

/** The item the room is on and, for a draft, the clause being read in full. */
export function CurrentItem({ session, room, large = false }: { session: Session; room: Room; large?: boolean }) {
  const { t } = useTranslation();
  const item = session.agenda.find((a) => a.id === room.currentItemId);
  if (!item) return <p className="notice">{t('sessions.room.none')}</p>;
  return (
    <div className={`current-item${large ? ' current-item--large' : ''}`}>
      <p className="current-item__label">{t('sessions.room.current')}</p>
      <p className="current-item__title">
        {item.position}. {item.title}
      </p>
      {room.clause && (
        <blockquote className="current-item__clause" aria-label={t('sessions.room.clause')}>
          <p className="current-item__clause-number">
            {t('sessions.room.clause')} · {room.clause.heading ?? `#${room.clause.number}`}
          </p>
          <p>{room.clause.body}</p>
        </blockquote>
      )}
    </div>
  );
}

/** A vote item's progress in the room while it is open, its verdict once counted (with the tally's own words). */
export function VoteProgress({ record }: { record: RoomItem }) {
  const { t, i18n } = useTranslation();
  const vote = record.vote;
  if (!vote) return null;
  if (vote.passed !== null) {
    const words = (i18n.language.startsWith('en') ? vote.explanationEn : vote.explanation) ?? [];
    return (
      <div className="vote-progress">
        <p className={`vote-progress__verdict vote-progress__verdict--${vote.passed ? 'passed' : 'failed'}`}>{t(vote.passed ? 'sessions.room.passed' : 'sessions.room.failed')}</p>
        {words.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
    );
  }
  return (
    <div className="vote-progress">
      {vote.openInRoom && <p className="vote-progress__open">{t('sessions.room.voteOpen')}</p>}
      <p>{t('sessions.room.voteProgress', { voted: vote.voted, electorate: vote.electorate, inRoom: vote.votedInRoom })}</p>
      <progress max={Math.max(vote.electorate, 1)} value={vote.voted} aria-label={t('sessions.room.voteProgress', { voted: vote.voted, electorate: vote.electorate, inRoom: vote.votedInRoom })} />
    </div>
  );
}

/** A show of hands, always marked as the room's view and not a legal decision. */
export function HandsRecord({ record }: { record: RoomItem }) {
  const { t } = useTranslation();
  if (!record.hands) return null;
  return <p className="hands-record">{t('sessions.room.hands', { for: record.hands.for, against: record.hands.against, abstain: record.hands.abstain })}</p>;
}

/** Who speaks and who waits. */
export function SpeakerQueue({ room }: { room: Room }) {
  const { t } = useTranslation();
  return (
    <div className="speakers">
      {room.speaking && (
        <p className="speakers__now">
          {t('sessions.room.speaking')}：<strong>{room.speaking.name}</strong>
        </p>
      )}
      <p className="speakers__label">{t('sessions.room.queue')}</p>
      {room.queue.length === 0 ? (
        <p className="notice">{t('sessions.room.queueEmpty')}</p>
      ) : (
        <ol className="speakers__queue">
          {room.queue.map((s) => (
            <li key={s.id}>{s.name}</li>
          ))}
        </ol>
      )}
    </div>
  );
}
