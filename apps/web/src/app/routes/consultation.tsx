/**
 * /consultations/:consultationId — a consultation as a resident reads it on a phone. The place
 * in it lives in the address (see shared/consultations/links): the overview (phases, briefings, the
 * draft's clauses, the whole-draft opinions), one clause with its opinions (#clause-3), or the
 * changes from the previous version (#changes); `?comment=<id>` from a notification is found,
 * shown where it is and focused.
 */
import type { RefObject } from 'react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { QueryError } from '../../components/query-error';
import { BriefingList } from '../../features/briefings/components/briefing-list';
import { useCommentCounts } from '../../features/comments/api/list-comments';
import { useLocateComment } from '../../features/comments/api/locate-comment';
import { CommentSection } from '../../features/comments/components/comment-section';
import type { CommentAvailability } from '../../features/comments/utils/availability';
import { commentAvailability } from '../../features/comments/utils/availability';
import { versionCounts } from '../../features/comments/utils/counts';
import type { ConsultationDetail } from '../../shared/consultations/get-consultation';
import { useConsultation } from '../../shared/consultations/get-consultation';
import { ConsultationHeader } from '../../features/consultations/components/consultation-header';
import { PhaseTimeline } from '../../features/consultations/components/phase-timeline';
import type { Version } from '../../features/drafts/api/get-version';
import { useVersion } from '../../features/drafts/api/get-version';
import { useVersionDiff } from '../../features/drafts/api/get-version-diff';
import { usePublishedVersions } from '../../features/drafts/api/list-versions';
import { AttachmentList } from '../../components/attachment-list';
import { ClauseIndex } from '../../features/drafts/components/clause-index';
import { ClauseView } from '../../features/drafts/components/clause-view';
import { VersionChanges } from '../../features/drafts/components/version-changes';
import { VersionPicker } from '../../features/drafts/components/version-picker';
import { clauseChange } from '../../features/drafts/utils/clauses';
import { ConsultationVotes } from '../../features/votes/components/consultation-votes';
import { currentLanguage } from '../../i18n';
import type { ReaderLocation } from '../../shared/consultations/links';
import { adoptionReportPath, consultationPath, readReaderLocation } from '../../shared/consultations/links';
import { useDocumentTitle } from '../../lib/document-title';
import { formatDate } from '../../lib/format';
import './consultation.css';
import { Loading } from '../../components/loading';
import { Section } from '../../components/section';

interface ReaderProps {
  consultation: ConsultationDetail;
  version: Version;
  place: ReaderLocation;
  availability: CommentAvailability;
}

/**
 * Puts the focus on the view's heading whenever the view changes (another clause, the overview,
 * the changes), as a screen-reader or keyboard user needs after an in-page change of "page"; not
 * when a link pointed at a comment (that comment takes the focus instead).
 */
function useFocusOnView(viewKey: string, target: RefObject<HTMLElement | null>, skip: boolean): void {
  useEffect(() => {
    if (!skip) target.current?.focus({ preventScroll: true });
  }, [viewKey, target, skip]);
}

function commentPeriodOf(consultation: ConsultationDetail): { startsAt: string; endsAt: string | null } | null {
  return consultation.phases.find((p) => p.phase === 'comment') ?? null;
}

