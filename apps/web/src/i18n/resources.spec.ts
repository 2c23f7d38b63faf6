import { describe, expect, it } from '@jest/globals';
import { ERROR_CODES, REFUSAL_REASONS } from '@yishi/contracts';
import { CLIENT_ERROR_CODES } from '../lib/api-client';
import { consoleResources } from './console-resources';
import { translations } from './testing';

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Every leaf key, with plural suffixes folded into their base key. */
function keys(tree: object, prefix = ''): Set<string> {
  const found = new Set<string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object' && value !== null) {
      for (const nested of keys(value as object, path)) found.add(nested);
    } else {
      found.add(path.replace(PLURAL_SUFFIX, ''));
    }
  }
  return found;
}

describe('translation resources', () => {
  it('have the same keys in Chinese and English', () => {
    expect([...keys(translations.en)].sort()).toEqual([...keys(translations['zh-CN'])].sort());
  });

  it('have the same keys in Chinese and English for the console', () => {
    expect([...keys(consoleResources.en)].sort()).toEqual([...keys(consoleResources['zh-CN'])].sort());
  });

  it('never define a key in both the main and the console files (the console would silently win)', () => {
    const main = keys(translations['zh-CN']);
    expect([...keys(consoleResources['zh-CN'])].filter((key) => main.has(key))).toEqual([]);
  });

  it('translate every error code of the API and of the client, in both languages', () => {
    for (const code of [...ERROR_CODES, ...CLIENT_ERROR_CODES]) {
      expect(translations['zh-CN'].errors[code]).toMatch(/\S/);
      expect(translations.en.errors[code]).toMatch(/\S/);
    }
  });

  it('translate every refusal reason of the API, in both languages, and name the ones missing', () => {
    const refusals: Record<string, Record<string, unknown>> = { 'zh-CN': translations['zh-CN'].refusals, en: translations.en.refusals };
    const missing = Object.entries(refusals).flatMap(([language, words]) =>
      REFUSAL_REASONS.filter((reason) => typeof words[reason] !== 'string' || !/\S/.test(words[reason])).map((reason) => `${language}: refusals.${reason}`),
    );
    expect(missing).toEqual([]);
  });

  it('give English both plural forms wherever it has one', () => {
    for (const raw of [JSON.stringify(translations.en), JSON.stringify(consoleResources.en)]) {
      for (const match of raw.matchAll(/"(\w+)_one"/g)) {
        expect(raw).toContain(`"${match[1]}_other"`);
      }
    }
  });
});
