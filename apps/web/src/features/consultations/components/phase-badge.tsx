import type { ConsultationPhase } from '@yishi/contracts';
import { useTranslation } from 'react-i18next';
import { phaseStatusKey } from '../utils/phases';
import './consultations.css';

/** Where a consultation is now, as a badge: 征求意见中, 表决中… (the word carries it, not the colour). */
export function PhaseBadge({ phase }: { phase: ConsultationPhase }) {
  const { t } = useTranslation();
  return <span className={`badge phase-badge phase-badge--${phase}`}>{t(phaseStatusKey(phase))}</span>;
}