/** #clause-N: the clause as a page of its own, then its opinions. */
function ClausePage({ consultation, version, place, availability, number }: ReaderProps & { number: number }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const index = version.clauses.findIndex((clause) => clause.number === number);
  const clause = version.clauses[index];
  const diff = useVersionDiff(consultation.id, version.number);
  const counts = useCommentCounts(consultation.id, version.id);
  useDocumentTitle(t('app.pageTitle', { page: t('consultationPage.clauseTitle', { number, title: consultation.title }) }));
  useFocusOnView(`clause-${number}`, heading, place.commentId !== null);
  const versionParam = place.version;
  if (!clause) {
    return (
      <div className="notice notice--error" role="alert">
        <p className="notice__text">{t('consultationPage.noSuchClause', { number })}</p>
        <Link to={consultationPath(consultation.id, { version: versionParam })}>{t('draft.backToIndex')}</Link>
      </div>
    );
  }
  return (
    <>
      <p className="page-header__kind reader-crumb">
        <Link to={consultationPath(consultation.id, { version: versionParam })}>{consultation.title}</Link>
        {t('consultations.separator')}
        {t('draft.versionNumber', { number: version.number })}
      </p>
      <ClauseView
        consultationId={consultation.id}
        clause={clause}
        previous={version.clauses[index - 1] ?? null}
        next={version.clauses[index + 1] ?? null}
        versionParam={versionParam}
        change={diff.data ? clauseChange(diff.data.clauses, clause.id) : null}
        previousVersion={diff.data?.previousNumber ?? null}
        headingRef={heading}
        headingId={`clause-${clause.number}`}
      />
      <CommentSection
        consultationId={consultation.id}
        versionId={version.id}
        versionNumber={version.number}
        latestVersion={consultation.currentVersion ?? version.number}
        clause={{ id: clause.id, number: clause.number }}
        availability={availability}
        commentPeriod={commentPeriodOf(consultation)}
        count={counts.data ? (versionCounts(counts.data, version.id).byClause.get(clause.id) ?? 0) : 0}
        highlightId={place.commentId}
        headingId="clause-comments"
      />
    </>
  );
}

/** #changes: what this version changed from the one before. */
function ChangesPage({ consultation, version, place }: ReaderProps) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(t('app.pageTitle', { page: t('consultationPage.changesTitle', { number: version.number, title: consultation.title }) }));
  useFocusOnView('changes', heading, false);
  return (
    <>
      <p className="page-header__kind reader-crumb">
        <Link to={consultationPath(consultation.id, { version: place.version })}>{consultation.title}</Link>
      </p>
      <h1 className="page-title" id="changes" ref={heading} tabIndex={-1}>
        {t('consultationPage.changesHeading', { number: version.number, previous: version.number - 1 })}
      </h1>
      <VersionChanges consultationId={consultation.id} version={version.number} versionParam={place.version} />
      <p className="reader-back">
        <Link to={consultationPath(consultation.id, { version: place.version })} className="button button--secondary">
          {t('draft.backToIndex')}
        </Link>
      </p>
    </>
  );
}

/** The overview: the consultation, its phases, briefings, the draft's clauses and the whole-draft opinions. */
function OverviewPage({ consultation, version, place, availability }: ReaderProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const heading = useRef<HTMLHeadingElement>(null);
  const versions = usePublishedVersions(consultation.id);
  const counts = useCommentCounts(consultation.id, version.id);
  const perPlace = versionCounts(counts.data, version.id);
  const latest = consultation.currentVersion ?? version.number;
  useDocumentTitle(t('app.pageTitle', { page: consultation.title }));
  useFocusOnView('overview', heading, place.commentId !== null);
  return (
    <>
      <ConsultationHeader consultation={consultation} titleId="consultation-title" headingRef={heading} />
      <nav className="reader-links no-print" aria-label={t('consultationPage.sections')}>
        <a href="#draft-title" className="reader-links__link">
          {t('consultationPage.toDraft')}
        </a>
        <a href="#whole-draft-comments" className="reader-links__link">
          {t('consultationPage.toComments')}
        </a>
        <Link to={adoptionReportPath(consultation.id)} className="reader-links__link">
          {t('consultationPage.toReport')}
        </Link>
      </nav>
      <ConsultationVotes consultationId={consultation.id} unitIds={consultation.units.map((unit) => unit.id)} />
      <Section titleId="phases-title" title={t('consultationPage.phases')}>
        <PhaseTimeline consultation={consultation} />
      </Section>
      <BriefingList consultationId={consultation.id} canParticipate={consultation.me.canParticipate} headingId="briefings-title" />
      <Section titleId="draft-title" title={t('consultationPage.draft')} className="draft-overview">
        <p className="draft-overview__title">{version.title}</p>
        <p className="section__intro">
          {t('consultationPage.versionLine', { number: version.number, date: version.publishedAt ? (formatDate(version.publishedAt, language) ?? '') : '' })}
          {version.number < latest && <strong className="draft-overview__older">{t('consultationPage.olderVersion', { latest })}</strong>}
        </p>
        {versions.data && <VersionPicker consultationId={consultation.id} versions={versions.data} shown={version.number} latest={latest} />}
        {version.number > 1 && (
          <p>
            <Link to={consultationPath(consultation.id, { version: place.version, view: { kind: 'changes' } })} className="button button--secondary">
              {t('consultationPage.seeChanges', { previous: version.number - 1 })}
            </Link>
          </p>
        )}
        {version.preamble && <p className="clause__body">{version.preamble}</p>}
        {version.attachments.length > 0 && (
          <section aria-labelledby="attachments-title">
            <h3 className="subsection__title" id="attachments-title">
              {t('consultationPage.attachments')}
            </h3>
            <AttachmentList attachments={version.attachments} />
          </section>
        )}
        <h3 className="subsection__title draft-overview__clauses" id="clauses-title">
          {t('consultationPage.clauses', { count: version.clauses.length })}
        </h3>
        <p className="section__intro">{t('consultationPage.clausesIntro')}</p>
        <ClauseIndex consultationId={consultation.id} clauses={version.clauses} versionParam={place.version} commentCounts={perPlace.byClause} labelledBy="clauses-title" />
      </Section>
      <CommentSection
        consultationId={consultation.id}
        versionId={version.id}
        versionNumber={version.number}
        latestVersion={latest}
        clause={null}
        availability={availability}
        commentPeriod={commentPeriodOf(consultation)}
        count={perPlace.wholeDraft}
        highlightId={place.commentId}
        headingId="whole-draft-comments"
      />
      <p className="reader-back">
        <Link to={adoptionReportPath(consultation.id)} className="button button--secondary button--block">
          {t('consultationPage.toReport')}
        </Link>
      </p>
    </>
  );
}

