import { useTranslation } from 'react-i18next';

/** 加载中…: said once to a screen reader (role status) while a page's data arrive. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="notice" role="status">
      {t('common.loading')}
    </p>
  );
}
