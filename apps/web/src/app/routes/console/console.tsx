/**
 * The staff console's pages: one module, loaded as its own chunk (React.lazy in router.tsx) only
 * past the console guard. The pages compose the features: the organization tree (where a node
 * sits), the roll, invitations, roles and audit; what a page shows follows the person's grants.
 */
import { isUnitKind } from '@yishi/contracts';
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, NavLink, Outlet, useParams, useSearchParams } from 'react-router';
import { QueryError } from '../../../components/query-error';
import { ConsoleNodeList } from '../../../features/console/components/console-node-list';
import type { ConsoleGrant, Section } from '../../../features/console/utils/console-nodes';
import { consoleNodes, locate, nodeSections, openSections, unitsBelow } from '../../../features/console/utils/console-nodes';
import { ConsoleTabs, SectionClosed } from '../../../features/console/components/console-page';
import { AuditLog } from '../../../features/audit/components/audit-log';
import { IssueLetters } from '../../../features/invitations/components/issue-letters';
import { InPersonReset } from '../../../features/accounts-admin/components/in-person-reset';
import { useOrganizationTree } from '../../../features/organizations/api/get-organization-tree';
import { RolesPanel } from '../../../features/roles/components/roles-panel';
import { useRollBuildings } from '../../../features/rolls/api/list-exclusive-units';
import { RollImport } from '../../../features/rolls/components/roll-import';
import { RollList } from '../../../features/rolls/components/roll-list';
import { RollRevisions } from '../../../features/rolls/components/roll-revisions';
import { addConsoleTranslations } from '../../../i18n/console-resources';
import { chinese } from '../../../i18n/chinese';
import { english } from '../../../i18n/english';
import { markEverythingAdded } from '../../../i18n/page-strings';
import { useSession } from '../../../lib/auth';
import { useDocumentTitle } from '../../../lib/document-title';
import type { NodeContext } from './node-context';
import { useNodeContext } from './node-context';
import './console-pages.css';
import { Loading } from '../../../components/loading';
import { Section as PageSection } from '../../../components/section';

// The pages for running consultations (议事, 议题, a consultation's own page), in this chunk too.
export * from './consultation-pages';
// The pages for running votes (表决), in this chunk too.
export * from './vote-pages';
// The pages for discussion sessions (会议), in this chunk too.
export * from './session-pages';

// The console's words arrive with its chunk, before any of its pages renders; so do the whole
// main files in both languages, which residents' pages fetch by page and language only on demand:
// the console's pages use strings of every part, and staff issue letters in either language,
// whichever language their own screen is in.
addConsoleTranslations(i18next);
i18next.addResourceBundle('zh-CN', 'translation', chinese, true, false);
i18next.addResourceBundle('en', 'translation', english, true, false);
markEverythingAdded('zh-CN');
markEverythingAdded('en');

function useConsoleGrants(): { userId: string; grants: ConsoleGrant[] } {
  const user = useSession().data?.user;
  return { userId: user?.id ?? '', grants: user?.grants ?? [] };
}

/** /console: the organizations I work on. */
export function ConsoleHomeRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.pageTitle', { page: t('console.title') }));
  const { grants } = useConsoleGrants();
  const tree = useOrganizationTree();
  return (
    <>
      <header className="page-header">
        <h1 className="page-title">{t('console.title')}</h1>
        <p className="page-header__intro">{t('console.home.intro')}</p>
      </header>
      {tree.isPending && <Loading />}
      {tree.isError && <QueryError error={tree.error} retrying={tree.isFetching} onRetry={() => void tree.refetch()} />}
      {tree.isSuccess && <ConsoleNodeList nodes={consoleNodes(grants, tree.data)} />}
    </>
  );
}

const SECTION_PATHS: Record<Section, string> = { roll: 'roll', letters: 'letters', accounts: 'accounts', consultations: 'consultations', topics: 'topics', roles: 'roles', audit: 'audit', votes: 'votes', sessions: 'sessions' };

