/**
 * The console's pages for votes (part of the console chunk, re-exported by console.tsx): a node's
 * 表决 section and 发起表决, and a vote's own page — 概况 (status, opening, turnout, outcome),
 * 纸质选票 (issue, print, returns, blind double entry, disputes), 委托, 异议 — and the print
 * sheet of ballot papers. What each shows follows the person's grants and the vote's `canManage`.
 */
import { isUnitKind } from '@yishi/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useNavigate, useOutletContext, useParams, useSearchParams } from 'react-router';
import type { ConsoleTab } from '../../../features/console/components/console-page';
import { ConsoleMissing, ConsoleSubjectHeader, ConsoleTabs, SectionClosed } from '../../../features/console/components/console-page';
import { can } from '@yishi/domain';
import { locate } from '../../../features/console/utils/console-nodes';
import { useOrganizationTree } from '../../../features/organizations/api/get-organization-tree';
import { MissingPanel } from '../../../features/votes-admin/components/missing-panel';
import { RemindersPanel } from '../../../features/votes-admin/components/reminders-panel';
import { useSession as useSignedIn } from '../../../lib/auth';
import { ObjectionsPanel } from '../../../features/votes-admin/components/objections-panel';
import { PaperDesk } from '../../../features/votes-admin/components/paper-desk/paper-desk';
import { PaperPrintSheet } from '../../../features/votes-admin/components/paper-print';
import { ProxiesPanel } from '../../../features/votes-admin/components/proxies-panel';
import { PublicPagePanel } from '../../../features/votes-admin/components/public-page-panel';
import { VoteStatusBadge } from '../../../features/votes-admin/components/vote-common';
import { Loading } from '../../../components/loading';
import { VoteForm } from '../../../features/votes-admin/components/vote-form';
import { AssemblyForm } from '../../../features/votes-admin/components/assembly-form';
import { VoteList } from '../../../features/votes-admin/components/vote-list';
import { ShorteningQueue } from '../../../features/votes-admin/components/shortening-queue';
import { ShorteningDecision, VoteActions, VoteFacts, VoteOutcome, VoteTurnout } from '../../../features/votes-admin/components/vote-overview';
import type { VoteDetail } from '../../../features/votes-admin/api/votes';
import { useCreateVote, useVote } from '../../../features/votes-admin/api/votes';
import { voteConsolePath } from '../../../features/votes-admin/utils/vote-paths';
import { votePath, voteResultPath } from '../../../shared/votes/paths';
import { useDocumentTitle } from '../../../lib/document-title';
import { unitsOfNode, useNodeContext } from './node-context';
import './vote-pages.css';

/** /console/nodes/:nodeId/votes: the votes of the node's units, and 发起表决. */
export function ConsoleVotesRoute() {
  const { t } = useTranslation();
  const context = useNodeContext();
  const { node } = context.located;
  const rights = context.sections.votes;
  if (!rights) return <SectionClosed />;
  const units = unitsOfNode(context);
  return (
    <div className="stack">
      <h2 className="section__title">{t('voteAdmin.list.heading')}</h2>
      <p className="section__intro">{t('voteAdmin.list.intro')}</p>
      {rights.manage && (
        <div className="button-row">
          <Link to="new" className="button button--primary">
            {t('voteAdmin.list.create')}
          </Link>
        </div>
      )}
      {rights.supervise && <ShorteningQueue key={`queue-${node.id}`} nodeId={node.id} />}
      <VoteList key={node.id} unitIds={units.map((unit) => unit.id)} showUnits={!isUnitKind(node.kind)} />
    </div>
  );
}

