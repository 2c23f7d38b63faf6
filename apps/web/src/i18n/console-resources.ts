/**
 * The staff console's strings, bundled with the console's chunk (only the console imports this
 * module) and merged into the one `translation` namespace when it loads. Like the main files,
 * the English file must have every key of the Chinese one (resources.spec.ts checks).
 */
import type { i18n as I18n } from 'i18next';
import type { Language } from '../lib/preferences';
import { LANGUAGES } from '../lib/preferences';
import en from './console/en.json';
import zhCN from './console/zh-CN.json';

export type ConsoleTranslation = typeof zhCN;

const englishCoversChinese: ConsoleTranslation = en;
void englishCoversChinese;

export const consoleResources = { 'zh-CN': zhCN, en } as const satisfies Record<Language, ConsoleTranslation>;

/** Adds the console's strings, in every language (so switching language needs nothing more). */
export function addConsoleTranslations(i18n: Pick<I18n, 'addResourceBundle'>): void {
  for (const language of LANGUAGES) {
    i18n.addResourceBundle(language, 'translation', consoleResources[language], true, false);
  }
}