const nodePath = (nodeId: string, path: string): string => `/console/nodes/${nodeId}/${path}`;

/** /console/nodes/:nodeId: a node's name, where it sits, and the sections my roles open. */
export function ConsoleNodeRoute() {
  const { t } = useTranslation();
  const { nodeId = '' } = useParams();
  const { grants, userId } = useConsoleGrants();
  const tree = useOrganizationTree();
  const located = tree.data ? locate(tree.data, nodeId) : null;
  useDocumentTitle(t('app.pageTitle', { page: located ? located.node.name : t('console.title') }));

  if (tree.isPending) return <Loading />;
  if (tree.isError) return <QueryError error={tree.error} retrying={tree.isFetching} onRetry={() => void tree.refetch()} />;
  const sections = located ? nodeSections(grants, located) : null;
  const open = sections ? openSections(sections) : [];
  if (!located || !sections || open.length === 0) {
    return (
      <section className="message-page" aria-labelledby="node-missing-title">
        <h1 id="node-missing-title">{t('console.node.notFoundTitle')}</h1>
        <p>{t('console.node.notFoundBody')}</p>
        <Link to="/console" className="button button--primary">
          {t('console.node.back')}
        </Link>
      </section>
    );
  }
  const { node, parents } = located;
  const units = isUnitKind(node.kind) ? [] : unitsBelow(node);
  const context: NodeContext = { located, sections, grants, userId };
  return (
    <>
      <header className="page-header no-print">
        <nav aria-label={t('console.node.breadcrumbs')} className="breadcrumbs">
          <ol>
            <li>
              <Link to="/console">{t('console.title')}</Link>
            </li>
            {parents.map((parent) => (
              <li key={parent.id}>{parent.name}</li>
            ))}
          </ol>
        </nav>
        <p className="page-header__kind">{t(`organizations.kind.${node.kind}`)}</p>
        <h1 className="page-title">{node.name}</h1>
      </header>
      {units.length > 0 && (
        <PageSection titleId="node-units-title" title={t('console.home.units')} className="no-print">
          <ul className="plain-list unit-links">
            {units.map((unit) => (
              <li key={unit.id}>
                <Link to={`/console/nodes/${unit.id}`} className="button button--secondary">
                  {unit.name}
                </Link>
              </li>
            ))}
          </ul>
        </PageSection>
      )}
      <ConsoleTabs label={t('console.node.sections')} tabs={open.map((section) => ({ to: SECTION_PATHS[section], label: t(`console.section.${section}`) }))} />
      <div className="tab-panel">
        <Outlet context={context} />
      </div>
    </>
  );
}

/** /console/nodes/:nodeId: opens the first section the person may use. */
export function ConsoleNodeIndexRoute() {
  const { sections } = useNodeContext();
  const first = openSections(sections)[0] ?? 'audit';
  return <Navigate to={SECTION_PATHS[first]} replace />;
}

/** 名册 · 导入名册 · 版本记录: the pages of the roll section. */
function RollPages({ nodeId, write }: { nodeId: string; write: boolean }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('roll.pages.label')}>
      <ul className="plain-list subnav">
        <li>
          <NavLink to={nodePath(nodeId, 'roll')} end className="subnav__link">
            {t('roll.pages.list')}
          </NavLink>
        </li>
        {write && (
          <li>
            <NavLink to={nodePath(nodeId, 'roll/import')} className="subnav__link">
              {t('roll.pages.import')}
            </NavLink>
          </li>
        )}
        <li>
          <NavLink to={nodePath(nodeId, 'roll/revisions')} className="subnav__link">
            {t('roll.pages.revisions')}
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}

