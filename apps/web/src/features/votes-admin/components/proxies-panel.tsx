import type { TFunction } from 'i18next';
import type { FormEvent } from 'react';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FileField } from '../../../components/form/file-field';
import { FormAlert } from '../../../components/form/form-alert';
import { TextField } from '../../../components/form/text-field';
import { LiveMessage } from '../../../components/live-message';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { errorMessage } from '../../../lib/api-client';
import { conflictReason, invalidFieldPaths } from '../../../lib/api-problems';
import { formatDateTime } from '../../../lib/format';
import { useFocusFirstError } from '../../../lib/forms';
import { isMainlandMobile, normalisePhone } from '../../../lib/phone';
import { checkFile, megabytes } from '../../../lib/upload';
import type { VoteVoter } from '../api/papers';
import { SCAN_EXTENSIONS, SCAN_MAX_BYTES } from '../api/papers';
import type { ProxyView } from '../api/proxies';
import { proxyScanHref, useProxies, useRecordProxy, useRevokeProxy } from '../api/proxies';
import type { VoteDetail } from '../api/votes';
import { ReasonForm } from './vote-common';
import { Loading } from '../../../components/loading';
import { VoterSearch } from './voter-search';
import { Section } from '../../../components/section';

type AgentKind = 'voter' | 'phone' | 'name';

function recordError(error: unknown, t: TFunction): string {
  const reason = conflictReason(error);
  if (reason === 'proxy_exists' || reason === 'proxy_cap_reached' || reason === 'not_open' || reason === 'closed') return t(`voteAdmin.proxies.errors.${reason}`);
  const fields = invalidFieldPaths(error);
  if (fields.includes('agentPhone')) return t('voteAdmin.proxies.errors.noAccount');
  if (fields.includes('file')) return t('voteAdmin.proxies.errors.file');
  if (fields.includes('principalVoterId') || fields.includes('agentVoterId')) return t('voteAdmin.proxies.errors.notInElectorate');
  return errorMessage(error, t);
}

/** How the rule judged a proxy: accepted, or refused with the count's own reason. */
function ProxyVerdict({ proxy }: { proxy: ProxyView }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  if (proxy.revokedAt) return <span className="badge">{t('voteAdmin.proxies.revoked')}</span>;
  if (proxy.status === 'accepted') return <span className="badge proxy-badge--accepted">{t('voteAdmin.proxies.accepted')}</span>;
  return (
    <>
      <span className="badge proxy-badge--rejected">{t('voteAdmin.proxies.rejected')}</span>
      <span className="proxy-reason">{t('voteAdmin.proxies.because', { reason: (language === 'en' ? proxy.reasonEn : proxy.reasonZh) ?? '' })}</span>
    </>
  );
}

