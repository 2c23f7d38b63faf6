import type { Condition, ConditionSummary, Figures } from '@yishi/domain';
import { useTranslation } from 'react-i18next';
import { ReadAloud } from '../../../components/read-aloud';
import { ConditionBar } from './condition-bar';
import { ResultFigures } from './result-figures';
import { Section } from '../../../components/section';

interface ResultSectionsProps {
  conditions: readonly (Condition | ConditionSummary)[];
  /** The explanation in sentences, in the reader's language. */
  explanation: readonly string[];
  figures: Figures;
  /** Owners' votes: the area column beside the headcount. */
  withArea: boolean;
  optionLabel: (id: string) => string;
}

/**
 * The body of a counted result, as the notice and its public page both show it: every condition
 * as a bar, the explanation in sentences, then every figure.
 */
export function ResultSections({ conditions, explanation, figures, withArea, optionLabel }: ResultSectionsProps) {
  const { t } = useTranslation();
  return (
    <>
      <Section titleId="conditions-title" title={t('votes.result.conditions')}>
        <ul className="plain-list condition-list">
          {conditions.map((condition) => (
            <ConditionBar key={`${condition.id}-${condition.source}`} condition={condition} counted optionLabel={optionLabel} />
          ))}
        </ul>
      </Section>

      <Section titleId="explanation-title" title={t('votes.result.explanation')}>
        <ReadAloud text={explanation.join('')} label={t('readAloud.explanation')} />
        <ol className="explanation">
          {explanation.map((sentence, index) => (
            <li key={index}>{sentence}</li>
          ))}
        </ol>
      </Section>

      <Section titleId="figures-title" title={t('votes.result.figures')}>
        <ResultFigures figures={figures} withArea={withArea} optionLabel={optionLabel} />
      </Section>
    </>
  );
}
