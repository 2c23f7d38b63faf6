/**
 * The console's pages for running consultations (part of the console chunk, re-exported by
 * console.tsx): a node's 议事 section and 发起议事, a unit's 议题 screening queue, and a
 * consultation's own page — 概况 (phases, settings), 草案, 意见, 宣讲. What each shows follows the
 * person's grants (from `can()` on the node, or `me` from the API for a consultation).
 */
import { isUnitKind } from '@yishi/contracts';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useNavigate, useOutletContext, useParams } from 'react-router';
import { QueryError } from '../../../components/query-error';
import { ConsoleMissing, ConsoleSubjectHeader, ConsoleTabs, SectionClosed } from '../../../features/console/components/console-page';
import { BriefingsPanel } from '../../../features/briefings-admin/components/briefings-panel';
import { useConsultation } from '../../../shared/consultations/get-consultation';
import type { ConsultationDetail } from '../../../shared/consultations/get-consultation';
import { useCreateConsultation } from '../../../features/consultations-admin/api/create-consultation';
import { useUnitsConsultations } from '../../../features/consultations-admin/api/list-unit-consultations';
import { ConsultationFacts } from '../../../features/consultations-admin/components/consultation-facts';
import { ConsultationForm } from '../../../features/consultations-admin/components/consultation-form';
import { ConsultationList, consultationConsolePath, PhaseBadge } from '../../../features/consultations-admin/components/consultation-list';
import { ConsultationSettings } from '../../../features/consultations-admin/components/consultation-settings';
import { PhaseBar } from '../../../features/consultations-admin/components/phase-bar';
import { usePublishedVersions } from '../../../features/drafts-admin/api/get-version';
import { DraftWorkspace } from '../../../features/drafts-admin/components/draft-workspace';
import { OpinionsWorkspace } from '../../../features/comments-admin/components/opinions-workspace';
import type { NewConsultationSlot } from '../../../features/topics-admin/components/screening-actions';
import type { UnitChoice } from '../../../features/consultations-admin/utils/consultation-form';
import { ScreeningQueue } from '../../../features/topics-admin/components/screening-queue';
import { StartVoteLinks } from '../../../features/votes-admin/components/start-vote-links';
import { useSession } from '../../../lib/auth';
import { useDocumentTitle } from '../../../lib/document-title';
import { adoptionReportPath, consultationPath } from '../../../shared/consultations/links';
import { unitsOfNode, useNodeContext } from './node-context';
import { Loading } from '../../../components/loading';

/** 「居民看到的页面」 address of a topic (the residents' side of the app). */
const residentTopicPath = (id: string): string => `/topics/${id}`;

/** /console/nodes/:nodeId/consultations: the consultations of the node's units, and 发起议事. */
export function ConsoleConsultationsRoute() {
  const { t } = useTranslation();
  const context = useNodeContext();
  const { node } = context.located;
  const rights = context.sections.consultations;
  if (!rights) return <SectionClosed />;
  const units = unitsOfNode(context);
  return (
    <div className="stack">
      <h2 className="section__title">{t('convene.section.heading')}</h2>
      <p className="section__intro">{isUnitKind(node.kind) ? t('convene.section.introUnit', { name: node.name }) : t('convene.section.introCommunity', { name: node.name })}</p>
      {rights.manage && units.length > 0 && (
        <div className="button-row">
          <Link to="new" className="button button--primary">
            {t('convene.section.create')}
          </Link>
        </div>
      )}
      {units.length === 0 ? <p className="notice">{t('convene.section.noUnits')}</p> : <ConsultationList key={node.id} unitIds={units.map((unit) => unit.id)} showUnits={!isUnitKind(node.kind)} />}
    </div>
  );
}

/** /console/nodes/:nodeId/consultations/new: 发起议事 on this unit, or on a community for the units picked. */
export function ConsoleNewConsultationRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const context = useNodeContext();
  const { node } = context.located;
  const create = useCreateConsultation(node.id);
  const units = unitsOfNode(context);
  if (!context.sections.consultations?.manage || units.length === 0) return <SectionClosed />;
  return (
    <div className="stack">
      <p className="no-print">
        <Link to="..">{t('convene.section.back')}</Link>
      </p>
      <h2 className="section__title" id="new-consultation-title">
        {t('convene.section.create')}
      </h2>
      <p className="section__intro">{t('convene.section.createIntro')}</p>
      <ConsultationForm
        key={node.id}
        units={units}
        pickUnits={!isUnitKind(node.kind)}
        submitLabel={t('convene.section.createSubmit')}
        pendingLabel={t('convene.section.creating')}
        pending={create.isPending}
        error={create.error}
        labelledBy="new-consultation-title"
        onSubmit={(request) => create.mutate(request, { onSuccess: (created) => void navigate(`${consultationConsolePath(created.id)}/draft`) })}
      />
    </div>
  );
}