function RecordProxy({ vote }: { vote: VoteDetail }) {
  const { t } = useTranslation();
  const titleId = useId();
  const form = useRef<HTMLFormElement>(null);
  const record = useRecordProxy(vote.id);
  const [principal, setPrincipal] = useState<VoteVoter | null>(null);
  const [agentKind, setAgentKind] = useState<AgentKind>('voter');
  const [agent, setAgent] = useState<VoteVoter | null>(null);
  const [phone, setPhone] = useState('');
  const [name, setName] = useState('');
  const [written, setWritten] = useState(true);
  const [file, setFile] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const [errors, setErrors] = useState<Partial<Record<'principal' | 'agent' | 'file', string>>>({});
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState<ProxyView | null>(null);
  useFocusFirstError(form, attempt);

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (record.isPending) return;
    const found: typeof errors = {};
    if (!principal) found.principal = t('voteAdmin.proxies.errors.principalRequired');
    if (agentKind === 'voter' && !agent) found.agent = t('voteAdmin.proxies.errors.agentRequired');
    if (agentKind === 'phone' && !isMainlandMobile(normalisePhone(phone))) found.agent = t('voteAdmin.proxies.errors.phone');
    if (agentKind === 'name' && !name.trim()) found.agent = t('voteAdmin.proxies.errors.nameRequired');
    if (written && !file) found.file = t('voteAdmin.proxies.errors.fileRequired');
    if (file) {
      const problem = checkFile(file, { maxBytes: SCAN_MAX_BYTES, extensions: SCAN_EXTENSIONS });
      if (problem) found.file = problem.kind === 'tooLarge' ? t('voteAdmin.entry.errors.fileTooLarge', { mb: megabytes(SCAN_MAX_BYTES) }) : t('voteAdmin.entry.errors.fileType');
    }
    setErrors(found);
    setSaved(null);
    if (Object.keys(found).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    record.mutate(
      {
        principalVoterId: principal!.voterId,
        agentVoterId: agentKind === 'voter' ? agent!.voterId : '',
        agentPhone: agentKind === 'phone' ? normalisePhone(phone) : '',
        agentName: agentKind === 'name' ? name.trim() : '',
        written,
        file: written ? file : null,
      },
      {
        onSuccess: (proxy) => {
          setSaved(proxy);
          setPrincipal(null);
          setAgent(null);
          setPhone('');
          setName('');
          setFile(null);
          setFileKey((k) => k + 1);
        },
        onError: () => setAttempt((n) => n + 1),
      },
    );
  };

  return (
    <section className="section" aria-labelledby={titleId}>
      <h3 className="subsection__title" id={titleId}>
        {t('voteAdmin.proxies.recordHeading')}
      </h3>
      <LiveMessage tone={saved?.status === 'rejected' ? 'error' : 'success'}>
        {saved && (
          <>
            {t(saved.status === 'accepted' ? 'voteAdmin.proxies.savedAccepted' : 'voteAdmin.proxies.savedRejected', { principal: saved.principalName, agent: saved.agentName })} <ProxyVerdict proxy={saved} />
          </>
        )}
      </LiveMessage>
      <p className="section__intro">{t('voteAdmin.proxies.scope', { title: vote.title })}</p>
      <form ref={form} className="stack" noValidate onSubmit={submit} aria-labelledby={titleId}>
        {record.isError && <FormAlert>{recordError(record.error, t)}</FormAlert>}
        <div className={`field${errors.principal ? ' field--invalid' : ''}`}>
          <p className="field__label">{t('voteAdmin.proxies.principal')}</p>
          {errors.principal && <p className="field__error">{errors.principal}</p>}
          {principal ? (
            <p className="proxy-chosen">
              {principal.name} · {principal.unitLabels.join(t('voteAdmin.listSeparator'))}{' '}
              <button type="button" className="button button--secondary button--small" onClick={() => setPrincipal(null)}>
                {t('voteAdmin.proxies.change')}
              </button>
            </p>
          ) : (
            <VoterSearch
              voteId={vote.id}
              label={t('voteAdmin.proxies.findPrincipal')}
              action={(voter) => (
                <button type="button" className="button button--secondary button--small" aria-invalid={errors.principal ? true : undefined} onClick={() => setPrincipal(voter)}>
                  {t('voteAdmin.proxies.pickPrincipal', { name: voter.name })}
                </button>
              )}
            />
          )}
        </div>
        <fieldset className={`field choice-group${errors.agent ? ' field--invalid' : ''}`}>
          <legend className="field__label">{t('voteAdmin.proxies.agent')}</legend>
          {errors.agent && <p className="field__error">{errors.agent}</p>}
          {(['voter', 'phone', 'name'] as const).map((kind) => (
            <label key={kind} className="choice">
              <input type="radio" name="agent-kind" checked={agentKind === kind} onChange={() => setAgentKind(kind)} />
              <span>{t(`voteAdmin.proxies.agentKind.${kind}`)}</span>
            </label>
          ))}
        </fieldset>
        {agentKind === 'voter' &&
          (agent ? (
            <p className="proxy-chosen">
              {agent.name} · {agent.unitLabels.join(t('voteAdmin.listSeparator'))}{' '}
              <button type="button" className="button button--secondary button--small" onClick={() => setAgent(null)}>
                {t('voteAdmin.proxies.change')}
              </button>
            </p>
          ) : (
            <VoterSearch
              voteId={vote.id}
              label={t('voteAdmin.proxies.findAgent')}
              action={(voter) => (
                <button type="button" className="button button--secondary button--small" onClick={() => setAgent(voter)}>
                  {t('voteAdmin.proxies.pickAgent', { name: voter.name })}
                </button>
              )}
            />
          ))}
        {agentKind === 'phone' && <TextField label={t('voteAdmin.proxies.agentPhone')} hint={t('voteAdmin.proxies.agentPhoneHint')} type="tel" name="agent-phone" inputMode="numeric" autoComplete="off" value={phone} onChange={(event) => setPhone(event.target.value)} />}
        {agentKind === 'name' && <TextField label={t('voteAdmin.proxies.agentName')} hint={t('voteAdmin.proxies.agentNameHint')} name="agent-name" autoComplete="off" maxLength={50} value={name} onChange={(event) => setName(event.target.value)} />}
        <label className="choice">
          <input type="checkbox" name="written" checked={written} onChange={(event) => setWritten(event.target.checked)} />
          <span>
            {t('voteAdmin.proxies.written')}
            <span className="choice__hint">{t('voteAdmin.proxies.writtenHint')}</span>
          </span>
        </label>
        {written && (
          <FileField
            key={fileKey}
            label={t('voteAdmin.proxies.scan')}
            hint={t('voteAdmin.entry.scanHint', { mb: megabytes(SCAN_MAX_BYTES) })}
            name="proxy-scan"
            accept={SCAN_EXTENSIONS.join(',')}
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            error={errors.file ?? null}
          />
        )}
        <div className="button-row">
          <button type="submit" className="button button--primary" aria-disabled={record.isPending}>
            {record.isPending ? t('voteAdmin.proxies.saving') : t('voteAdmin.proxies.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

function ProxyItem({ vote, proxy }: { vote: VoteDetail; proxy: ProxyView }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const revoke = useRevokeProxy(vote.id);
  const [revoking, setRevoking] = useState(false);
  const live = vote.status === 'open' || vote.status === 'counting';
  return (
    <li className="card proxy-item">
      <p className="proxy-item__who">{t('voteAdmin.proxies.line', { principal: proxy.principalName, agent: proxy.agentName })}</p>
      <p className="proxy-item__state">
        <ProxyVerdict proxy={proxy} />
      </p>
      <p className="proxy-item__meta">
        {proxy.written ? t('voteAdmin.proxies.isWritten') : t('voteAdmin.proxies.notWritten')}
        {' · '}
        {t('voteAdmin.proxies.recorded', { at: formatDateTime(proxy.recordedAt, language) ?? '', by: proxy.recordedBy ?? '' })}
        {proxy.hasScan && (
          <>
            {' · '}
            <a href={proxyScanHref(vote.id, proxy.id)} target="_blank" rel="noreferrer">
              {t('voteAdmin.proxies.viewScan')}
            </a>
          </>
        )}
      </p>
      {vote.canManage && live && proxy.status === 'accepted' && !proxy.revokedAt && !revoking && (
        <div className="button-row">
          <button type="button" className="button button--secondary button--small" onClick={() => setRevoking(true)}>
            {t('voteAdmin.proxies.revoke')}
          </button>
        </div>
      )}
      {revoking && (
        <ReasonForm
          label={t('voteAdmin.proxies.revokeReason')}
          hint={t('voteAdmin.proxies.revokeHint')}
          submitLabel={t('voteAdmin.proxies.confirmRevoke')}
          pendingLabel={t('voteAdmin.proxies.saving')}
          pending={revoke.isPending}
          error={revoke.error}
          onCancel={() => setRevoking(false)}
          onSubmit={(reason) => revoke.mutate({ proxyId: proxy.id, reason }, { onSuccess: () => setRevoking(false) })}
        />
      )}
    </li>
  );
}

/** 委托: what the rule allows, recording a written authorisation (checked at once), the list, revoking. */
export function ProxiesPanel({ vote }: { vote: VoteDetail }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const list = useProxies(vote.id, true);
  if (list.isPending) return <Loading />;
  if (list.isError) return <QueryError error={list.error} retrying={list.isFetching} onRetry={() => void list.refetch()} />;
  const data = list.data;
  const live = vote.status === 'open' || vote.status === 'counting';
  return (
    <div className="stack proxies-panel">
      <Section titleId="proxy-rule-title" title={t('voteAdmin.proxies.heading')}>
        <p className="notice notice--info">{language === 'en' ? data.basisEn : data.basisZh}</p>
        <p>{t('voteAdmin.proxies.cap', { count: data.proxyCap })}</p>
      </Section>
      {vote.canManage && live && data.regime !== 'none' && <RecordProxy vote={vote} />}
      {vote.canManage && live && data.regime === 'none' && <p className="notice">{t('voteAdmin.proxies.noneAllowed')}</p>}
      {!live && vote.status === 'scheduled' && <p className="notice">{t('voteAdmin.proxies.notOpen')}</p>}
      <section className="section" aria-labelledby="proxy-list-title">
        <h3 className="subsection__title" id="proxy-list-title">
          {t('voteAdmin.proxies.listHeading', { count: data.proxies.length })}
        </h3>
        {data.proxies.length === 0 ? (
          <p className="notice">{t('voteAdmin.proxies.empty')}</p>
        ) : (
          <ul className="plain-list proxy-list">
            {data.proxies.map((proxy) => (
              <ProxyItem key={proxy.id} vote={vote} proxy={proxy} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
