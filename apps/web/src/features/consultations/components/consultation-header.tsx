import { RULE_SET_BASES } from '@yishi/domain';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n';
import type { ConsultationDetail } from '../../../shared/consultations/get-consultation';
import { PhaseBadge } from './phase-badge';
import './consultations.css';

/** The consultation's title and where it stands: its units, who runs it, the body that decides and under which law. */
interface ConsultationHeaderProps {
  consultation: ConsultationDetail;
  titleId: string;
  headingRef?: Ref<HTMLHeadingElement>;
}

export function ConsultationHeader({ consultation, titleId, headingRef }: ConsultationHeaderProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const statute = RULE_SET_BASES[consultation.ruleSet].statute[language];
  return (
    <header className="page-header consultation-header">
      <p className="consultation-card__badges">
        <PhaseBadge phase={consultation.phase} />
      </p>
      <h1 className="page-title" id={titleId} ref={headingRef} tabIndex={-1}>
        {consultation.title}
      </h1>
      {consultation.summary && <p className="consultation-header__summary">{consultation.summary}</p>}
      <dl className="facts consultation-header__facts">
        <div className="facts__row">
          <dt>{t('consultations.units')}</dt>
          <dd>{consultation.units.map((unit) => unit.name).join(t('consultations.nameSeparator'))}</dd>
        </div>
        {!consultation.units.some((unit) => unit.id === consultation.ownerNodeId) && (
          <div className="facts__row">
            <dt>{t('consultations.runBy')}</dt>
            <dd>{consultation.ownerNodeName}</dd>
          </div>
        )}
        <div className="facts__row">
          <dt>{t('consultations.decidedBy')}</dt>
          <dd>
            {language === 'zh-CN' ? consultation.bodyZh : consultation.bodyEn}
            <span className="facts__aside consultation-header__statute">{t('consultations.underStatute', { statute })}</span>
          </dd>
        </div>
      </dl>
    </header>
  );
}
