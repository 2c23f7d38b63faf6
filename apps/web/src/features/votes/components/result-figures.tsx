import type { Figures } from '@yishi/domain';
import { formatArea } from '@yishi/domain';
import { useTranslation } from 'react-i18next';
import { Term } from '../../../components/term';

interface ResultFiguresProps {
  figures: Figures;
  /** Owners' votes: the area column beside the headcount. */
  withArea: boolean;
  optionLabel: (id: string) => string;
}

const ROWS = ['electorate', 'participating', 'approve', 'oppose', 'abstain', 'withoutChoice'] as const;

/** Every figure of the count: persons (and area, households where counted) per group, ballots by channel, a poll's options. */
export function ResultFigures({ figures, withArea, optionLabel }: ResultFiguresProps) {
  const { t } = useTranslation();
  const households = figures.electorate.households !== null;
  const { ballots } = figures;
  return (
    <>
      <div className="figure-table-wrap">
        <table className="figure-table">
          <caption className="visually-hidden">{t('votes.result.figuresCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('votes.result.group')}</th>
              <th scope="col">{t('votes.result.persons')}</th>
              {withArea && <th scope="col">{t('votes.result.area')}</th>}
              {households && <th scope="col">{t('votes.result.households')}</th>}
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => {
              const figure = figures[row];
              return (
                <tr key={row}>
                  <th scope="row">{row === 'electorate' ? <Term id="frozenRoll">{t('votes.result.row.electorate')}</Term> : t(`votes.result.row.${row}`)}</th>
                  <td>{figure.persons}</td>
                  {withArea && <td>{figure.area === null ? '—' : formatArea(figure.area)}</td>}
                  {households && <td>{'households' in figure && figure.households !== null ? figure.households : '—'}</td>}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {figures.options && (
        <div className="figure-table-wrap">
          <table className="figure-table">
            <caption className="figure-table__caption">{t('votes.result.optionsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('votes.result.option')}</th>
                <th scope="col">{t('votes.result.persons')}</th>
              </tr>
            </thead>
            <tbody>
              {figures.options.map((option) => (
                <tr key={option.option}>
                  <th scope="row">{optionLabel(option.option)}</th>
                  <td>{option.persons}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <dl className="facts ballot-facts">
        <div className="facts__row">
          <dt>{t('votes.result.ballotsReceived')}</dt>
          <dd>{t('votes.result.ballotsReceivedValue', { received: ballots.received, counted: ballots.counted, rejected: ballots.rejected })}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('votes.result.byChannel')}</dt>
          <dd>{t('votes.result.byChannelValue', { online: ballots.online, paper: ballots.paper, meeting: ballots.meeting })}</dd>
        </div>
        {ballots.inBox !== null && (
          <div className="facts__row">
            <dt>{t('votes.result.inBox')}</dt>
            <dd>{ballots.inBox}</dd>
          </div>
        )}
        {figures.spoilt > 0 && (
          <div className="facts__row">
            <dt>{t('votes.result.spoilt')}</dt>
            <dd>{figures.spoilt}</dd>
          </div>
        )}
      </dl>
    </>
  );
}