/** /console/nodes/:nodeId/votes/new[?consultation=<id>&title=<its title>]: 发起表决, linked to a consultation when it came from one. */
export function ConsoleNewVoteRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const context = useNodeContext();
  const create = useCreateVote();
  const units = unitsOfNode(context);
  const consultationId = params.get('consultation');
  // 单项表决 (one question) or 业主大会表决票 (several matters on one paper).
  const [assembly, setAssembly] = useState(false);
  if (!context.sections.votes?.manage) return <SectionClosed />;
  return (
    <div className="stack">
      <p className="no-print">
        <Link to="..">{t('voteAdmin.list.back')}</Link>
      </p>
      <h2 className="section__title" id="new-vote-title">
        {t('voteAdmin.form.heading')}
      </h2>
      <p className="section__intro">{t('voteAdmin.form.intro')}</p>
      {consultationId && (
        <p className="notice notice--info">
          {t('voteAdmin.form.forConsultation')} <Link to={`/console/consultations/${consultationId}`}>{t('voteAdmin.facts.consultationLink')}</Link>
        </p>
      )}
      {!consultationId && (
        // Two buttons, not radios: the single vote's form below has radios of its own to choose among.
        <div className="field vote-mode" role="group" aria-label={t('voteAdmin.assembly.mode')}>
          <p className="field__label">{t('voteAdmin.assembly.mode')}</p>
          <div className="button-row">
            <button type="button" className={`button ${assembly ? 'button--secondary' : 'button--primary'}`} aria-pressed={!assembly} onClick={() => setAssembly(false)}>
              {t('voteAdmin.assembly.modeSingle')}
            </button>
            <button type="button" className={`button ${assembly ? 'button--primary' : 'button--secondary'}`} aria-pressed={assembly} onClick={() => setAssembly(true)}>
              {t('voteAdmin.assembly.modeAssembly')}
            </button>
          </div>
          <p className="field__hint">{t('voteAdmin.assembly.modeAssemblyHint')}</p>
        </div>
      )}
      {assembly && !consultationId ? (
        <AssemblyForm
          key={`assembly-${context.located.node.id}`}
          units={units}
          pending={create.isPending}
          error={create.error}
          labelledBy="new-vote-title"
          onSubmit={(unitId, body) => create.mutate({ unitId, body }, { onSuccess: (vote) => void navigate(voteConsolePath(vote.id)) })}
        />
      ) : (
      <VoteForm
        key={context.located.node.id}
        units={units}
        consultationId={consultationId}
        initialTitle={consultationId ? (params.get('title') ?? '').slice(0, 300) : ''}
        pending={create.isPending}
        error={create.error}
        labelledBy="new-vote-title"
        onSubmit={(unitId, body) => create.mutate({ unitId, body }, { onSuccess: (vote) => void navigate(voteConsolePath(vote.id)) })}
      />
      )}
    </div>
  );
}

interface VoteContext {
  vote: VoteDetail;
}

/** /console/votes/:voteId: where the vote belongs, its title and status, its pages. */
export function ConsoleVoteRoute() {
  const { t } = useTranslation();
  const { voteId = '' } = useParams();
  const vote = useVote(voteId);
  useDocumentTitle(t('app.pageTitle', { page: vote.data?.title ?? t('voteAdmin.page.title') }));
  if (vote.isPending) return <Loading />;
  if (vote.isError) return <ConsoleMissing title={t('voteAdmin.page.notFound')} query={vote} />;
  const data = vote.data;
  const base = voteConsolePath(data.id);
  const counted = data.status === 'closed' || data.status === 'final';
  const context: VoteContext = { vote: data };
  const voteTabs: ConsoleTab[] = [
    { to: base, label: t('voteAdmin.page.overview'), end: true },
    ...(data.canManage ? [{ to: `${base}/papers`, label: t('voteAdmin.page.papers') }] : []),
    { to: `${base}/proxies`, label: t('voteAdmin.page.proxies') },
    ...(counted ? [{ to: `${base}/objections`, label: t('voteAdmin.page.objections') }] : []),
    ...(data.status === 'open'
      ? [{ to: `${base}/missing`, label: t('voteAdmin.page.missing') }]
      : data.canManage && data.status === 'scheduled'
        ? [{ to: `${base}/missing`, label: t('voteAdmin.reminders.heading') }]
        : []),
  ];
  return (
    <>
      <ConsoleSubjectHeader
        parent={{ to: `/console/nodes/${data.unitId}/votes`, name: data.unitName }}
        kind={
          <>
            {t('voteAdmin.page.kind')} <VoteStatusBadge status={data.status} />
          </>
        }
        title={data.title}
        links={
          <p className="page-header__intro vote-page__links">
            <Link to={votePath(data.id)}>{t('voteAdmin.page.residentView')}</Link>
            {counted && <Link to={voteResultPath(data.id)}>{t('voteAdmin.outcome.notice')}</Link>}
          </p>
        }
      />
      <ConsoleTabs label={t('voteAdmin.page.sections')} tabs={voteTabs} />
      <div className="tab-panel">
        <Outlet context={context} />
      </div>
    </>
  );
}

