import type { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormAlert } from '../../../../components/form/form-alert';
import { SelectField } from '../../../../components/form/select-field';
import { LiveMessage } from '../../../../components/live-message';
import { currentLanguage } from '../../../../i18n';
import { errorMessage } from '../../../../lib/api-client';
import type { IssueResult, PaperList } from '../../api/papers';
import { useIssuePapers } from '../../api/papers';
import type { VoteDetail } from '../../api/votes';
import { rejectionText } from '../../utils/reasons';
import { VoterSearch } from '../voter-search';

function skippedText(reason: string, t: TFunction, language: 'zh-CN' | 'en'): string {
  if (reason === 'has_paper' || reason === 'already_voted') return t(`voteAdmin.issue.skip.${reason}`);
  return rejectionText(reason, language) ?? reason;
}

function IssueOutcome({ result }: { result: IssueResult }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const serials = result.issued.map((p) => p.serial);
  return (
    <>
      <p>{result.issued.length > 0 ? t('voteAdmin.issue.issued', { count: result.issued.length, first: serials[0], last: serials[serials.length - 1] }) : t('voteAdmin.issue.none')}</p>
      {result.skipped.length > 0 && (
        <>
          <p>{t('voteAdmin.issue.skipped', { count: result.skipped.length })}</p>
          <ul className="issue-skipped">
            {result.skipped.slice(0, 50).map((s) => (
              <li key={s.voterId}>
                {s.name}：{skippedText(s.reason, t, language)}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** 发放选票: to a building or household, or to one voter found by name or unit; then the print sheet. */
export function IssuePapers({ vote, list, printHref }: { vote: VoteDetail; list: PaperList; printHref: (group: string | null) => string }) {
  const { t } = useTranslation();
  const titleId = useId();
  const issue = useIssuePapers(vote.id);
  const [group, setGroup] = useState('');
  const [result, setResult] = useState<IssueResult | null>(null);
  const [lastGroup, setLastGroup] = useState<string | null>(null);
  const run = (body: { groups?: string[]; voterIds?: string[] }, printGroup: string | null): void => {
    if (issue.isPending) return;
    setResult(null);
    issue.mutate(body, {
      onSuccess: (data) => {
        setResult(data);
        setLastGroup(printGroup);
      },
    });
  };
  return (
    <section className="section" aria-labelledby={titleId}>
      <h3 className="subsection__title" id={titleId}>
        {t('voteAdmin.issue.heading')}
      </h3>
      <p className="section__intro">{t('voteAdmin.issue.intro')}</p>
      <LiveMessage tone="success">
        {result && (
          <>
            <IssueOutcome result={result} />
            {result.issued.length > 0 && <Link to={printHref(lastGroup)}>{t('voteAdmin.issue.printThese')}</Link>}
          </>
        )}
      </LiveMessage>
      {issue.isError && <FormAlert>{errorMessage(issue.error, t)}</FormAlert>}
      <form
        className="stack issue-group"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (group) run({ groups: [group] }, group);
        }}
      >
        <SelectField label={t('voteAdmin.issue.group')} name="group" value={group} onChange={(event) => setGroup(event.target.value)}>
          <option value="">{t('voteAdmin.issue.groupPick')}</option>
          {list.groups.map((g) => (
            <option key={g.group} value={g.group}>
              {t('voteAdmin.issue.groupOption', { group: g.group, voters: g.voters, issued: g.issued })}
            </option>
          ))}
        </SelectField>
        <div className="button-row">
          <button type="submit" className="button button--primary" aria-disabled={issue.isPending || !group}>
            {issue.isPending ? t('voteAdmin.issue.issuing') : t('voteAdmin.issue.forGroup')}
          </button>
        </div>
      </form>
      <VoterSearch
        voteId={vote.id}
        label={t('voteAdmin.issue.oneVoter')}
        action={(voter) =>
          voter.paperSerial === null ? (
            <button type="button" className="button button--secondary button--small" aria-disabled={issue.isPending} onClick={() => run({ voterIds: [voter.voterId] }, voter.group)}>
              {t('voteAdmin.issue.forVoter', { name: voter.name })}
            </button>
          ) : null
        }
      />
      <p>
        <Link to={printHref(null)}>{t('voteAdmin.issue.printAll')}</Link>
      </p>
    </section>
  );
}
