/**
 * Translation resources. Simplified Chinese is the source language; the English file must
 * have every key of the Chinese one (checked below at compile time, and key for key, plural
 * forms aside, in resources.spec.ts). Every error code of the API and of the client has a message.
 */
import type { InitOptions } from 'i18next';
import type { AppErrorCode } from '../lib/api-client';
import type { Language } from '../lib/preferences';
import { DEFAULT_LANGUAGE, LANGUAGES } from '../lib/preferences';
import en from './en.json';
import zhCN from './zh-CN.json';

export type Translation = typeof zhCN;

// Compile-time checks: English covers the Chinese keys, both cover every error code.
const englishCoversChinese: Translation = en;
const chineseErrors: Record<AppErrorCode, string> = zhCN.errors;
const englishErrors: Record<AppErrorCode, string> = en.errors;
void [englishCoversChinese, chineseErrors, englishErrors];

export const resources = {
  'zh-CN': { translation: zhCN },
  en: { translation: en },
} as const satisfies Record<Language, { translation: Translation }>;

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
