import { useTranslation } from 'react-i18next';

interface PaginationProps {
  /** 1-based. */
  page: number;
  pages: number;
  onPage: (page: number) => void;
  /** What is paged, for screen readers: 「名册分页」. */
  label: string;
}

/** 上一页 · 第 2 / 5 页 · 下一页, as big buttons; nothing when everything fits on one page. */
export function Pagination({ page, pages, onPage, label }: PaginationProps) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={label}>
      <button type="button" className="button button--secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('common.pagination.previous')}
      </button>
      <span className="pagination__where">
        {t('common.pagination.pageOf', { page, pages })}
      </span>
      <button type="button" className="button button--secondary" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('common.pagination.next')}
      </button>
    </nav>
  );
}
