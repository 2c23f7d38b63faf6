import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButtons } from '../../../components/form/confirm-buttons';
import { FormAlert } from '../../../components/form/form-alert';
import { TextAreaField } from '../../../components/form/text-area-field';
import { TextField } from '../../../components/form/text-field';
import { LiveMessage } from '../../../components/live-message';
import { currentLanguage } from '../../../i18n';
import { formatArea } from '@yishi/domain';
import { ApiError } from '../../../lib/api-client';
import { fieldReasons, refusalReason } from '../../../lib/api-problems';
import { SelectField } from '../../../components/form/select-field';
import { formatDateTime } from '../../../lib/format';
import { QuorumBar } from '../../../shared/sessions/quorum-bar';
import { refusalWords } from '../../../shared/sessions/refusal-words';
import { AgendaList } from '../../../shared/sessions/session-parts';
import type { Session } from '../../../shared/sessions/sessions-api';
import { sessionIsOn } from '../../../shared/sessions/sessions-api';
import type { Attendance, InvitedPerson } from '../api/sessions-admin';
import { useAddAgendaItem, useAgendaCandidates, useAnnounceSession, useDecideShortening, useReorderAgenda, useRequestShortening, useAttendance, useCheckIn, useDeferAgendaItem, useDepart, usePeople, useRecordProxy } from '../api/sessions-admin';
import './sessions-admin.css';

/**
 * 发出通知: the draft's notice goes up, or the refusal says until when the notice must run; a
 * shorter notice is asked of a supervisor with the reason, and a supervisor decides it here.
 */
