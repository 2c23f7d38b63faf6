/**
 * For unit tests: both languages' strings at hand (as a page has them once English has loaded),
 * and a translation function in one language, with the console's strings when the code under
 * test is part of the console (as they are once its chunk has loaded).
 */
import type { InitOptions, TFunction } from 'i18next';
import { createInstance } from 'i18next';
import type { Language } from '../lib/preferences';
import { addConsoleTranslations } from './console-resources';
import { chinese } from './chinese';
import { english } from './english';
import type { MainTranslation } from './resources';
import { i18nOptions as optionsWith } from './resources';

export const translations: Record<Language, MainTranslation> = { 'zh-CN': chinese, en: english };

/** i18next's options for `language`, with both languages' main strings. */
export function i18nOptions(language: Language): InitOptions {
  return optionsWith(language, translations);
}

export async function translator(language: Language, options: { console?: boolean } = {}): Promise<TFunction> {
  const i18n = createInstance();
  await i18n.init(i18nOptions(language));
  if (options.console) addConsoleTranslations(i18n);
  return i18n.getFixedT(language);
}
