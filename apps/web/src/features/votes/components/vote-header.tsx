import { MATTER_LABELS } from '@yishi/domain';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { ReadAloud } from '../../../components/read-aloud';
import type { TermId } from '../../../components/term';
import { Term } from '../../../components/term';
import { SafeguardRows } from '../../../shared/votes/safeguard-rows';
import { currentLanguage } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import type { SafeguardsView } from '../../../shared/votes/safeguards';
import type { VoteSummary } from '../api/list-unit-votes';
import { ruleSentence, ruleStatute, ruleTerms } from '../utils/rule-sentence';
import type { VoteStage } from '../utils/vote-state';
import { VoteStageBadge } from './vote-stage-badge';

type VoteLike = VoteSummary & { bodyZh?: string; bodyEn?: string };

interface VoteHeaderProps {
  vote: VoteLike;
  stage: VoteStage;
  titleId: string;
  /** Shown above the title (「表决」, 「表决结果公示」). */
  kind: string;
  headingRef?: Ref<HTMLHeadingElement>;
  /** The facts under the question (the ballot page shows them after the ballot instead). */
  withFacts?: boolean;
}

/**
 * What is decided (the matters and their articles), who decides under which rule (in plain
 * words), the window, how ballots are cast, and — where the page knows it — the notice, the
 * shortest period and any approved shortening with its reason and approver.
 */
export function VoteFacts({ vote, safeguards }: { vote: VoteLike; safeguards?: SafeguardsView | null }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const body = language === 'zh-CN' ? vote.bodyZh : vote.bodyEn;
  return (
    <dl className="facts vote-facts">
      {vote.matterKinds.length > 0 && (
        <div className="facts__row">
          <dt>{t('votes.facts.matters')}</dt>
          <dd>
            <ul className="vote-facts__matters">
              {vote.matterKinds.map((m) => (
                <li key={m}>
                  {MATTER_LABELS[m].name[language]}
                  <span className="facts__aside"> {MATTER_LABELS[m].source[language]}</span>
                </li>
              ))}
            </ul>
          </dd>
        </div>
      )}
      {body && (
        <div className="facts__row">
          <dt>{t('votes.facts.body')}</dt>
          <dd>{body}</dd>
        </div>
      )}
      <div className="facts__row">
        <dt>{t('votes.facts.rule')}</dt>
        <dd>
          <span className="vote-facts__rule">{ruleSentence(vote.ruleSet, vote.questionKind, t)}</span>
          <span className="facts__aside vote-facts__statute">{t('votes.facts.statute', { statute: ruleStatute(vote.ruleSet, language) })}</span>
          <RuleTerms terms={ruleTerms(vote.ruleSet)} />
        </dd>
      </div>
      <div className="facts__row">
        <dt>{t('votes.facts.window')}</dt>
        <dd>{t('votes.facts.windowValue', { opens: formatDateTime(vote.opensAt, language) ?? '', closes: formatDateTime(vote.closesAt, language) ?? '' })}</dd>
      </div>
      <div className="facts__row">
        <dt>{t('votes.facts.ballot')}</dt>
        <dd>{vote.secrecy === 'secret' ? t('votes.facts.secret') : vote.allowChange ? t('votes.facts.namedChangeable') : t('votes.facts.namedFinal')}</dd>
      </div>
      {safeguards && <SafeguardRows safeguards={safeguards} />}
    </dl>
  );
}

/** The words of the rule a resident may not know, each with its explanation on tap. */
function RuleTerms({ terms }: { terms: readonly TermId[] }) {
  const { t } = useTranslation();
  if (terms.length === 0) return null;
  return (
    <span className="vote-facts__terms">
      {t('votes.facts.terms')}
      {terms.map((id) => (
        <Term key={id} id={id} />
      ))}
    </span>
  );
}

/** The vote's title and question, where it stands, and (unless shown elsewhere) its facts. */
export function VoteHeader({ vote, stage, titleId, kind, headingRef, withFacts = true }: VoteHeaderProps) {
  const { t } = useTranslation();
  return (
    <header className="page-header vote-header">
      <p className="page-header__kind">
        {kind}
        {t('votes.separator')}
        {vote.unitName}
      </p>
      <p className="vote-header__badges">
        <VoteStageBadge stage={stage} />
      </p>
      <h1 className="page-title" id={titleId} ref={headingRef} tabIndex={-1}>
        {vote.title}
      </h1>
      <p className="vote-question">{vote.question}</p>
      <ReadAloud text={`${vote.title}。${vote.question}`} label={t('readAloud.question')} />
      {withFacts && <VoteFacts vote={vote} />}
    </header>
  );
}
