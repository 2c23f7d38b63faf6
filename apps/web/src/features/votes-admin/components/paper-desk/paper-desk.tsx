import { RULE_SETS } from '@yishi/domain';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../../components/loading';
import { QueryError } from '../../../../components/query-error';
import { useMediaQuery } from '../../../../lib/use-media-query';
import { usePapers } from '../../api/papers';
import type { VoteDetail } from '../../api/votes';
import { CheckIns } from './check-ins';
import { Disputes } from './disputes';
import { IssuePapers } from './issue-papers';
import { PaperCountCards, PaperCountsTable } from './paper-counts';
import { PaperEntry } from './paper-entry';
import { PaperRows } from './paper-rows';
import { ReturnPapers } from './return-papers';
import '../../../../components/data-table.css';
import { Section } from '../../../../components/section';

/** 纸质选票: counts per building, issuing and printing, returns, blind double entry, disputes, every paper. */
export function PaperDesk({ vote, printHref }: { vote: VoteDetail; printHref: (group: string | null) => string }) {
  const { t } = useTranslation();
  const live = vote.status === 'open' || vote.status === 'counting';
  const list = usePapers(vote.id, live);
  const wide = useMediaQuery('(min-width: 48em)');
  if (vote.status === 'scheduled' || vote.status === 'cancelled') return <p className="notice">{t('voteAdmin.papers.notOpen')}</p>;
  if (list.isPending) return <Loading />;
  if (list.isError) return <QueryError error={list.error} retrying={list.isFetching} onRetry={() => void list.refetch()} />;
  const data = list.data;
  return (
    <div className="stack paper-desk">
      <Section titleId="paper-counts-title" title={t('voteAdmin.papers.countsHeading')}>
        {wide ? <PaperCountsTable list={data} /> : <PaperCountCards list={data} />}
      </Section>
      {vote.status === 'open' && <IssuePapers vote={vote} list={data} printHref={printHref} />}
      {vote.status === 'open' && <ReturnPapers vote={vote} />}
      {vote.status === 'open' && RULE_SETS[vote.ruleSet].countsAttendance && <CheckIns vote={vote} />}
      {live ? <PaperEntry vote={vote} papers={data.papers} /> : <p className="notice">{t('voteAdmin.papers.noMoreEntries')}</p>}
      {live && <Disputes vote={vote} papers={data.papers} />}
      <PaperRows vote={vote} papers={data.papers} />
    </div>
  );
}
