import i18next from 'i18next';
import type { i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../lib/preferences';
import { applyLanguage, isLanguage } from '../lib/preferences';
import type { Translations } from './resources';
import { i18nOptions, loadTranslation } from './resources';

/**
 * Starts i18next in the given language, whose strings must be among `translations` (see
 * `loadTranslation`), and keeps `<html lang>` in step with it.
 */
export function initI18n(language: Language, translations: Translations, root: HTMLElement = document.documentElement): typeof i18next {
  i18next.on('languageChanged', (lng) => {
    if (isLanguage(lng)) {
      applyLanguage(root, lng);
    }
  });
  void i18next.use(initReactI18next).init(i18nOptions(language, translations));
  applyLanguage(root, language);
  return i18next;
}

/**
 * Adds the main strings of `language` unless they are there already. A bundle alone proves
 * nothing: the console adds its own strings in every language when its chunk loads.
 */
export async function ensureLanguage(i18n: Pick<I18n, 'getResource' | 'addResourceBundle'>, language: Language): Promise<void> {
  if (i18n.getResource(language, 'translation', 'app.name') !== undefined) return;
  i18n.addResourceBundle(language, 'translation', await loadTranslation(language), true, false);
}

/** Switches to `language`, fetching its strings first if this page has not had them yet. */
export async function changeLanguage(i18n: Pick<I18n, 'getResource' | 'addResourceBundle' | 'changeLanguage'>, language: Language): Promise<void> {
  await ensureLanguage(i18n, language);
  await i18n.changeLanguage(language);
}

/** The active language, as one of ours. */
export function currentLanguage(i18n: Pick<typeof i18next, 'resolvedLanguage' | 'language'>): Language {
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return isLanguage(lng) ? lng : 'zh-CN';
}
