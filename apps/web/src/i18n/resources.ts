/**
 * Translation resources. Simplified Chinese is the source language; the English file must
 * have every key of the Chinese one (checked below at compile time, and key for key, plural
 * forms aside, in resources.spec.ts). Every error code of the API and of the client has a message,
 * and so has every refusal reason of the API (`refusals.<reason>`, keyed by RefusalReason).
 *
 * The strings of the staff console (名册, letters, roles, audit) live apart, in `console/`, and
 * are added by the console's chunk when it loads (console-resources.ts): a resident's phone
 * downloads neither the console nor its words. Only their type is imported here.
 */
import type { RefusalReason } from '@yishi/contracts';
import type { InitOptions } from 'i18next';
import type { AppErrorCode } from '../lib/api-client';
import type { Language } from '../lib/preferences';
import { DEFAULT_LANGUAGE, LANGUAGES } from '../lib/preferences';
import type { ConsoleTranslation } from './console-resources';
import en from './en.json';
import zhCN from './zh-CN.json';

/** The strings every page may need, in the main bundle. */
export type MainTranslation = typeof zhCN;
/** Every key `t()` accepts; the console's are there once its chunk has loaded. */
export type Translation = MainTranslation & ConsoleTranslation;

// Compile-time checks: English covers the Chinese keys, both cover every error code and every
// refusal reason of the API (resources.spec.ts says which one is missing).
const englishCoversChinese: MainTranslation = en;
const chineseErrors: Record<AppErrorCode, string> = zhCN.errors;
const englishErrors: Record<AppErrorCode, string> = en.errors;
const chineseRefusals: Record<RefusalReason, string> = zhCN.refusals;
const englishRefusals: Record<RefusalReason, string> = en.refusals;
void [englishCoversChinese, chineseErrors, englishErrors, chineseRefusals, englishRefusals];

export const resources = {
  'zh-CN': { translation: zhCN },
  en: { translation: en },
} as const satisfies Record<Language, { translation: MainTranslation }>;

export function i18nOptions(language: Language): InitOptions {
  return {
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    load: 'currentOnly',
    resources,
    // Resources are bundled: initialise synchronously, so the first render is already translated.
    initAsync: false,
    // React escapes what it renders.
    interpolation: { escapeValue: false },
    returnNull: false,
  };
}