/** /console/nodes/:nodeId/topics: a unit's screening queue and offline topics. */
export function ConsoleTopicsRoute() {
  const { t } = useTranslation();
  const context = useNodeContext();
  const { node } = context.located;
  const rights = context.sections.topics;
  const user = useSession().data?.user;
  const consultations = useUnitsConsultations(rights && isUnitKind(node.kind) ? [node.id] : []);
  if (!rights || !isUnitKind(node.kind)) return <SectionClosed />;
  const unit: UnitChoice = { id: node.id, name: node.name, kind: node.kind };
  const renderNewConsultation: NewConsultationSlot = ({ onSubmit, pending, error, children }) => (
    <ConsultationForm units={[unit]} pickUnits={false} submitLabel={t('convene.screening.acceptNew')} pendingLabel={t('convene.section.creating')} pending={pending} error={error} onSubmit={onSubmit}>
      {children}
    </ConsultationForm>
  );
  return (
    <ScreeningQueue
      key={node.id}
      unitId={node.id}
      unitName={node.name}
      canManage={rights.manage}
      canRecordOffline={rights.recordOffline}
      consultations={(consultations.data ?? []).map((c) => ({ id: c.id, title: c.title, phase: c.phase }))}
      renderNewConsultation={renderNewConsultation}
      links={{ topic: residentTopicPath, consultation: consultationConsolePath }}
      collectorDefault={user?.displayName ?? ''}
    />
  );
}

interface ConsultationContext {
  consultation: ConsultationDetail;
}

/** /console/consultations/:consultationId: where it is run from, its title and phase, its pages. */
export function ConsoleConsultationRoute() {
  const { t } = useTranslation();
  const { consultationId = '' } = useParams();
  const consultation = useConsultation(consultationId);
  useDocumentTitle(t('app.pageTitle', { page: consultation.data?.title ?? t('convene.page.title') }));
  if (consultation.isPending) return <Loading />;
  if (consultation.isError) return <ConsoleMissing title={t('convene.page.notFound')} query={consultation} />;
  const data = consultation.data;
  const base = consultationConsolePath(data.id);
  const context: ConsultationContext = { consultation: data };
  return (
    <>
      <ConsoleSubjectHeader
        parent={{ to: `/console/nodes/${data.ownerNodeId}/consultations`, name: data.ownerNodeName }}
        kind={
          <>
            {t('convene.page.kind')} <PhaseBadge phase={data.phase} />
          </>
        }
        title={data.title}
        links={
          <p className="page-header__intro">
            <Link to={consultationPath(data.id)}>{t('convene.page.residentView')}</Link>
          </p>
        }
      />
      <ConsoleTabs
        label={t('convene.page.sections')}
        tabs={[
          { to: base, label: t('convene.page.overview'), end: true },
          { to: `${base}/draft`, label: t('convene.page.draft') },
          { to: `${base}/opinions`, label: t('convene.page.opinions') },
          { to: `${base}/briefings`, label: t('convene.page.briefings') },
        ]}
      />
      <div className="tab-panel">
        <Outlet context={context} />
      </div>
    </>
  );
}

/** 概况: the phases (moved on or back by those who run it), what it is, its settings. */
export function ConsoleConsultationOverviewRoute() {
  const { consultation } = useOutletContext<ConsultationContext>();
  return (
    <>
      <PhaseBar consultation={consultation} draftHref={`${consultationConsolePath(consultation.id)}/draft`} />
      {consultation.me.canManage && <StartVoteLinks consultationId={consultation.id} title={consultation.title} units={consultation.units} />}
      <ConsultationFacts consultation={consultation} />
      {consultation.me.canManage && <ConsultationSettings key={consultation.id} consultation={consultation} />}
    </>
  );
}

/** 草案: versions, the one being edited, publishing, the diff, attachments. */
export function ConsoleConsultationDraftRoute() {
  const { consultation } = useOutletContext<ConsultationContext>();
  return <DraftWorkspace key={consultation.id} consultationId={consultation.id} phase={consultation.phase} canManage={consultation.me.canManage} />;
}

/** 意见: every opinion by clause, official answers, moderation, offline opinions, the report. */
export function ConsoleConsultationOpinionsRoute() {
  const { consultation } = useOutletContext<ConsultationContext>();
  const versions = usePublishedVersions(consultation.id);
  const user = useSession().data?.user;
  if (versions.error !== null && !versions.data) return <QueryError error={versions.error} retrying={versions.isFetching} onRetry={versions.refetch} />;
  if (!versions.data) return <Loading />;
  return <OpinionsWorkspace key={consultation.id} consultation={consultation} versions={versions.data} reportHref={adoptionReportPath(consultation.id)} collectorDefault={user?.displayName ?? ''} />;
}

/** 宣讲: the sessions, sign-ups and attendance. */
export function ConsoleConsultationBriefingsRoute() {
  const { consultation } = useOutletContext<ConsultationContext>();
  return <BriefingsPanel key={consultation.id} consultationId={consultation.id} canManage={consultation.me.canManage} canRecord={consultation.me.canRecordOffline} />;
}
