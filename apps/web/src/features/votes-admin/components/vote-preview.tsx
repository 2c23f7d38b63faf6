import type { MatterKind, RuleSetId } from '@yishi/domain';
import { MATTERS, MOTION_CHOICES, noticeEndsAt, RULE_SETS } from '@yishi/domain';
import type { ReactNode } from 'react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form/form-alert';
import { currentLanguage } from '../../../i18n';
import { errorMessage } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import type { CreateVoteRequest } from '../utils/vote-form';
import { durationWords } from '../../../shared/votes/safeguards';
import { windowLength } from '../utils/vote-preview';
import './votes-admin.css';

/**
 * The notice's rows every preview shares: the window and its length, the legal notice from today,
 * a shortening that waits for approval, named or secret, and the documents of the whole vote.
 */
export function ScheduleRows({
  request,
  ruleSet,
  announcedAt,
}: {
  request: Pick<CreateVoteRequest, 'opensAt' | 'closesAt' | 'shorteningReason' | 'secrecy' | 'attachments'>;
  /** The rule set whose notice the vote runs on. */
  ruleSet: RuleSetId;
  announcedAt: Date;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const info = RULE_SETS[ruleSet];
  const when = (iso: string): string => formatDateTime(iso, language) ?? '';
  const ends = noticeEndsAt(ruleSet, announcedAt).toISOString();
  const length = windowLength(request.opensAt, request.closesAt);
  return (
    <>
      <div className="facts__row">
        <dt>{t('voteAdmin.facts.window')}</dt>
        <dd>
          {t('voteAdmin.facts.windowValue', { opens: when(request.opensAt), closes: when(request.closesAt) })}
          <span className="vote-facts__detail">{t('voteAdmin.preview.windowLength', { days: length.days, hours: length.hours })}</span>
        </dd>
      </div>
      <div className="facts__row">
        <dt>{t('voteAdmin.facts.notice')}</dt>
        <dd>{info.noticeDays > 0 ? t('voteAdmin.preview.noticeValue', { count: info.noticeDays, ends: when(ends) }) : t('voteAdmin.preview.noNotice')}</dd>
      </div>
      {request.shorteningReason && (
        <div className="facts__row">
          <dt>{t('voteAdmin.preview.shortening')}</dt>
          <dd>
            <strong>{t('voteAdmin.preview.shorteningValue')}</strong>
            <span className="vote-facts__detail">{t('voteAdmin.shortening.reasonLine', { reason: request.shorteningReason })}</span>
          </dd>
        </div>
      )}
      <div className="facts__row">
        <dt>{t('voteAdmin.facts.ballot')}</dt>
        <dd>{request.secrecy === 'named' ? t('voteAdmin.facts.named') : t('voteAdmin.facts.secret')}</dd>
      </div>
      {request.attachments && request.attachments.length > 0 && (
        <div className="facts__row">
          <dt>{t('voteAdmin.documents.heading')}</dt>
          <dd>
            <ul className="vote-preview__list">
              {request.attachments.map((a) => (
                <li key={a.fileId}>{a.title}</li>
              ))}
            </ul>
          </dd>
        </div>
      )}
    </>
  );
}

/**
 * The frame of a preview before announcing: its heading (focused when it appears), what it is for,
 * the server's refusal if the announcement failed, what is previewed, and 确认发布 / 返回修改.
 */
export function PreviewFrame({
  idPrefix,
  className,
  pending,
  error,
  onBack,
  onConfirm,
  children,
}: {
  idPrefix: string;
  className?: string;
  pending: boolean;
  error: unknown;
  onBack: () => void;
  onConfirm: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className={`stack vote-preview${className ? ` ${className}` : ''}`} aria-labelledby={`${idPrefix}-title`}>
      <h3 className="section__title" id={`${idPrefix}-title`} ref={heading} tabIndex={-1}>
        {t('voteAdmin.preview.heading')}
      </h3>
      <p className="section__intro">{t('voteAdmin.preview.intro')}</p>
      {error !== null && error !== undefined && <FormAlert>{errorMessage(error, t)}</FormAlert>}
      {children}
      <PreviewActions pending={pending} onConfirm={onConfirm} onBack={onBack} />
    </section>
  );
}

/** 公告 as residents will read it: the unit and title, the question, then the facts given (and anything said under them). */
export function NoticeCard({ idPrefix, unitName, title, question, children, after }: { idPrefix: string; unitName: string; title: string; question: string; children: ReactNode; after?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <article className="card vote-preview__card" aria-labelledby={`${idPrefix}-notice`}>
      <h4 className="vote-preview__label" id={`${idPrefix}-notice`}>
        {t('voteAdmin.preview.notice')}
      </h4>
      <p className="vote-preview__title">{t('voteAdmin.preview.noticeTitle', { unit: unitName, title })}</p>
      <dl className="facts">
        <div className="facts__row">
          <dt>{t('voteAdmin.facts.question')}</dt>
          <dd className="vote-facts__question">{question}</dd>
        </div>
        {children}
      </dl>
      {after}
    </article>
  );
}

/** A rule set in words from libs/domain: who must take part and approve, its source, the notice and the shortest window. */
export function RuleExplained({ ruleSet }: { ruleSet: RuleSetId }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const info = RULE_SETS[ruleSet];
  const minWindow = durationWords(info.minVotingHours);
  return (
    <>
      <p className="vote-preview__rule">{info.requirement[language]}</p>
      <p className="vote-facts__detail">{t('convene.ruleSetSource', { body: info.body[language], statute: info.statute[language] })}</p>
      <p className="vote-facts__detail">{info.noticeSource[language]}</p>
      <p className="vote-facts__detail">
        {info.minVotingHours > 0 && `${t('voteAdmin.preview.minWindow', { window: t(minWindow.key, { count: minWindow.count }) })} `}
        {info.minVotingSource[language]}
      </p>
    </>
  );
}

/** 确认发布 / 返回修改: nothing is announced until the convenor confirms. */
export function PreviewActions({ pending, onConfirm, onBack }: { pending: boolean; onConfirm: () => void; onBack: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="button-row">
      <button type="button" className="button button--primary button--large" aria-disabled={pending} onClick={() => !pending && onConfirm()}>
        {pending ? t('voteAdmin.form.creating') : t('voteAdmin.preview.confirm')}
      </button>
      <button type="button" className="button button--secondary" onClick={onBack}>
        {t('voteAdmin.preview.back')}
      </button>
    </div>
  );
}

/**
 * 发布前预览: before anything is announced, the convenor reads what residents will read — the
 * notice (公告), the ballot as it appears online and on paper, and the rule in words from
 * libs/domain (who must take part, who must approve, the notice and the shortest window) — and
 * then confirms, or goes back to change it.
 */
export function VotePreview({
  unitName,
  request,
  announcedAt,
  pending,
  error,
  onBack,
  onConfirm,
}: {
  unitName: string;
  request: CreateVoteRequest;
  /** When it would be announced (now): the notice runs from here. */
  announcedAt: Date;
  pending: boolean;
  error: unknown;
  onBack: () => void;
  onConfirm: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const info = RULE_SETS[request.ruleSet];
  const choices = request.options ? [...request.options.map((o) => o.label), t('voteAdmin.choice.abstain')] : MOTION_CHOICES.map((c) => t(`voteAdmin.choice.${c}`));
  const matter = (m: MatterKind): string => t('voteAdmin.preview.matterLine', { name: MATTERS[m].name[language], source: MATTERS[m].source[language] });
  return (
    <PreviewFrame idPrefix="vote-preview" pending={pending} error={error} onBack={onBack} onConfirm={onConfirm}>
      <NoticeCard idPrefix="vote-preview" unitName={unitName} title={request.title} question={request.question}>
        <div className="facts__row">
          <dt>{t('voteAdmin.preview.matters')}</dt>
          <dd>
            <ul className="vote-preview__list">
              {request.matterKinds.map((m) => (
                <li key={m}>{matter(m)}</li>
              ))}
            </ul>
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('voteAdmin.facts.body')}</dt>
          <dd>
            {info.body[language]} · {unitName}
          </dd>
        </div>
        <ScheduleRows request={request} ruleSet={request.ruleSet} announcedAt={announcedAt} />
      </NoticeCard>

      <article className="card vote-preview__card" aria-labelledby="vote-preview-ballot">
        <h4 className="vote-preview__label" id="vote-preview-ballot">
          {t('voteAdmin.preview.ballot')}
        </h4>
        <p>{t('voteAdmin.preview.online')}</p>
        <ul className="vote-preview__choices" aria-label={t('voteAdmin.preview.onlineChoices')}>
          {choices.map((c) => (
            <li key={c} className="vote-preview__choice">
              {c}
            </li>
          ))}
        </ul>
        <div className="vote-preview__paper">
          <p className="vote-preview__paper-title">{t('voteAdmin.preview.paperTitle', { unit: unitName, title: request.title })}</p>
          <p>{request.question}</p>
          <ul className="vote-preview__boxes" aria-label={t('voteAdmin.preview.paperChoices')}>
            {choices.map((c) => (
              <li key={c}>
                <span aria-hidden="true">☐ </span>
                {c}
              </li>
            ))}
          </ul>
          <p className="vote-facts__detail">{request.secrecy === 'named' ? t('voteAdmin.preview.paperNamed') : t('voteAdmin.preview.paperSecret')}</p>
        </div>
      </article>

      <article className="card vote-preview__card" aria-labelledby="vote-preview-rule">
        <h4 className="vote-preview__label" id="vote-preview-rule">
          {t('voteAdmin.preview.rule')}
        </h4>
        <RuleExplained ruleSet={request.ruleSet} />
      </article>
    </PreviewFrame>
  );
}
