import { OUTBOUND_KINDS } from '@yishi/contracts';
import type { MessageChannel, OutboundKind } from '@yishi/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form/form-alert';
import { QueryError } from '../../../components/query-error';
import { Loading } from '../../../components/loading';
import { formatDateTime } from '../../../lib/format';
import { currentLanguage } from '../../../i18n';
import type { MessagePreferences } from '../api/message-preferences';
import { useMessagePreferences, useSetMessagePreferences, useStartWechatBinding, useUnbindWechat } from '../api/message-preferences';
import './message-settings.css';
import { refusalWords } from '../../../shared/sessions/refusal-words';

/**
 * How notices reach me beyond the inbox: by SMS (the default), by WeChat once bound, or only in the
 * app; which kinds to keep to the inbox; and the latest texts sent to me with what became of them.
 */
export function MessageSettings({ wechatOutcome }: { wechatOutcome: 'bound' | 'failed' | null }) {
  const { t } = useTranslation();
  const query = useMessagePreferences();
  if (query.isPending) return <Loading />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <div className="stack message-settings">
      {wechatOutcome === 'bound' && (
        <p className="notice notice--success" role="status">
          {t('me.messages.wechatBound')}
        </p>
      )}
      {wechatOutcome === 'failed' && <FormAlert>{t('refusals.wechat_binding_failed')}</FormAlert>}
      {/* Unbinding WeChat moves the channel to SMS: the form starts again from what is saved. */}
      <PreferencesForm key={String(query.data.wechatBound)} prefs={query.data} />
      <WechatBinding prefs={query.data} />
      <RecentTexts prefs={query.data} />
    </div>
  );
}

function PreferencesForm({ prefs }: { prefs: MessagePreferences }) {
  const { t } = useTranslation();
  const save = useSetMessagePreferences();
  const [channel, setChannel] = useState<MessageChannel>(prefs.channel);
  const [muted, setMuted] = useState<OutboundKind[]>(prefs.mutedKinds);
  const [saved, setSaved] = useState(false);
  const hintId = useId();

  // SMS first (the default), WeChat where the server has it, the app only last.
  const channels = (['sms', 'wechat', 'app'] as const satisfies readonly MessageChannel[]).filter((c) => c !== 'wechat' || prefs.wechatAvailable);
  const toggle = (kind: OutboundKind, on: boolean): void => {
    setSaved(false);
    setMuted((list) => (on ? list.filter((k) => k !== kind) : [...list, kind]));
  };
  const submit = (event: React.FormEvent): void => {
    event.preventDefault();
    setSaved(false);
    save.mutate({ channel, mutedKinds: muted }, { onSuccess: () => setSaved(true) });
  };

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <fieldset className="field choice-group">
        <legend className="field__label">{t('me.messages.channelLegend')}</legend>
        <p className="field__hint" id={hintId}>
          {t('me.messages.channelHint')}
        </p>
        {channels.map((c) => (
          <label key={c} className="choice">
            <input
              type="radio"
              name="message-channel"
              value={c}
              checked={channel === c}
              onChange={() => {
                setSaved(false);
                setChannel(c);
              }}
              aria-describedby={hintId}
            />
            <span>
              {t(`me.messages.channel.${c}`)}
              {c === 'wechat' && !prefs.wechatBound && <span className="message-settings__note">{t('me.messages.wechatFirst')}</span>}
            </span>
          </label>
        ))}
      </fieldset>
      {channel !== 'app' && (
        <fieldset className="field choice-group">
          <legend className="field__label">{t('me.messages.kindsLegend')}</legend>
          {OUTBOUND_KINDS.map((kind) => (
            <label key={kind} className="choice">
              <input type="checkbox" checked={!muted.includes(kind)} onChange={(e) => toggle(kind, e.target.checked)} />
              <span>{t(`me.messages.kind.${kind}`)}</span>
            </label>
          ))}
        </fieldset>
      )}
      {save.isError && <FormAlert>{refusalWords(save.error, t)}</FormAlert>}
      {saved && (
        <p className="notice notice--success" role="status">
          {t('me.messages.saved')}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button--primary" aria-disabled={save.isPending}>
          {t('me.messages.save')}
        </button>
      </div>
    </form>
  );
}

function WechatBinding({ prefs }: { prefs: MessagePreferences }) {
  const { t } = useTranslation();
  const start = useStartWechatBinding();
  const unbind = useUnbindWechat();
  if (!prefs.wechatAvailable) return null;
  const bind = (): void => start.mutate(undefined, { onSuccess: (data) => window.location.assign(data.authorizeUrl) });
  return (
    <section className="stack" aria-labelledby="wechat-binding">
      <h3 id="wechat-binding" className="message-settings__heading">
        {t('me.messages.wechatHeading')}
      </h3>
      <p>{prefs.wechatBound ? t('me.messages.wechatIsBound') : t('me.messages.wechatIntro')}</p>
      {(start.isError || unbind.isError) && <FormAlert>{refusalWords(start.error ?? unbind.error, t)}</FormAlert>}
      <div className="button-row">
        {prefs.wechatBound ? (
          <button type="button" className="button button--secondary" onClick={() => unbind.mutate()} aria-disabled={unbind.isPending}>
            {t('me.messages.unbind')}
          </button>
        ) : (
          <button type="button" className="button button--secondary" onClick={bind} aria-disabled={start.isPending}>
            {t('me.messages.bind')}
          </button>
        )}
      </div>
    </section>
  );
}

function RecentTexts({ prefs }: { prefs: MessagePreferences }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return (
    <section className="stack" aria-labelledby="recent-texts">
      <h3 id="recent-texts" className="message-settings__heading">
        {t('me.messages.recentHeading')}
      </h3>
      {prefs.recent.length === 0 ? (
        <p>{t('me.messages.recentEmpty')}</p>
      ) : (
        <ul className="message-settings__recent">
          {prefs.recent.map((m) => (
            <li key={m.id} className="message-settings__text">
              <p className="message-settings__meta">
                {t(`me.messages.via.${m.channel}`)} · {formatDateTime(m.sentAt ?? m.createdAt, language)} · <strong>{t(`me.messages.state.${m.state}`)}</strong>
              </p>
              <p>{m.text}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