export function AnnouncePanel({ session }: { session: Session }) {
  const { t } = useTranslation();
  const announce = useAnnounceSession(session.id);
  const ask = useRequestShortening(session.id);
  const decide = useDecideShortening(session.id);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  if (session.status !== 'draft') return null;
  const shortening = session.shortening;
  const tooShort = refusalReason(announce.error) === 'notice_too_short';
  const reasonError = (error: unknown): string => {
    const reasons = fieldReasons(error);
    if (reasons.includes('reasonTooShort')) return t('sessionAdmin.agenda.reasonTooShort');
    if (reasons.includes('reasonFiller')) return t('sessionAdmin.agenda.reasonFiller');
    return refusalWords(error, t);
  };
  return (
    <section className="card stack" aria-labelledby="announce-title">
      <h2 className="section__title" id="announce-title">
        {t('sessionAdmin.announce.heading')}
      </h2>
      <p>{t(`sessionAdmin.announce.explain.${session.kind}`)}</p>
      {announce.isError && <FormAlert>{refusalWords(announce.error, t)}</FormAlert>}
      <div className="button-row">
        <button type="button" className="button button--primary" aria-disabled={announce.isPending} onClick={() => !announce.isPending && announce.mutate()}>
          {t('sessionAdmin.announce.submit')}
        </button>
      </div>
      {shortening && (
        <p>
          {t(`sessionAdmin.shortening.status.${shortening.status}`, { name: shortening.requestedByName, reason: shortening.reason, decider: shortening.decidedByName ?? '', note: shortening.decisionNote ?? '' })}
        </p>
      )}
      {shortening?.mayDecide && (
        <div className="stack" role="group" aria-label={t('sessionAdmin.shortening.decide')}>
          <TextField label={t('sessionAdmin.shortening.note')} value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
          {decide.isError && <FormAlert>{refusalWords(decide.error, t)}</FormAlert>}
          <div className="button-row">
            {(['approved', 'refused'] as const).map((outcome) => (
              <button key={outcome} type="button" className="button button--secondary" aria-disabled={decide.isPending || !note.trim()} onClick={() => note.trim() && !decide.isPending && decide.mutate({ outcome, note: note.trim() })}>
                {t(`sessionAdmin.shortening.${outcome}`)}
              </button>
            ))}
          </div>
        </div>
      )}
      {tooShort && shortening?.status !== 'pending' && (
        <form
          className="stack"
          aria-label={t('sessionAdmin.shortening.ask')}
          onSubmit={(event) => {
            event.preventDefault();
            if (!ask.isPending && reason.trim()) ask.mutate(reason.trim(), { onSuccess: () => setReason('') });
          }}
        >
          <TextAreaField label={t('sessionAdmin.shortening.reason')} hint={t('sessionAdmin.shortening.reasonHint')} value={reason} rows={3} maxChars={500} onChange={(e) => setReason(e.target.value)} />
          {ask.isError && <FormAlert>{reasonError(ask.error)}</FormAlert>}
          <div className="button-row">
            <button type="submit" className="button button--secondary" aria-disabled={ask.isPending || !reason.trim()}>
              {t('sessionAdmin.shortening.ask')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

/**
 * 议程: the agenda; an item to add — a published draft (its 宣讲), a vote (the session is its
 * meeting), a topic residents raised, or a free item — with the reason it cannot wait once the
 * notice is up; moving an item up or down; putting an item off.
 */
export function AgendaEditor({ session }: { session: Session }) {
  const { t } = useTranslation();
  const add = useAddAgendaItem(session.id);
  const defer = useDeferAgendaItem(session.id);
  const reorder = useReorderAgenda(session.id);
  const candidates = useAgendaCandidates(session.id);
  const [source, setSource] = useState('free');
  const [title, setTitle] = useState('');
  const [reason, setReason] = useState('');
  const [deferring, setDeferring] = useState<string | null>(null);
  const [deferReason, setDeferReason] = useState('');
  const late = session.status === 'announced';
  /** The API's checks of the late reason in the words of the field; anything else as a refusal. */
  const addError = (error: unknown): string => {
    const reasons = fieldReasons(error);
    if (reasons.includes('reasonTooShort')) return t('sessionAdmin.agenda.reasonTooShort');
    if (reasons.includes('reasonFiller')) return t('sessionAdmin.agenda.reasonFiller');
    if (reasons.includes('isNotEmpty')) return t('sessionAdmin.agenda.reasonRequired');
    return refusalWords(error, t);
  };
  const linked = candidates.data?.find((c) => `${c.kind}:${c.id}` === source);
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (add.isPending || (!linked && !title.trim())) return;
    const link = linked ? { kind: linked.kind, ...(linked.kind === 'topic' ? { topicId: linked.id } : linked.kind === 'draft' ? { versionId: linked.id } : { voteId: linked.id }) } : { kind: 'free' as const, title: title.trim() };
    add.mutate({ ...link, ...(late ? { urgentReason: reason.trim() } : {}) }, { onSuccess: () => (setTitle(''), setReason(''), setSource('free')) });
  };
  const move = (index: number, by: -1 | 1): void => {
    const ids = session.agenda.map((a) => a.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + by, 0, moved!);
    if (!reorder.isPending) reorder.mutate(ids);
  };
  return (
    <section className="stack" aria-labelledby="agenda-title">
      <h2 className="section__title" id="agenda-title">
        {t('sessions.agenda.heading')}
      </h2>
      <AgendaList agenda={session.agenda} />
      {session.agenda.length > 1 && (
        <ol className="plain-list stack" aria-label={t('sessionAdmin.agenda.order')}>
          {session.agenda.map((item, index) => (
            <li key={item.id} className="button-row">
              <span>
                {index + 1}. {item.title}
              </span>
              <button type="button" className="button button--secondary button--small" aria-disabled={index === 0 || reorder.isPending} onClick={() => index > 0 && move(index, -1)}>
                {t('sessionAdmin.agenda.up', { title: item.title })}
              </button>
              <button type="button" className="button button--secondary button--small" aria-disabled={index === session.agenda.length - 1 || reorder.isPending} onClick={() => index < session.agenda.length - 1 && move(index, 1)}>
                {t('sessionAdmin.agenda.down', { title: item.title })}
              </button>
            </li>
          ))}
        </ol>
      )}
      {reorder.isError && <FormAlert>{refusalWords(reorder.error, t)}</FormAlert>}
      <ul className="plain-list stack">
        {session.agenda
          .filter((item) => !item.deferredAt)
          .map((item) => (
            <li key={item.id}>
              {deferring === item.id ? (
                <form
                  className="stack"
                  noValidate
                  aria-label={t('sessionAdmin.agenda.deferTitle', { title: item.title })}
                  onSubmit={(event) => {
                    event.preventDefault();
                    if (!deferReason.trim() || defer.isPending) return;
                    defer.mutate({ itemId: item.id, reason: deferReason.trim() }, { onSuccess: () => (setDeferring(null), setDeferReason('')) });
                  }}
                >
                  <TextAreaField label={t('sessionAdmin.agenda.deferReason')} name="deferReason" rows={2} maxChars={500} value={deferReason} onChange={(event) => setDeferReason(event.target.value)} />
                  {defer.isError && <FormAlert>{refusalWords(defer.error, t)}</FormAlert>}
                  <ConfirmButtons confirm={t('sessionAdmin.agenda.deferConfirm')} busy={defer.isPending} onCancel={() => setDeferring(null)} />
                </form>
              ) : (
                <button type="button" className="button button--secondary button--small" onClick={() => setDeferring(item.id)}>
                  {t('sessionAdmin.agenda.defer', { title: item.title })}
                </button>
              )}
            </li>
          ))}
      </ul>
      <form className="stack card" noValidate onSubmit={submit} aria-labelledby="agenda-add-title">
        <h3 className="subsection__title" id="agenda-add-title">
          {t('sessionAdmin.agenda.addHeading')}
        </h3>
        {add.isError && <FormAlert>{addError(add.error)}</FormAlert>}
        <SelectField label={t('sessionAdmin.agenda.source')} name="agendaSource" value={source} onChange={(event) => setSource(event.target.value)}>
          <option value="free">{t('sessionAdmin.agenda.free')}</option>
          {candidates.data?.map((c) => (
            <option key={`${c.kind}:${c.id}`} value={`${c.kind}:${c.id}`}>
              {t(`sessions.agenda.kind.${c.kind}`)}：{c.title}
            </option>
          ))}
        </SelectField>
        {!linked && <TextField label={t('sessionAdmin.agenda.title')} name="agendaTitle" autoComplete="off" value={title} onChange={(event) => setTitle(event.target.value)} />}
        {late && <TextAreaField label={t('sessionAdmin.agenda.urgentReason')} hint={t('sessionAdmin.agenda.urgentHint')} name="urgentReason" rows={2} maxChars={500} value={reason} onChange={(event) => setReason(event.target.value)} />}
        <div className="button-row">
          <button type="submit" className="button button--primary" aria-disabled={add.isPending}>
            {t('sessionAdmin.agenda.add')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** 登记书面委托: the person is not here; one who is holds their signed proxy. */
function ProxyForm({ person, sessionId, present, guests, onDone }: { person: InvitedPerson; sessionId: string; present: Attendance['entries']; guests: Attendance['guests']; onDone: () => void }) {
  const { t } = useTranslation();
  const record = useRecordProxy(sessionId);
  const [agent, setAgent] = useState('');
  const [written, setWritten] = useState(false);
  // Those in the room: people of the rolls, and guests on no roll (an owner may authorise anyone; the rule decides).
  const agents = [
    ...present.filter((e) => e.leftAt === null && e.personId !== person.personId).map((e) => ({ key: `${e.personType}:${e.personId}`, type: e.personType, id: e.personId, label: `${e.name} ${e.groupLabel}` })),
    ...guests.filter((g) => g.checkedInAt && !g.leftAt).map((g) => ({ key: `guest:${g.id}`, type: 'guest' as const, id: g.id, label: `${g.name}（${t('sessionAdmin.proxy.guest')}）` })),
  ];
  const error = record.error ? (refusalReason(record.error) === 'proxy_rejected' ? t(`sessionAdmin.proxy.rule.${proxyRule(record.error)}`) : refusalWords(record.error, t)) : null;
  return (
    <form
      className="stack"
      noValidate
      aria-label={t('sessionAdmin.proxy.title', { name: person.name })}
      onSubmit={(event) => {
        event.preventDefault();
        const chosen = agents.find((e) => e.key === agent);
        if (!chosen || record.isPending) return;
        record.mutate({ principalType: person.personType, principalId: person.personId, agentType: chosen.type, agentId: chosen.id, written }, { onSuccess: onDone });
      }}
    >
      <SelectField label={t('sessionAdmin.proxy.agent')} name="agent" value={agent} onChange={(event) => setAgent(event.target.value)}>
        <option value="">{t('sessionAdmin.proxy.choose')}</option>
        {agents.map((e) => (
          <option key={e.key} value={e.key}>
            {e.label}
          </option>
        ))}
      </SelectField>
      <label className="choice">
        <input type="checkbox" name="written" checked={written} onChange={(event) => setWritten(event.target.checked)} />
        <span>{t('sessionAdmin.proxy.written')}</span>
      </label>
      {error && <FormAlert>{error}</FormAlert>}
      <ConfirmButtons confirm={t('sessionAdmin.proxy.submit')} busy={record.isPending} onCancel={onDone} />
    </form>
  );
}

const PROXY_RULES = ['proxy-not-allowed', 'proxy-not-written', 'proxy-agent-is-principal', 'proxy-agent-not-on-roll', 'proxy-agent-no-full-capacity', 'proxy-agent-other-household'] as const;

/** The tally's reason a proxy does not count (details.rule), or 'other'. */
function proxyRule(error: unknown): (typeof PROXY_RULES)[number] | 'other' {
  const rule = error instanceof ApiError ? error.details?.['rule'] : undefined;
  return PROXY_RULES.find((r) => r === rule) ?? 'other';
}

function PersonRow({ person, sessionId, present, guests }: { person: InvitedPerson; sessionId: string; present: Attendance['entries']; guests: Attendance['guests'] }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const checkIn = useCheckIn(sessionId);
  const depart = useDepart(sessionId);
  const who = { personType: person.personType, personId: person.personId };
  const here = person.checkedInAt !== null && person.leftAt === null;
  const error = checkIn.error ?? depart.error;
  const [proxying, setProxying] = useState(false);
  return (
    <li className="card desk-person">
      <p className="desk-person__name">
        <strong>{person.name}</strong> {person.groupLabel} {person.unitLabels.join(' ')}
        {!person.counts && <span className="badge">{t('sessionAdmin.desk.notCounted')}</span>}
      </p>
      {person.checkedInAt && (
        <p className="desk-person__state">
          {person.leftAt ? t('sessionAdmin.desk.left', { time: formatDateTime(person.leftAt, language) ?? '' }) : t('sessionAdmin.desk.here', { time: formatDateTime(person.checkedInAt, language) ?? '' })}
        </p>
      )}
      {error && <FormAlert>{refusalWords(error, t)}</FormAlert>}
      {checkIn.isSuccess && <LiveMessage>{t('sessionAdmin.desk.checkedIn', { name: person.name })}</LiveMessage>}
      <div className="button-row">
        {person.checkedInAt === null && (
          <button type="button" className="button button--primary" aria-disabled={checkIn.isPending} onClick={() => !checkIn.isPending && checkIn.mutate(who)}>
            {t('sessionAdmin.desk.checkIn', { name: person.name })}
          </button>
        )}
        {here && (
          <button type="button" className="button button--secondary" aria-disabled={depart.isPending} onClick={() => !depart.isPending && depart.mutate(who)}>
            {t('sessionAdmin.desk.depart', { name: person.name })}
          </button>
        )}
        {!here && !proxying && (
          <button type="button" className="button button--secondary" onClick={() => setProxying(true)}>
            {t('sessionAdmin.proxy.open', { name: person.name })}
          </button>
        )}
      </div>
      {proxying && <ProxyForm person={person} sessionId={sessionId} present={present} guests={guests} onDone={() => setProxying(false)} />}
    </li>
  );
}

/** 签到台: find a person of the invited rolls by name, unit or household and check them in; who came; the quorum, live. */
export function CheckInDesk({ session }: { session: Session }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  const on = sessionIsOn(session);
  const people = usePeople(session.id, query);
  const attendance = useAttendance(session.id, on);
  return (
    <section className="stack" aria-labelledby="desk-title">
      <h2 className="section__title" id="desk-title">
        {t('sessionAdmin.desk.heading')}
      </h2>
      {!on && <p className="notice">{session.status === 'announced' ? t('sessionAdmin.desk.notYet') : t('sessionAdmin.desk.noNotice')}</p>}
      {on && (
        <>
          <form
            className="desk-search"
            role="search"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              setQuery(typed.trim());
            }}
          >
            <TextField label={t('sessionAdmin.desk.search')} hint={t('sessionAdmin.desk.searchHint')} name="q" autoComplete="off" value={typed} onChange={(event) => setTyped(event.target.value)} />
            <div className="button-row">
              <button type="submit" className="button button--secondary">
                {t('sessionAdmin.desk.find')}
              </button>
            </div>
          </form>
          {people.isSuccess && people.data.length === 0 && <p className="notice">{t('sessionAdmin.desk.nobody')}</p>}
          {people.isSuccess && people.data.length > 0 && (
            <ul className="plain-list stack" aria-label={t('sessionAdmin.desk.results')}>
              {people.data.map((person) => (
                <PersonRow key={`${person.personType}:${person.personId}`} person={person} sessionId={session.id} present={attendance.data?.entries ?? []} guests={attendance.data?.guests ?? []} />
              ))}
            </ul>
          )}
        </>
      )}
      {attendance.isSuccess && (
        <>
          <div className="card">
            <QuorumBar quorum={attendance.data.quorum} />
          </div>
          {attendance.data.proxies.length > 0 && (
            <ul className="plain-list" aria-label={t('sessionAdmin.proxy.listLabel')}>
              {attendance.data.proxies.map((p) => (
                <li key={`${p.principalType}:${p.principalId}`}>
                  {t(p.counted ? 'sessionAdmin.proxy.counted' : 'sessionAdmin.proxy.notCounted', { principal: p.principalName, agent: p.agentName })}
                </li>
              ))}
            </ul>
          )}
          <h3 className="subsection__title">{t('sessionAdmin.desk.list', { count: attendance.data.entries.length })}</h3>
          <table className="data-table desk-list">
            <thead>
              <tr>
                <th scope="col">{t('sessionAdmin.desk.col.name')}</th>
                <th scope="col">{t('sessionAdmin.desk.col.carries')}</th>
                <th scope="col">{t('sessionAdmin.desk.col.time')}</th>
              </tr>
            </thead>
            <tbody>
              {attendance.data.entries.map((e) => (
                <tr key={`${e.personType}:${e.personId}`} className={e.leftAt ? 'desk-list__left' : undefined}>
                  <th scope="row">
                    {e.name} <span className="desk-list__group">{e.groupLabel}</span>
                  </th>
                  <td>{e.personType === 'owner' ? t('sessionAdmin.desk.area', { area: formatArea(e.area) }) : e.counted ? t('sessionAdmin.desk.counts') : t('sessionAdmin.desk.notCounted')}</td>
                  <td>{e.leftAt ? t('sessionAdmin.desk.left', { time: formatDateTime(e.leftAt, language) ?? '' }) : formatDateTime(e.checkedInAt, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
