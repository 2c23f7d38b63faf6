import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { SubmittedState } from '../../features/topics/components/topic-form';
import { TopicDetail } from '../../features/topics/components/topic-detail';
import { TopicForm } from '../../features/topics/components/topic-form';
import { TopicList } from '../../features/topics/components/topic-list';
import { useDocumentTitle } from '../../lib/document-title';
import { useMyUnitName } from '../../shared/roles/my-units';

/** /units/:unitId/topics — a unit's topics, filtered, with seconds; the way to raise one. */
export function UnitTopicsRoute() {
  const { t } = useTranslation();
  const { unitId = '' } = useParams();
  const name = useMyUnitName(unitId);
  const title = name ? t('topics.titleOf', { unit: name }) : t('topics.title');
  useDocumentTitle(t('app.pageTitle', { page: title }));
  return (
    <>
      <header className="page-header">
        <p className="page-header__kind">
          <Link to={`/units/${unitId}`}>{name ?? t('units.fallbackName')}</Link>
        </p>
        <h1 className="page-title">{title}</h1>
        <p className="page-header__intro">{t('topics.intro')}</p>
      </header>
      <p>
        <Link to={`/units/${unitId}/topics/new`} className="button button--primary button--block">
          {t('topics.raise')}
        </Link>
      </p>
      <TopicList unitId={unitId} />
    </>
  );
}

/** /units/:unitId/topics/new — raise a topic. */
export function NewTopicRoute() {
  const { t } = useTranslation();
  const { unitId = '' } = useParams();
  const name = useMyUnitName(unitId);
  useDocumentTitle(t('app.pageTitle', { page: t('topics.form.heading') }));
  return (
    <>
      <header className="page-header">
        <p className="page-header__kind">
          <Link to={`/units/${unitId}/topics`}>{name ? t('topics.titleOf', { unit: name }) : t('topics.title')}</Link>
        </p>
        <h1 className="page-title">{t('topics.form.heading')}</h1>
        <p className="page-header__intro">{t('topics.form.intro')}</p>
      </header>
      <TopicForm unitId={unitId} />
    </>
  );
}

function isSubmittedState(state: unknown): state is SubmittedState {
  return typeof state === 'object' && state !== null && (state as { submitted?: unknown }).submitted === true;
}

/** /topics/:topicId — a topic and its screening decision, in public. */
export function TopicRoute() {
  const { t } = useTranslation();
  const { topicId = '' } = useParams();
  const location = useLocation();
  const state: unknown = location.state;
  useDocumentTitle(t('app.pageTitle', { page: t('topics.detail.title') }));
  return <TopicDetail topicId={topicId} titleId="topic-title" submitted={isSubmittedState(state) ? { failedPhotos: state.failedPhotos } : null} />;
}
