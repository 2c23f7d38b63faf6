import type { IntakeChannel, TopicStatus } from '@yishi/contracts';
import { INTAKE_CHANNELS, TOPIC_STATUSES } from '@yishi/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { SelectField } from '../../../components/form/select-field';
import { Pagination } from '../../../components/pagination';
import { QueryError } from '../../../components/query-error';
import type { Topic } from '../api/list-topics';
import { useTopics } from '../api/list-topics';
import type { TopicSearch } from '../utils/topic-search';
import { readTopicSearch, writeTopicSearch } from '../utils/topic-search';
import { SecondToggle, TopicByline, TopicDecision, TopicStatusBadge } from './topic-parts';
import './topics.css';

function TopicCard({ topic }: { topic: Topic }) {
  const { t } = useTranslation();
  return (
    <li className="topic-card">
      <p className="topic-card__badges">
        <TopicStatusBadge status={topic.status} />
        {topic.photos.length > 0 && <span className="badge">{t('topics.photoCount', { count: topic.photos.length })}</span>}
      </p>
      <h3 className="topic-card__title">
        <Link to={`/topics/${topic.id}`} className="topic-card__link">
          {topic.title}
        </Link>
      </h3>
      <TopicByline topic={topic} />
      <TopicDecision topic={topic} />
      <SecondToggle topic={topic} />
    </li>
  );
}

/** A unit's topics: filters by status, channel and 「我提的」 kept in the address, seconds, pages. */
export function TopicList({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const search = readTopicSearch(params);
  const topics = useTopics(unitId, search);
  const update = (change: Partial<TopicSearch>): void => {
    setParams(writeTopicSearch({ ...search, page: 1, ...change }), { replace: change.page === undefined });
  };
  const pages = topics.data ? Math.max(1, Math.ceil(topics.data.total / topics.data.pageSize)) : 1;
  return (
    <div className="stack">
      <form className="topic-filters" role="search" aria-label={t('topics.filters.label')} onSubmit={(event) => event.preventDefault()}>
        <SelectField label={t('topics.filters.status')} value={search.status ?? ''} onChange={(event) => update({ status: (event.target.value || null) as TopicStatus | null })}>
          <option value="">{t('topics.filters.all')}</option>
          {TOPIC_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`topics.status.${status}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('topics.filters.channel')} value={search.channel ?? ''} onChange={(event) => update({ channel: (event.target.value || null) as IntakeChannel | null })}>
          <option value="">{t('topics.filters.all')}</option>
          {INTAKE_CHANNELS.map((channel) => (
            <option key={channel} value={channel}>
              {t(`intakeChannel.${channel}`)}
            </option>
          ))}
        </SelectField>
        <label className="choice topic-filters__mine">
          <input type="checkbox" checked={search.mine} onChange={(event) => update({ mine: event.target.checked })} />
          <span>{t('topics.filters.mine')}</span>
        </label>
      </form>
      <p className="topic-results" role="status">
        {topics.isSuccess && t('topics.results', { count: topics.data.total })}
      </p>
      {topics.isPending && <p className="notice">{t('common.loading')}</p>}
      {topics.isError && <QueryError error={topics.error} retrying={topics.isFetching} onRetry={() => void topics.refetch()} />}
      {topics.isSuccess && topics.data.items.length === 0 && <p className="notice">{search.mine ? t('topics.noneMine') : t('topics.none')}</p>}
      {topics.isSuccess && topics.data.items.length > 0 && (
        <ul className="plain-list topic-list" aria-busy={topics.isPlaceholderData || undefined}>
          {topics.data.items.map((topic) => (
            <TopicCard key={topic.id} topic={topic} />
          ))}
        </ul>
      )}
      <Pagination page={search.page} pages={pages} onPage={(page) => update({ page })} label={t('topics.pagination')} />
    </div>
  );
}
