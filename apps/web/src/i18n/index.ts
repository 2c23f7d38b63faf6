import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../lib/preferences';
import { applyLanguage, isLanguage } from '../lib/preferences';
import { i18nOptions } from './resources';

/** Starts i18next in the given language and keeps `<html lang>` in step with it. */
export function initI18n(language: Language, root: HTMLElement = document.documentElement): typeof i18next {
  i18next.on('languageChanged', (lng) => {
    if (isLanguage(lng)) {
      applyLanguage(root, lng);
    }
  });
  void i18next.use(initReactI18next).init(i18nOptions(language));
  applyLanguage(root, language);
  return i18next;
}

/** The active language, as one of ours. */
export function currentLanguage(i18n: Pick<typeof i18next, 'resolvedLanguage' | 'language'>): Language {
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return isLanguage(lng) ? lng : 'zh-CN';
}
