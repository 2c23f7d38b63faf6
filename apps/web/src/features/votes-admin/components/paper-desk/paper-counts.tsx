import { useTranslation } from 'react-i18next';
import type { PaperList } from '../../api/papers';

const PAPER_COUNTS = ['issued', 'returned', 'entered', 'confirmed', 'disputed'] as const;

/** Issued / returned / entered per building or household, and in all: a card each on a phone. */
export function PaperCountCards({ list }: { list: PaperList }) {
  const { t } = useTranslation();
  const rows = [...list.groups.map((g) => ({ name: g.group, voters: g.voters, counts: g })), { name: t('voteAdmin.papers.total'), voters: list.groups.reduce((sum, g) => sum + g.voters, 0), counts: list.totals }];
  return (
    <ul className="plain-list paper-count-cards" aria-label={t('voteAdmin.papers.countsCaption')}>
      {rows.map((row, index) => (
        <li key={row.name} className={`card paper-count-card${index === rows.length - 1 ? ' paper-count-card--total' : ''}`}>
          <p className="paper-count-card__name">{row.name}</p>
          <dl className="paper-count-card__figures">
            <div>
              <dt>{t('voteAdmin.papers.voters')}</dt>
              <dd>{row.voters}</dd>
            </div>
            {PAPER_COUNTS.map((key) => (
              <div key={key}>
                <dt>{t(`voteAdmin.papers.count.${key}`)}</dt>
                <dd>{row.counts[key]}</dd>
              </div>
            ))}
          </dl>
        </li>
      ))}
    </ul>
  );
}

export function PaperCountsTable({ list }: { list: PaperList }) {
  const { t } = useTranslation();
  return (
    <div className="data-table-wrap">
      <table className="data-table paper-counts">
        <caption className="visually-hidden">{t('voteAdmin.papers.countsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('voteAdmin.papers.group')}</th>
            <th scope="col">{t('voteAdmin.papers.voters')}</th>
            {PAPER_COUNTS.map((key) => (
              <th key={key} scope="col">
                {t(`voteAdmin.papers.count.${key}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {list.groups.map((group) => (
            <tr key={group.group}>
              <th scope="row">{group.group}</th>
              <td className="data-table__number">{group.voters}</td>
              {PAPER_COUNTS.map((key) => (
                <td key={key} className="data-table__number">
                  {group[key]}
                </td>
              ))}
            </tr>
          ))}
          <tr className="paper-counts__total">
            <th scope="row">{t('voteAdmin.papers.total')}</th>
            <td className="data-table__number">{list.groups.reduce((sum, g) => sum + g.voters, 0)}</td>
            {PAPER_COUNTS.map((key) => (
              <td key={key} className="data-table__number">
                {list.totals[key]}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