/** /console/nodes/:nodeId/roll: search the roll; staff link residents in person and print a household's letters. */
export function ConsoleRollRoute() {
  const { t } = useTranslation();
  const { located, sections } = useNodeContext();
  const { node } = located;
  if (!sections.roll || !isUnitKind(node.kind)) return <SectionClosed />;
  const wholeUnitLetters = sections.letters.some((scope) => scope.kind === 'unit');
  const lettersHref =
    node.kind === 'cooperative' && wholeUnitLetters
      ? (household: { id: string; number: string }) => `${nodePath(node.id, 'letters')}?${new URLSearchParams({ household: household.id, number: household.number }).toString()}`
      : null;
  return (
    <>
      <RollPages nodeId={node.id} write={sections.roll.write} />
      <h2 className="section__title">{t('roll.list.heading')}</h2>
      <RollList key={node.id} unitId={node.id} unitKind={node.kind} canLink={sections.roll.link} householdLettersHref={lettersHref} />
    </>
  );
}

export function ConsoleRollImportRoute() {
  const { located, sections } = useNodeContext();
  const { node } = located;
  if (!sections.roll?.write || !isUnitKind(node.kind)) return <SectionClosed />;
  return (
    <>
      <RollPages nodeId={node.id} write />
      <RollImport key={node.id} unitId={node.id} unitKind={node.kind} listHref={nodePath(node.id, 'roll')} revisionsHref={nodePath(node.id, 'roll/revisions')} />
    </>
  );
}

export function ConsoleRollRevisionsRoute() {
  const { located, sections } = useNodeContext();
  const { node } = located;
  if (!sections.roll || !isUnitKind(node.kind)) return <SectionClosed />;
  return (
    <>
      <RollPages nodeId={node.id} write={sections.roll.write} />
      <RollRevisions key={node.id} unitId={node.id} />
    </>
  );
}

export function ConsoleLettersRoute() {
  const { located, sections } = useNodeContext();
  const [params] = useSearchParams();
  const { node } = located;
  const wholeUnit = sections.letters.some((scope) => scope.kind === 'unit');
  // Staff printing for the whole compound may pick one building (the roll lists them).
  const buildings = useRollBuildings(node.id, node.kind === 'compound' && wholeUnit && sections.roll !== null);
  if (sections.letters.length === 0 || !isUnitKind(node.kind)) return <SectionClosed />;
  // A household chosen on the roll («为此户打印邀请函»): ?household=<id>&number=<户号>.
  const householdId = params.get('household');
  const household = node.kind === 'cooperative' && householdId ? { id: householdId, number: params.get('number') ?? '' } : null;
  return (
    <IssueLetters
      key={`${node.id}:${household?.id ?? ''}`}
      unitId={node.id}
      unitName={node.name}
      unitKind={node.kind}
      scopes={sections.letters}
      buildings={buildings.data ?? null}
      household={household}
      householdPickerHref={sections.roll ? nodePath(node.id, 'roll') : null}
    />
  );
}

/** /console/nodes/:nodeId/accounts: 当面重置密码, for residents of the unit (or of a building head's building). */
export function ConsoleAccountsRoute() {
  const { t } = useTranslation();
  const { located, sections } = useNodeContext();
  const { node } = located;
  if (sections.accounts.length === 0 || !isUnitKind(node.kind)) return <SectionClosed />;
  return (
    <div className="stack">
      <h2 className="section__title">{t('accountsAdmin.heading')}</h2>
      <InPersonReset key={node.id} unitId={node.id} scopes={sections.accounts} />
    </div>
  );
}

export function ConsoleRolesRoute() {
  const { located, sections, grants, userId } = useNodeContext();
  const { node } = located;
  // A building head is granted for one building of a compound: its roll lists them.
  const buildings = useRollBuildings(node.id, sections.roles && node.kind === 'compound' && sections.roll !== null);
  if (!sections.roles) return <SectionClosed />;
  return <RolesPanel key={node.id} nodeId={node.id} nodeName={node.name} ancestry={located.ancestry} me={userId} grants={grants} buildings={buildings.data ?? null} />;
}

export function ConsoleAuditRoute() {
  const { located, sections } = useNodeContext();
  if (!sections.audit) return <SectionClosed />;
  return <AuditLog key={located.node.id} nodeId={located.node.id} />;
}
