import { decidingAssembly, MATTERS, MOTION_CHOICES, RULE_SETS } from '@yishi/domain';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n';
import type { CreateAssemblyRequest, MatterRequest } from '../utils/assembly-form';
import { clockRuleSet } from '../utils/assembly-form';
import { NoticeCard, PreviewFrame, RuleExplained, ScheduleRows } from './vote-preview';
import './votes-admin.css';

function MatterPreview({ matter, number }: { matter: MatterRequest; number: number }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const kind = matter.matterKinds[0]!;
  const headingId = `assembly-preview-matter-${number}`;
  return (
    <li className="card vote-preview__card assembly-preview__matter" aria-labelledby={headingId}>
      <h5 className="vote-preview__title" id={headingId}>
        {t('voteAdmin.assembly.preview.matterHeading', { number, title: matter.title })}
      </h5>
      <p className="vote-facts__question">{matter.question}</p>
      <dl className="facts">
        <div className="facts__row">
          <dt>{t('voteAdmin.assembly.preview.matterKind')}</dt>
          <dd>{t('voteAdmin.preview.matterLine', { name: MATTERS[kind].name[language], source: MATTERS[kind].source[language] })}</dd>
        </div>
        {matter.lml63 && (
          <div className="facts__row">
            <dt>{t('voteAdmin.assembly.preview.lml63')}</dt>
            <dd>
              {t(`voteAdmin.form.lml63.${matter.lml63.body}`)}
              {matter.lml63.rceoApplies && <span className="vote-facts__detail">{t('voteAdmin.form.lml63Rceo')}</span>}
            </dd>
          </div>
        )}
        {matter.attachments && matter.attachments.length > 0 && (
          <div className="facts__row">
            <dt>{t('voteAdmin.assembly.preview.documents')}</dt>
            <dd>
              <ul className="vote-preview__list">
                {matter.attachments.map((a) => (
                  <li key={a.fileId}>{a.title}</li>
                ))}
              </ul>
            </dd>
          </div>
        )}
      </dl>
      {matter.candidates ? (
        <>
          <p>{t('voteAdmin.assembly.preview.seats', { count: matter.seats ?? 1 })}</p>
          <ul className="vote-preview__boxes" aria-label={t('voteAdmin.assembly.preview.paperChoices', { number })}>
            {matter.candidates.map((c) => (
              <li key={c.name}>
                <span aria-hidden="true">☐ </span>
                <strong>{c.name}</strong>
                <span className="vote-facts__detail">{c.statement}</span>
              </li>
            ))}
          </ul>
          <p className="vote-facts__detail">{t('voteAdmin.assembly.preview.onlineElection', { count: matter.seats ?? 1 })}</p>
        </>
      ) : (
        <>
          <ul className="vote-preview__boxes" aria-label={t('voteAdmin.assembly.preview.paperChoices', { number })}>
            {MOTION_CHOICES.map((c) => (
              <li key={c}>
                <span aria-hidden="true">☐ </span>
                {t(`voteAdmin.choice.${c}`)}
              </li>
            ))}
          </ul>
          <p className="vote-facts__detail">{t('voteAdmin.assembly.preview.onlineMotion')}</p>
        </>
      )}
      <p className="vote-preview__label">{t('voteAdmin.assembly.preview.rule')}</p>
      <RuleExplained ruleSet={matter.ruleSet} />
    </li>
  );
}

/**
 * 发布前预览 of an assembly's ballot: the notice (the heading, the assembly that votes, the window
 * on the strictest clock of its matters, the documents), then every matter in paper order as the
 * voter will see it — its boxes or its candidates with their statements and the seat rule — and
 * the rule that counts it. Nothing is announced until the convenor confirms.
 */
export function AssemblyPreview({
  unitName,
  request,
  announcedAt,
  pending,
  error,
  onBack,
  onConfirm,
}: {
  unitName: string;
  request: CreateAssemblyRequest;
  announcedAt: Date;
  pending: boolean;
  error: unknown;
  onBack: () => void;
  onConfirm: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const clock = clockRuleSet(request.matters.map((m) => m.ruleSet));
  const first = request.matters[0]!;
  const assembly = decidingAssembly(first.ruleSet, first.lml63 ?? null);
  const notice = RULE_SETS[clock].noticeDays;
  return (
    <PreviewFrame idPrefix="assembly-preview" className="assembly-preview" pending={pending} error={error} onBack={onBack} onConfirm={onConfirm}>
      <NoticeCard
        idPrefix="assembly-preview"
        unitName={unitName}
        title={request.title}
        question={request.question}
        after={
          <p className="vote-facts__detail">
            {t('voteAdmin.assembly.preview.clock', {
              body: RULE_SETS[clock].body[language],
              notice: notice > 0 ? t('voteAdmin.assembly.preview.noticeDays', { count: notice }) : t('voteAdmin.assembly.preview.noNotice'),
            })}
          </p>
        }
      >
        <div className="facts__row">
          <dt>{t('voteAdmin.assembly.preview.body')}</dt>
          <dd>
            {t(`voteAdmin.assembly.body.${assembly}`)} · {unitName}
          </dd>
        </div>
        <ScheduleRows request={request} ruleSet={clock} announcedAt={announcedAt} />
      </NoticeCard>

      <article className="card vote-preview__card" aria-labelledby="assembly-preview-matters">
        <h4 className="vote-preview__label" id="assembly-preview-matters">
          {t('voteAdmin.assembly.preview.matters')}
        </h4>
        <p className="vote-preview__paper-title">{t('voteAdmin.preview.paperTitle', { unit: unitName, title: request.title })}</p>
        <ol className="plain-list stack">
          {request.matters.map((m, i) => (
            <MatterPreview key={i} matter={m} number={i + 1} />
          ))}
        </ol>
        <p className="vote-facts__detail">{request.secrecy === 'named' ? t('voteAdmin.preview.paperNamed') : t('voteAdmin.preview.paperSecret')}</p>
      </article>
    </PreviewFrame>
  );
}
