/**
 * A resident's display preferences (language, large text), kept in localStorage so they survive
 * a reload. Simplified Chinese is the default whatever the browser says: Yishi's users are the
 * residents of one Chinese street, and many of them share or borrow phones set to English.
 */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

export const STORAGE_KEYS = {
  language: 'yishi.language',
  largeText: 'yishi.largeText',
} as const;

export interface Preferences {
  language: Language;
  largeText: boolean;
}

/** The part of the Web Storage API we use; a plain object stands in for it in tests. */
export type PreferenceStorage = Pick<Storage, 'getItem' | 'setItem'>;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** localStorage, or null where the browser refuses it (private mode, storage disabled). */
export function browserStorage(): PreferenceStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

function read(storage: PreferenceStorage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(storage: PreferenceStorage | null, key: string, value: string): void {
  try {
    storage?.setItem(key, value);
  } catch {
    // Quota exceeded or storage disabled: the choice then lasts for this page only.
  }
}

export function readPreferences(storage: PreferenceStorage | null): Preferences {
  const language = read(storage, STORAGE_KEYS.language);
  return {
    language: isLanguage(language) ? language : DEFAULT_LANGUAGE,
    largeText: read(storage, STORAGE_KEYS.largeText) === 'true',
  };
}

export function saveLanguage(storage: PreferenceStorage | null, language: Language): void {
  write(storage, STORAGE_KEYS.language, language);
}

export function saveLargeText(storage: PreferenceStorage | null, largeText: boolean): void {
  write(storage, STORAGE_KEYS.largeText, String(largeText));
}

/** The document element, reduced to what the preferences change on it. */
export type PreferenceRoot = Pick<HTMLElement, 'lang' | 'dataset'>;

/** Large text scales the root font size; the whole layout is in rem, so everything follows. */
export function applyLargeText(root: PreferenceRoot, largeText: boolean): void {
  root.dataset['textSize'] = largeText ? 'large' : 'normal';
}

export function isLargeTextApplied(root: PreferenceRoot): boolean {
  return root.dataset['textSize'] === 'large';
}

export function applyLanguage(root: PreferenceRoot, language: Language): void {
  root.lang = language;
}
