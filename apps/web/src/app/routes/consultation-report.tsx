import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { AdoptionReport } from '../../features/comments/components/adoption-report';
import { consultationPath } from '../../shared/consultations/links';
import { useDocumentTitle } from '../../lib/document-title';
import './consultation.css';

/** /consultations/:consultationId/report — 意见采纳情况说明, on screen, on A4 paper, and as a workbook. */
export function ConsultationReportRoute() {
  const { t } = useTranslation();
  const { consultationId = '' } = useParams();
  useDocumentTitle(t('app.pageTitle', { page: t('report.title') }));
  return (
    <>
      <p className="page-header__kind reader-crumb no-print">
        <Link to={consultationPath(consultationId)}>{t('report.back')}</Link>
      </p>
      <AdoptionReport consultationId={consultationId} titleId="report-title" />
    </>
  );
}
