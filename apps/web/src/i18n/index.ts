import i18next from 'i18next';
import type { i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../lib/preferences';
import { applyLanguage, isLanguage } from '../lib/preferences';
import { ensureStrings, fetchEverything, markCoreAdded } from './page-strings';
import type { Translations } from './resources';
import { i18nOptions } from './resources';

/**
 * Starts i18next in the given language, with the frame's strings of `translations` (see
 * page-strings.ts), and keeps `<html lang>` in step with it.
 */
export function initI18n(language: Language, translations: Translations, root: HTMLElement = document.documentElement): typeof i18next {
  i18next.on('languageChanged', (lng) => {
    if (isLanguage(lng)) {
      applyLanguage(root, lng);
    }
  });
  for (const lng of Object.keys(translations)) if (isLanguage(lng)) markCoreAdded(lng);
  const options = i18nOptions(language, translations);
  void i18next.use(initReactI18next).init({
    ...options,
    // A key the page did not fetch (page-strings.ts): fetch the whole file and draw again, the
    // key shown meanwhile; components redraw when strings are added ('added'). A call that gives
    // a default value expects keys that may not exist (a code from the server): the default.
    parseMissingKeyHandler: (key, defaultValue) => {
      if (defaultValue !== undefined) return defaultValue;
      const lng = currentLanguage(i18next);
      // A fault of the build's cut (vite-plugins/page-strings.ts), to be seen in the console.
      console.error(`No string "${key}" on this page in ${lng}: fetching all of them`);
      void fetchEverything(i18next, lng);
      return key;
    },
    react: { bindI18nStore: 'added' },
  });
  applyLanguage(root, language);
  return i18next;
}

/** Switches to `language`, fetching first its strings of the frame and of the pages opened so far. */
export async function changeLanguage(i18n: Pick<I18n, 'addResourceBundle' | 'changeLanguage'>, language: Language): Promise<void> {
  await ensureStrings(i18n, language);
  await i18n.changeLanguage(language);
}

/** The active language, as one of ours. */
export function currentLanguage(i18n: Pick<typeof i18next, 'resolvedLanguage' | 'language'>): Language {
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return isLanguage(lng) ? lng : 'zh-CN';
}
