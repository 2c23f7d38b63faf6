import { describe, expect, it } from '@jest/globals';
import type { PreferenceRoot, PreferenceStorage } from './preferences';
import { applyLanguage, applyLargeText, isLargeTextApplied, readPreferences, saveLanguage, saveLargeText, STORAGE_KEYS } from './preferences';

function memoryStorage(initial: Record<string, string> = {}): PreferenceStorage & { items: Map<string, string> } {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      items.set(key, value);
    },
  };
}

const throwingStorage: PreferenceStorage = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
};

describe('readPreferences', () => {
  it('defaults to Simplified Chinese and normal text when nothing is stored', () => {
    expect(readPreferences(memoryStorage())).toEqual({ language: 'zh-CN', largeText: false });
  });

  it('defaults the same way when the browser gives no storage at all', () => {
    expect(readPreferences(null)).toEqual({ language: 'zh-CN', largeText: false });
  });

  it('defaults the same way when reading the storage throws', () => {
    expect(readPreferences(throwingStorage)).toEqual({ language: 'zh-CN', largeText: false });
  });

  it('returns a stored English choice and large text', () => {
    const storage = memoryStorage({ [STORAGE_KEYS.language]: 'en', [STORAGE_KEYS.largeText]: 'true' });
    expect(readPreferences(storage)).toEqual({ language: 'en', largeText: true });
  });

  it('ignores a stored language the app does not support', () => {
    expect(readPreferences(memoryStorage({ [STORAGE_KEYS.language]: 'fr' })).language).toBe('zh-CN');
  });
});

describe('saving preferences', () => {
  it('round-trips the language and the text size', () => {
    const storage = memoryStorage();
    saveLanguage(storage, 'en');
    saveLargeText(storage, true);
    expect(readPreferences(storage)).toEqual({ language: 'en', largeText: true });
    saveLargeText(storage, false);
    expect(readPreferences(storage).largeText).toBe(false);
  });

  it('does not throw when the storage refuses to write', () => {
    expect(() => saveLanguage(throwingStorage, 'en')).not.toThrow();
    expect(() => saveLargeText(null, true)).not.toThrow();
  });
});

describe('applying preferences to the document', () => {
  it('marks the root for large text and back', () => {
    const root: PreferenceRoot = { lang: 'zh-CN', dataset: {} };
    applyLargeText(root, true);
    expect(root.dataset['textSize']).toBe('large');
    expect(isLargeTextApplied(root)).toBe(true);
    applyLargeText(root, false);
    expect(isLargeTextApplied(root)).toBe(false);
  });

  it('sets the document language', () => {
    const root: PreferenceRoot = { lang: 'zh-CN', dataset: {} };
    applyLanguage(root, 'en');
    expect(root.lang).toBe('en');
  });
});
