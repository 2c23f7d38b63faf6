/**
 * The console's pages for discussion sessions (part of the console chunk, re-exported by
 * console.tsx): a node's 会议 section and 安排会议, and a session's own page — its facts, the notice,
 * the agenda, and the check-in desk with the live quorum. What each shows follows the person's grants.
 */
import { can } from '@yishi/domain';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Loading } from '../../../components/loading';
import { QueryError } from '../../../components/query-error';
import { locate } from '../../../features/console/utils/console-nodes';
import { SectionClosed } from '../../../features/console/components/console-page';
import { useOrganizationTree } from '../../../features/organizations/api/get-organization-tree';
import { useCreateSession } from '../../../features/sessions-admin/api/sessions-admin';
import { RoomScreen } from '../../../features/sessions-admin/components/room-screen';
import { SessionNotice } from '../../../features/sessions-admin/components/session-notice';
import { AgendaEditor, AnnouncePanel, CheckInDesk } from '../../../features/sessions-admin/components/session-desk';
import { SessionForm } from '../../../features/sessions-admin/components/session-form';
import { RoomControl } from '../../../features/sessions-admin/components/room-control';
import { GuestsPanel, OfficersPanel } from '../../../features/sessions-admin/components/session-officers';
import { sessionMinutesEditPath } from '../../../shared/sessions/room-api';
import { currentLanguage } from '../../../i18n';
import { useSession as useSignedIn } from '../../../lib/auth';
import { useDocumentTitle } from '../../../lib/document-title';
import { formatDateTime } from '../../../lib/format';
import { refusalWords } from '../../../shared/sessions/refusal-words';
import { SessionLoader } from '../../../shared/sessions/session-loader';
import { SessionFacts } from '../../../shared/sessions/session-parts';
import { sessionConsolePath, sessionIsOn, useNodeSessions, useSession } from '../../../shared/sessions/sessions-api';
import { unitsOfNode, useNodeContext } from './node-context';

