/**
 * Translation resources. Simplified Chinese is the source language and the default: its file is
 * in the main bundle. The English file (english.ts) must have every key of the Chinese one
 * (checked there at compile time, and key for key, plural forms aside, in resources.spec.ts); it
 * is a chunk of its own, loaded before English is first shown (`loadTranslation`). Every error
 * code of the API and of the client has a message, and so has every refusal reason of the API
 * (`refusals.<reason>`, keyed by RefusalReason).
 *
 * The strings of the staff console (名册, letters, roles, audit) live apart, in `console/`, and
 * are added by the console's chunk when it loads (console-resources.ts): a resident's phone
 * downloads neither the console nor its words. Only their type is imported here.
 */
import type { RefusalReason } from '@yishi/contracts';
import type { InitOptions, Resource } from 'i18next';
import type { AppErrorCode } from '../lib/api-client';
import type { Language } from '../lib/preferences';
import { DEFAULT_LANGUAGE, LANGUAGES } from '../lib/preferences';
import type { ConsoleTranslation } from './console-resources';
import zhCN from './zh-CN.json';

/** The strings every page may need, in the main bundle. */
export type MainTranslation = typeof zhCN;
/** Every key `t()` accepts; the console's are there once its chunk has loaded. */
export type Translation = MainTranslation & ConsoleTranslation;
/** The main strings of the languages at hand. */
export type Translations = Partial<Record<Language, MainTranslation>>;

// Compile-time checks: Chinese covers every error code and every refusal reason of the API.
const chineseErrors: Record<AppErrorCode, string> = zhCN.errors;
const chineseRefusals: Record<RefusalReason, string> = zhCN.refusals;
void [chineseErrors, chineseRefusals];

export const chinese: MainTranslation = zhCN;

/** The main strings of `language`: Chinese at once, English from its chunk. */
export async function loadTranslation(language: Language): Promise<MainTranslation> {
  switch (language) {
    case 'zh-CN':
      return chinese;
    case 'en':
      return (await import('./english')).english;
  }
}

export function i18nOptions(language: Language, translations: Translations): InitOptions {
  const resources: Resource = {};
  for (const [lng, translation] of Object.entries(translations)) resources[lng] = { translation };
  return {
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    load: 'currentOnly',
    resources,
    // The resources are at hand: initialise synchronously, so the first render is already translated.
    initAsync: false,
    // React escapes what it renders.
    interpolation: { escapeValue: false },
    returnNull: false,
  };
}