/** 概况: a shortening to decide (for the supervisor), status, opening and cancelling, live turnout with the denominators, the outcome and its public page. */
export function ConsoleVoteOverviewRoute() {
  const { vote } = useOutletContext<VoteContext>();
  return (
    <div className="stack vote-overview">
      <ShorteningDecision key={`decide-${vote.id}`} vote={vote} />
      <VoteActions key={vote.id} vote={vote} />
      <VoteOutcome vote={vote} />
      <PublicPagePanel key={`public-${vote.id}`} vote={vote} />
      <VoteTurnout vote={vote} />
      <VoteFacts vote={vote} consultationHref={vote.consultationId ? `/console/consultations/${vote.consultationId}` : null} />
    </div>
  );
}

/** 纸质选票. */
export function ConsoleVotePapersRoute() {
  const { vote } = useOutletContext<VoteContext>();
  if (!vote.canManage) return <SectionClosed />;
  const base = voteConsolePath(vote.id);
  return <PaperDesk key={vote.id} vote={vote} printHref={(group) => `${base}/print${group ? `?${new URLSearchParams({ group }).toString()}` : ''}`} />;
}

/** 委托. */
export function ConsoleVoteProxiesRoute() {
  const { vote } = useOutletContext<VoteContext>();
  return <ProxiesPanel key={vote.id} vote={vote} />;
}

/** 异议 and the final notice. */
export function ConsoleVoteObjectionsRoute() {
  const { vote } = useOutletContext<VoteContext>();
  return <ObjectionsPanel key={vote.id} vote={vote} />;
}

/** 谁还没投: a building head's door-to-door list of their building; every building's turnout for the convenor, and the reminders they set. */
export function ConsoleVoteMissingRoute() {
  const { vote } = useOutletContext<VoteContext>();
  const grants = useSignedIn().data?.user?.grants ?? [];
  const tree = useOrganizationTree();
  if (tree.isPending) return <Loading />;
  const ancestry = (tree.data && locate(tree.data, vote.unitId)?.ancestry) ?? [vote.unitId];
  const seesAll = can(grants, 'turnout.missing', { ancestry });
  const manages = vote.canManage;
  const buildings = grants.filter((g) => g.role === 'building_head' && g.nodeId === vote.unitId && g.buildingId).map((g) => ({ id: g.buildingId!, name: g.buildingName ?? '' }));
  const missing = vote.status === 'open' && (seesAll || buildings.length > 0);
  if (!manages && !missing) return <SectionClosed />;
  return (
    <div className="stack">
      {missing && <MissingPanel key={vote.id} voteId={vote.id} buildings={buildings} seesAll={seesAll} />}
      {manages && <RemindersPanel key={`reminders-${vote.id}`} vote={vote} />}
    </div>
  );
}

/** /console/votes/:voteId/print[?group=1栋]: the ballot papers to print, one per page. */
export function ConsoleVotePrintRoute() {
  const { t } = useTranslation();
  const { voteId = '' } = useParams();
  const [params] = useSearchParams();
  useDocumentTitle(t('app.pageTitle', { page: t('voteAdmin.print.title') }));
  return <PaperPrintSheet voteId={voteId} group={params.get('group')} backHref={`${voteConsolePath(voteId)}/papers`} />;
}
