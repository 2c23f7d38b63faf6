import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n';
import { formatDate } from '../../../lib/format';
import type { ConsultationDetail } from '../../../shared/consultations/get-consultation';
import { phaseNameKey, phaseTimeline } from '../utils/phases';
import './consultations.css';

/**
 * The phases in order with their planned dates: an ordered list, the current step marked with
 * aria-current and the words 「当前阶段」, past and upcoming ones said in words too.
 */
export function PhaseTimeline({ consultation }: { consultation: ConsultationDetail }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const steps = phaseTimeline(consultation.phase, consultation.phases);
  return (
    <ol className="plain-list phase-timeline">
      {steps.map((step) => {
        const start = step.startsAt ? formatDate(step.startsAt, language) : null;
        const end = step.endsAt ? formatDate(step.endsAt, language) : null;
        return (
          <li key={step.phase} className={`phase-step phase-step--${step.state}`} aria-current={step.state === 'current' ? 'step' : undefined}>
            <span className="phase-step__marker" aria-hidden="true">
              {step.state === 'past' ? '✓' : step.state === 'current' ? '●' : '○'}
            </span>
            <span className="phase-step__body">
              <span className="phase-step__name">{t(phaseNameKey(step.phase))}</span>
              {/* A phase passed without dates was skipped (no briefing, say): it says so, never 「已过 日期待定」. */}
              <span className="phase-step__state">{t(`consultations.stepState.${step.state === 'past' && !start ? 'skipped' : step.state}`)}</span>
              {(start || step.state !== 'past') && (
                <span className="phase-step__dates">
                  {start && end ? t('consultations.dates.range', { start, end }) : start ? t('consultations.dates.from', { start }) : t('consultations.dates.none')}
                </span>
              )}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