export function ConsultationRoute() {
  const { t } = useTranslation();
  const { consultationId = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const place = readReaderLocation(location.search, location.hash);
  const consultation = useConsultation(consultationId);
  const located = useLocateComment(consultationId, place.commentId);
  const shownNumber = place.version ?? consultation.data?.currentVersion ?? null;
  const version = useVersion(consultationId, shownNumber);

  // A link to a comment: once found, show its version and clause (the address says where).
  const found = located.data;
  const current = consultation.data?.currentVersion ?? null;
  const target =
    found && current !== null
      ? consultationPath(consultationId, {
          version: found.versionNumber === current ? null : found.versionNumber,
          view: found.clauseNumber === null ? { kind: 'overview' } : { kind: 'clause', number: found.clauseNumber },
          comment: place.commentId,
        })
      : null;
  const here = `${location.pathname}${location.search}${location.hash}`;
  useEffect(() => {
    if (target && target !== here) void navigate(target, { replace: true });
  }, [target, here, navigate]);

  if (consultation.isPending) return <Loading />;
  if (consultation.isError) return <QueryError error={consultation.error} retrying={consultation.isFetching} onRetry={() => void consultation.refetch()} />;
  const detail = consultation.data;
  if (detail.currentVersion === null) {
    return (
      <>
        <ConsultationHeader consultation={detail} titleId="consultation-title" />
        <ConsultationVotes consultationId={detail.id} unitIds={detail.units.map((unit) => unit.id)} />
        <Section titleId="phases-title" title={t('consultationPage.phases')}>
          <PhaseTimeline consultation={detail} />
        </Section>
        <p className="notice">{t('consultationPage.noDraft')}</p>
      </>
    );
  }
  if (place.commentId && located.isPending) return <Loading />;
  if (version.isPending) return <Loading />;
  if (version.isError) return <QueryError error={version.error} retrying={version.isFetching} onRetry={() => void version.refetch()} />;

  const availability = commentAvailability({ phase: detail.phase, canParticipate: detail.me.canParticipate, isCurrentVersion: version.data.number === detail.currentVersion });
  const props: ReaderProps = { consultation: detail, version: version.data, place, availability };
  const notFound = place.commentId && located.isSuccess && located.data === null;
  return (
    <div className="reader">
      {notFound && (
        <p className="notice notice--warning" role="status">
          {t('consultationPage.commentNotFound')}
        </p>
      )}
      {place.view.kind === 'clause' && <ClausePage {...props} number={place.view.number} />}
      {place.view.kind === 'changes' && <ChangesPage {...props} />}
      {place.view.kind === 'overview' && <OverviewPage {...props} />}
    </div>
  );
}