/** /console/nodes/:nodeId/sessions: the sessions of the node (and those it is invited to), and 安排会议. */
export function ConsoleSessionsRoute() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const { located, sections } = useNodeContext();
  const sessions = useNodeSessions(located.node.id);
  if (!sections.sessions) return <SectionClosed />;
  return (
    <div className="stack">
      <h2 className="section__title">{t('sessionAdmin.list.heading')}</h2>
      <p className="section__intro">{t('sessionAdmin.list.intro')}</p>
      {sections.sessions.manage && (
        <div className="button-row">
          <Link to="new" className="button button--primary">
            {t('sessionAdmin.list.create')}
          </Link>
        </div>
      )}
      {sessions.isPending && <Loading />}
      {sessions.isError && <QueryError error={sessions.error} retrying={sessions.isFetching} onRetry={() => void sessions.refetch()} />}
      {sessions.isSuccess && sessions.data.length === 0 && <p className="notice">{t('sessionAdmin.list.none')}</p>}
      {sessions.isSuccess && sessions.data.length > 0 && (
        <ul className="plain-list stack">
          {sessions.data.map((s) => (
            <li key={s.id} className="card">
              <p className="page-header__kind">
                {t(`sessions.kind.${s.kind}`)} · {t(`sessionAdmin.list.status.${s.status}`)}
              </p>
              <h3 className="subsection__title">
                <Link to={sessionConsolePath(s.id)}>{s.title}</Link>
              </h3>
              <p>{t('sessions.unit.when', { date: formatDateTime(s.startsAt, language) ?? '', place: s.place })}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** /console/nodes/:nodeId/sessions/new: 安排会议, saved as a draft. */
export function ConsoleNewSessionRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const context = useNodeContext();
  const { node } = context.located;
  const create = useCreateSession(node.id);
  if (!context.sections.sessions?.manage) return <SectionClosed />;
  return (
    <div className="stack">
      <p>
        <Link to="..">{t('sessionAdmin.list.back')}</Link>
      </p>
      <h2 className="section__title" id="new-session-title">
        {t('sessionAdmin.form.heading')}
      </h2>
      <p className="section__intro">{t('sessionAdmin.form.intro')}</p>
      <SessionForm
        nodeKind={node.kind}
        units={unitsOfNode(context)}
        pending={create.isPending}
        error={create.isError ? refusalWords(create.error, t) : null}
        onSubmit={(request) => create.mutate(request, { onSuccess: (session) => void navigate(sessionConsolePath(session.id)) })}
        onCancel={() => void navigate('..')}
      />
    </div>
  );
}

/** /console/sessions/:sessionId: a session's facts, its notice, agenda and check-in desk. */
export function ConsoleSessionRoute() {
  const { t } = useTranslation();
  const { sessionId = '' } = useParams();
  const first = useSession(sessionId);
  const session = useSession(sessionId, first.data ? sessionIsOn(first.data) : false);
  const tree = useOrganizationTree();
  const grants = useSignedIn().data?.user?.grants ?? [];
  useDocumentTitle(t('app.pageTitle', { page: session.data?.title ?? t('sessions.page.fallbackTitle') }));
  if (session.isPending || tree.isPending) return <Loading />;
  if (session.isError) return <QueryError error={session.error} retrying={session.isFetching} onRetry={() => void session.refetch()} />;
  if (tree.isError) return <QueryError error={tree.error} retrying={tree.isFetching} onRetry={() => void tree.refetch()} />;
  const s = session.data;
  const ancestryOf = (nodeId: string): string[] => locate(tree.data, nodeId)?.ancestry ?? [nodeId];
  const manage = can(grants, 'consultation.manage', { ancestry: ancestryOf(s.nodeId) });
  const desk = s.units.some((u) => can(grants, 'offline.record', { ancestry: ancestryOf(u.id) }));
  return (
    <>
      <header className="page-header">
        <p>
          <Link to={`/console/nodes/${s.nodeId}/sessions`}>{t('sessionAdmin.page.back')}</Link>
        </p>
        <p className="page-header__kind">
          {s.nodeName} · {t(`sessionAdmin.list.status.${s.status}`)}
        </p>
        <h1 className="page-title">{s.title}</h1>
      </header>
      <div className="stack">
        <SessionFacts session={s} />
        {s.status === 'announced' && (
          <p className="button-row">
            <Link to="notice" className="button button--secondary">
              {t('sessionAdmin.notice.open')}
            </Link>
            {desk && (
              <Link to="screen" className="button button--secondary">
                {t('sessionAdmin.screen.open')}
              </Link>
            )}
          </p>
        )}
        {manage && <AnnouncePanel session={s} />}
        {manage && <AgendaEditor session={s} />}
        {manage && <OfficersPanel session={s} />}
        {(manage || desk) && <GuestsPanel session={s} manage={manage} desk={desk} />}
        {desk && <CheckInDesk session={s} />}
        {s.status === 'announced' && <RoomControl session={s} desk={desk} />}
        {s.status === 'announced' && (
          <p>
            <Link to={sessionMinutesEditPath(s.id)}>{t('sessionAdmin.minutes.link')}</Link>
          </p>
        )}
      </div>
    </>
  );
}

/** /console/sessions/:sessionId/screen: the room's screen (投屏), full screen, live. */
export function ConsoleSessionScreenRoute() {
  const { t } = useTranslation();
  const { sessionId = '' } = useParams();
  return (
    <SessionLoader sessionId={sessionId} fallbackTitle={t('sessions.page.fallbackTitle')}>
      {(session) => <RoomScreen session={session} />}
    </SessionLoader>
  );
}

/** /console/sessions/:sessionId/notice: the meeting notice on A4, with its QR code. */
export function ConsoleSessionNoticeRoute() {
  const { t } = useTranslation();
  const { sessionId = '' } = useParams();
  return (
    <SessionLoader sessionId={sessionId} fallbackTitle={t('sessions.page.fallbackTitle')}>
      {(session) => <SessionNotice session={session} />}
    </SessionLoader>
  );
}
