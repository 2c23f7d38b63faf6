import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage } from '../i18n';
import { browserStorage, saveLanguage } from '../lib/preferences';

/**
 * One button that switches between the two languages. It shows the other language in that
 * language's own words (「English」 while Chinese is on, 「中文」 while English is on), from the
 * strings of the language on screen: the other one's are fetched only when someone switches.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const next = currentLanguage(i18n) === 'zh-CN' ? 'en' : 'zh-CN';

  const switchLanguage = (): void => {
    // Should the other language's strings fail to arrive, nothing changes and the button stays.
    changeLanguage(i18n, next).then(
      () => saveLanguage(browserStorage(), next),
      () => undefined,
    );
  };

  return (
    <button type="button" className="button button--secondary" onClick={switchLanguage}>
      <span className="visually-hidden">{t('language.switchTo')}</span>
      <span lang={next}>{t('language.otherNativeName')}</span>
    </button>
  );
}
