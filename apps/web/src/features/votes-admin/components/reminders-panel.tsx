import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form/form-alert';
import { Loading } from '../../../components/loading';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import type { VoteReminders } from '../api/missing';
import { useReminders, useSetReminders } from '../api/missing';
import { REMINDER_CHOICES, reminderFits } from '../utils/reminders';
import { refusalWords } from '../../../shared/sessions/refusal-words';

interface VoteTimes {
  id: string;
  status: string;
  opensAt: string;
  closesAt: string;
}

/**
 * 催投提醒: the times before closing at which everyone who has not taken part is reminded (in the
 * app and by their SMS or WeChat), when each went out and to how many. Those who voted hear nothing.
 */
export function RemindersPanel({ vote }: { vote: VoteTimes }) {
  const { t } = useTranslation();
  const query = useReminders(vote.id);
  if (query.isPending) return <Loading />;
  if (query.isError) return <QueryError error={query.error} retrying={query.isFetching} onRetry={() => void query.refetch()} />;
  return (
    <section className="stack" aria-labelledby="vote-reminders">
      <h2 id="vote-reminders" className="section__title">
        {t('voteAdmin.reminders.heading')}
      </h2>
      <p className="section__intro">{t('voteAdmin.reminders.intro')}</p>
      <ReminderList data={query.data} />
      {(vote.status === 'scheduled' || vote.status === 'open') && <ReminderForm vote={vote} data={query.data} />}
    </section>
  );
}

function ReminderList({ data }: { data: VoteReminders }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  if (data.reminders.length === 0) return <p>{t('voteAdmin.reminders.none')}</p>;
  return (
    <ul className="plain-list">
      {data.reminders.map((r) => (
        <li key={r.hoursBefore}>
          {t('voteAdmin.reminders.before', { count: r.hoursBefore })} · {formatDateTime(r.dueAt, language)} ·{' '}
          {r.sentAt ? t('voteAdmin.reminders.sent', { count: r.recipients ?? 0 }) : t('voteAdmin.reminders.waiting')}
        </li>
      ))}
    </ul>
  );
}

function ReminderForm({ vote, data }: { vote: VoteTimes; data: VoteReminders }) {
  const { t } = useTranslation();
  const save = useSetReminders(vote.id);
  const sent = new Set(data.reminders.filter((r) => r.sentAt).map((r) => r.hoursBefore));
  const [chosen, setChosen] = useState<number[]>(data.reminders.filter((r) => !r.sentAt).map((r) => r.hoursBefore));
  const [saved, setSaved] = useState(false);
  const opens = new Date(vote.opensAt);
  const closes = new Date(vote.closesAt);
  const toggle = (h: number, on: boolean): void => {
    setSaved(false);
    setChosen((list) => (on ? [...list, h] : list.filter((x) => x !== h)));
  };
  return (
    <form
      className="stack"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(chosen, { onSuccess: () => setSaved(true) });
      }}
    >
      <fieldset className="field choice-group">
        <legend className="field__label">{t('voteAdmin.reminders.legend')}</legend>
        {REMINDER_CHOICES.map((h) => {
          const fits = reminderFits(h, opens, closes) && !sent.has(h);
          return (
            <label key={h} className="choice">
              <input type="checkbox" checked={sent.has(h) || chosen.includes(h)} disabled={!fits} onChange={(e) => toggle(h, e.target.checked)} />
              <span>
                {t('voteAdmin.reminders.before', { count: h })}
                {!fits && !sent.has(h) && <span className="choice__hint">{t('voteAdmin.reminders.beforeOpening')}</span>}
              </span>
            </label>
          );
        })}
      </fieldset>
      {save.isError && <FormAlert>{refusalWords(save.error, t)}</FormAlert>}
      {saved && (
        <p className="notice notice--success" role="status">
          {t('voteAdmin.reminders.saved')}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button--primary" aria-disabled={save.isPending}>
          {t('voteAdmin.reminders.save')}
        </button>
      </div>
    </form>
  );
}
