/**
 * For unit tests: a translation function in one language, with the console's strings when the
 * code under test is part of the console (as they are once its chunk has loaded).
 */
import type { TFunction } from 'i18next';
import { createInstance } from 'i18next';
import type { Language } from '../lib/preferences';
import { addConsoleTranslations } from './console-resources';
import { i18nOptions } from './resources';

export async function translator(language: Language, options: { console?: boolean } = {}): Promise<TFunction> {
  const i18n = createInstance();
  await i18n.init(i18nOptions(language));
  if (options.console) addConsoleTranslations(i18n);
  return i18n.getFixedT(language);
}
