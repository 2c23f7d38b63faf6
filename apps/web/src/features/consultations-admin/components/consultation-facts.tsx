import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n';
import { formatDate } from '../../../lib/format';
import type { ConsultationDetail } from '../../../shared/consultations/get-consultation';
import { RuleSetDescription } from './consultation-form';
import './consultations-admin.css';

/** What the consultation is: its summary, the units, the rule and body that will decide, the draft. */
export function ConsultationFacts({ consultation }: { consultation: ConsultationDetail }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return (
    <div className="consultation-facts">
      {consultation.summary && <p className="consultation-facts__summary">{consultation.summary}</p>}
      <dl className="facts">
        <div className="facts__row">
          <dt>{t('convene.facts.units')}</dt>
          <dd>{consultation.units.map((unit) => unit.name).join(t('convene.listSeparator'))}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('convene.facts.ruleSet')}</dt>
          <dd className="rule-set__text">
            <span className="rule-set__name">{t(`convene.ruleSet.${consultation.ruleSet}.name`)}</span>
            <RuleSetDescription ruleSet={consultation.ruleSet} />
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('convene.facts.draft')}</dt>
          <dd>{consultation.currentVersion === null ? t('convene.list.noVersion') : t('convene.list.version', { number: consultation.currentVersion })}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('convene.facts.comments')}</dt>
          <dd>{t('convene.list.comments', { count: consultation.commentCount })}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('convene.facts.opened')}</dt>
          <dd>{t('convene.list.opened', { date: formatDate(consultation.createdAt, language) ?? '', node: consultation.ownerNodeName })}</dd>
        </div>
      </dl>
    </div>
  );
}
