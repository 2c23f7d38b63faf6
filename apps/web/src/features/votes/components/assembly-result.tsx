import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { components } from '../../../api/schema';
import { ReadAloud } from '../../../components/read-aloud';
import { currentLanguage } from '../../../i18n';
import { candidateNames, matterTitle } from '../utils/assembly';
import { weighsArea } from '../utils/rule-sentence';
import { ConditionBar } from './condition-bar';
import { ResultFigures } from './result-figures';

export type AssemblyResult = components['schemas']['AssemblyResultDto'];
type MatterResult = AssemblyResult['matters'][number];

/**
 * An assembly's result, matter by matter, as the notice and its public page both show it: the
 * summary (how many passed), then each matter with its verdict — a matter that failed is shown
 * failing beside those that passed — its conditions, sentences and figures, and for an election
 * who was elected, the seats left open and every candidate's votes and standing.
 */
export function AssemblyResultSections({ result, stage }: { result: AssemblyResult; stage: 'provisional' | 'final' }) {
  const { t } = useTranslation();
  const passed = result.matters.filter((m) => m.passed).length;
  return (
    <>
      <section className={`verdict verdict--${passed === result.matters.length ? 'passed' : 'failed'}`} aria-labelledby="verdict-title">
        <h2 className="verdict__label" id="verdict-title">
          {stage === 'final' ? t('votes.result.finalVerdict') : t('votes.result.provisionalVerdict')}
        </h2>
        <p className="verdict__value">{t('votes.assembly.summary', { count: result.matters.length, passed })}</p>
        <ul className="plain-list assembly-verdicts">
          {result.matters.map((m, index) => (
            <li key={m.matter.id}>
              <a href={`#matter-${m.matter.id}`}>{t('votes.assembly.matter', { n: index + 1, title: m.matter.title })}</a>
              {'：'}
              <strong>{verdictText(m, t)}</strong>
            </li>
          ))}
        </ul>
        <p className="verdict__note">{result.reading['zh-CN'] && <ReadingNote reading={result.reading} />}</p>
      </section>
      {result.matters.map((m, index) => (
        <MatterSection key={m.matter.id} result={m} position={index + 1} />
      ))}
    </>
  );
}

function ReadingNote({ reading }: { reading: AssemblyResult['reading'] }) {
  const { i18n } = useTranslation();
  return <>{reading[currentLanguage(i18n)]}</>;
}

function verdictText(m: MatterResult, t: TFunction): string {
  if (!m.election) return m.passed ? t('votes.assembly.passed') : t('votes.assembly.notPassed');
  return m.election.elected.length > 0 ? t('votes.assembly.elected', { names: candidateNames(m.matter, m.election.elected).join(t('votes.listSeparator')) }) : t('votes.assembly.noneElected');
}

function MatterSection({ result, position }: { result: MatterResult; position: number }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const titleId = `matter-${result.matter.id}`;
  const explanation = result.explanation[language];
  return (
    <section className={`section assembly-result assembly-result--${result.passed ? 'passed' : 'failed'}`} aria-labelledby={titleId}>
      <h2 className="section__title" id={titleId} tabIndex={-1}>
        {t('votes.assembly.matter', { n: position, title: matterTitle(result.matter, language) })}
        <span className={`vote-badge vote-badge--${result.passed ? 'passed' : 'failed'}`}>{verdictText(result, t)}</span>
      </h2>
      <p className="section__intro">{language === 'en' ? result.matter.questionEn || result.matter.question : result.matter.question}</p>
      {(result.blank > 0 || result.spoilt > 0) && <p className="section__intro">{t('votes.assembly.blankCount', { blank: result.blank, spoilt: result.spoilt })}</p>}
      {result.tally && (
        <>
          <ul className="plain-list condition-list">
            {result.tally.conditions.map((condition) => (
              <ConditionBar key={`${condition.id}-${condition.source}`} condition={condition} counted optionLabel={(id) => id} />
            ))}
          </ul>
          <ResultFigures figures={result.tally.figures} withArea={weighsArea(result.matter.ruleSet)} optionLabel={(id) => id} />
        </>
      )}
      {result.election && (
        <>
          {result.election.unfilled > 0 && <p className="notice notice--warning">{t('votes.assembly.unfilled', { count: result.election.unfilled })}</p>}
          <div className="table-scroll">
            <table className="figures-table assembly-candidates-table">
              <caption>{t('votes.assembly.candidates')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('votes.assembly.candidate')}</th>
                  <th scope="col">{t('votes.assembly.votes')}</th>
                  <th scope="col">{t('votes.assembly.standing')}</th>
                </tr>
              </thead>
              <tbody>
                {result.election.candidates.map((c) => (
                  <tr key={c.candidate}>
                    <th scope="row">{c.name}</th>
                    <td>{c.votes}</td>
                    <td>{t(`votes.assembly.standings.${c.standing}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <ReadAloud text={explanation.join('')} label={t('readAloud.explanation')} />
      <ol className="explanation">
        {explanation.map((sentence, index) => (
          <li key={index}>{sentence}</li>
        ))}
      </ol>
    </section>
  );
}
