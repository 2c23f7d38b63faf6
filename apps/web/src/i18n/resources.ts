/**
 * Translation resources. Simplified Chinese is the source language and the default; English
 * (en.json) must have every key of the Chinese file (checked in english.ts at compile time, and
 * key for key, plural forms aside, in resources.spec.ts). Every error code of the API and of the
 * client has a message, and so has every refusal reason of the API (`refusals.<reason>`, keyed
 * by RefusalReason).
 *
 * A resident's phone does not download the files whole: the build cuts them by page
 * (vite-plugins/page-strings.ts). The frame's strings come with the main bundle in Chinese, or
 * from a chunk in English; each page's come with the page (page-strings.ts). The keys' types are
 * the whole Chinese file's (only its type is imported here).
 *
 * The strings of the staff console (名册, letters, roles, audit) live apart, in `console/`, and
 * are added by the console's chunk when it loads (console-resources.ts), with the whole main
 * files: a resident's phone downloads neither the console nor its words.
 */
import type { RefusalReason } from '@yishi/contracts';
import type { InitOptions, Resource } from 'i18next';
import type { AppErrorCode } from '../lib/api-client';
import type { Language } from '../lib/preferences';
import { DEFAULT_LANGUAGE, LANGUAGES } from '../lib/preferences';
import type { ConsoleTranslation } from './console-resources';
import type zhCN from './zh-CN.json';

/** The main strings: what every resident page may need. */
export type MainTranslation = typeof zhCN;
/** Every key `t()` accepts; the console's are there once its chunk has loaded. */
export type Translation = MainTranslation & ConsoleTranslation;
/** Some of the main strings, in the shape of the file: the frame's, or a page's. */
export type StringsPart = Record<string, unknown>;
/** The main strings of the languages at hand, whole or in part. */
export type Translations = Partial<Record<Language, StringsPart>>;

// Compile-time checks: Chinese covers every error code and every refusal reason of the API.
type Covers<Required, Given extends Required> = Given;
export type ChineseCoversErrors = Covers<Record<AppErrorCode, string>, MainTranslation['errors']>;
export type ChineseCoversRefusals = Covers<Record<RefusalReason, string>, MainTranslation['refusals']>;

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
