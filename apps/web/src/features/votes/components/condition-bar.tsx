import type { Condition, ConditionSummary } from '@yishi/domain';
import { useTranslation } from 'react-i18next';
import { barPercent, formatAmount, formatPercent, neededAmount, thresholdPercent, thresholdText } from '../utils/figures';
import './votes.css';

interface ConditionBarProps {
  condition: Condition | ConditionSummary;
  /** Live turnout (no verdict yet) or a counted result (met / not met). */
  counted: boolean;
  /** A poll option's label, for the option with most ballots. */
  optionLabel?: (id: string) => string;
}

/**
 * One condition of the rule as a bar with its words: what is counted, numerator / denominator,
 * the share, and the threshold, which is also drawn as a line across the bar. The words carry it
 * all; the bar is a picture of the same figures (hidden from screen readers).
 */
export function ConditionBar({ condition, counted, optionLabel }: ConditionBarProps) {
  const { t } = useTranslation();
  const fill = barPercent(condition.numerator, condition.denominator);
  const line = thresholdPercent(condition.threshold);
  const needed = thresholdText(condition.threshold, t);
  // The threshold in this vote's own numbers: 「全部 120 人的三分之二以上，就是至少 80 人」.
  const least = neededAmount(condition.denominator, condition.threshold);
  const name =
    condition.id === 'majority' && condition.option && optionLabel ? t('votes.condition.majorityOption', { option: optionLabel(condition.option) }) : t(`votes.condition.${condition.id}`);
  return (
    <li className={`card condition${counted ? (condition.met ? ' condition--met' : ' condition--unmet') : ''}`}>
      <p className="condition__name">
        {name}
        {counted && <span className="condition__verdict">{condition.met ? t('votes.condition.met') : t('votes.condition.unmet')}</span>}
      </p>
      <div className="condition__bar" aria-hidden="true">
        <span className="condition__fill" style={{ width: `${fill}%` }} />
        <span className="condition__line" style={{ left: `${line}%` }} />
      </div>
      <p className="condition__figures">
        <strong className="condition__percent">{formatPercent(condition.percent)}</strong>{' '}
        {t('votes.condition.fraction', {
          numerator: formatAmount(condition.measure, condition.numerator, t),
          denominator: formatAmount(condition.measure, condition.denominator, t),
        })}
      </p>
      <p className="condition__needed">{t('votes.condition.needed', { threshold: needed })}</p>
      {least !== null && (
        <p className="condition__in-numbers">
          {t(counted ? 'votes.condition.inNumbers' : 'votes.condition.inNumbersLive', {
            denominator: formatAmount(condition.measure, condition.denominator, t),
            threshold: needed,
            needed: formatAmount(condition.measure, least, t),
            actual: formatAmount(condition.measure, condition.numerator, t),
          })}
        </p>
      )}
    </li>
  );
}
