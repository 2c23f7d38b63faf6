import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { browserStorage, saveLanguage } from '../lib/preferences';

/**
 * One button that switches between the two languages. It shows the other language in that
 * language's own words (「English」 while Chinese is on, 「中文」 while English is on).
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const next = currentLanguage(i18n) === 'zh-CN' ? 'en' : 'zh-CN';

  const switchLanguage = (): void => {
    saveLanguage(browserStorage(), next);
    void i18n.changeLanguage(next);
  };

  return (
    <button type="button" className="button button--secondary" onClick={switchLanguage}>
      <span className="visually-hidden">{t('language.switchTo')}</span>
      <span lang={next}>{t('language.nativeName', { lng: next })}</span>
    </button>
  );
}
