import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { clausePath } from '../../../shared/consultations/links';
import type { Clause } from '../api/get-version';
import { excerpt } from '../utils/clauses';
import './drafts.css';

interface ClauseIndexProps {
  consultationId: string;
  clauses: readonly Clause[];
  /** The version in the address (null: the current one), kept in each link. */
  versionParam: number | null;
  /** Top-level comments per clause id. */
  commentCounts: ReadonlyMap<string, number>;
  labelledBy: string;
}

/** The clauses in order, each a big link to its page: 第N条, its heading, its first words and its opinions. */
export function ClauseIndex({ consultationId, clauses, versionParam, commentCounts, labelledBy }: ClauseIndexProps) {
  const { t } = useTranslation();
  return (
    <ol className="plain-list clause-index" aria-labelledby={labelledBy}>
      {clauses.map((clause) => {
        const comments = commentCounts.get(clause.id) ?? 0;
        return (
          <li key={clause.id}>
            <Link to={clausePath(consultationId, clause.number, versionParam)} className="clause-index__link">
              <span className="clause-index__title">
                <span className="clause-index__number">{t('draft.clauseNumber', { number: clause.number })}</span>
                {clause.heading && <span className="clause-index__heading">{clause.heading}</span>}
              </span>
              <span className="clause-index__excerpt">{excerpt(clause.body)}</span>
              <span className="clause-index__comments">{t('draft.clauseComments', { count: comments })}</span>
            </Link>
          </li>
        );
      })}
    </ol>
  );
}
