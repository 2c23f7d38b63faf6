/**
 * The main strings as a resident's phone fetches them: the frame's with the main bundle (Chinese)
 * or from a chunk (English), and each page's with the page (`withPageStrings`, in the router),
 * cut at build time by vite-plugins/page-strings.ts. Switching language fetches the other
 * language's strings of the frame and of every page opened so far (`ensureStrings`).
 *
 * The API's refusals come when someone first acts (`fetchRefusalWords`).
 *
 * Should a page show a key that was not fetched (the build missed it), `fetchEverything` fetches
 * the whole file of the language and the page is drawn again with the words: slower, never wrong.
 */
import i18next from 'i18next';
import type { i18n as I18n } from 'i18next';
import { pageStrings } from 'virtual:page-strings';
import coreChinese from 'virtual:page-strings/core/zh-CN';
import type { Language } from '../lib/preferences';
import { isLanguage } from '../lib/preferences';
import type { StringsPart } from './resources';

type Adder = Pick<I18n, 'addResourceBundle'>;

/** What each language has had added so far: 'core', page names, 'everything'. */
const added: Record<Language, Set<string>> = { 'zh-CN': new Set(['core']), en: new Set() };
/** Pages (and groups fetched on demand) whose strings were asked for, so that a language switch brings theirs too. */
const pagesOpened = new Set<string>();

export { coreChinese };

/** The frame's strings in `language` (Chinese at once). */
export async function coreStrings(language: Language): Promise<StringsPart> {
  switch (language) {
    case 'zh-CN':
      return coreChinese;
    case 'en':
      return (await import('virtual:page-strings/core/en')).default;
  }
}

/** Records the frame's strings of `language` as added (main.tsx passes them to i18next's init). */
export function markCoreAdded(language: Language): void {
  added[language].add('core');
}

/** Records the whole main file of `language` as added (the staff console adds both). */
export function markEverythingAdded(language: Language): void {
  added[language].add('everything');
}

async function addPart(i18n: Adder, language: Language, part: string, load: () => Promise<StringsPart>): Promise<void> {
  if (added[language].has(part) || added[language].has('everything')) return;
  const strings = await load();
  i18n.addResourceBundle(language, 'translation', strings, true, false);
  added[language].add(part);
}

async function addPage(i18n: Adder, language: Language, page: string): Promise<void> {
  const loaders = pageStrings[page];
  const load = loaders?.[language];
  if (!load) return;
  await addPart(i18n, language, page, async () => (await load()).default);
}

/** The strings of the frame and of every page opened so far, in `language`. */
export async function ensureStrings(i18n: Adder, language: Language): Promise<void> {
  await Promise.all([addPart(i18n, language, 'core', () => coreStrings(language)), ...[...pagesOpened].map((page) => addPage(i18n, language, page))]);
}

const languageOf = (i18n: Pick<I18n, 'language'>): Language => (isLanguage(i18n.language) ? i18n.language : 'zh-CN');

/**
 * A page's module with its strings in the language on screen (for React.lazy): `page` is the
 * module's file name in src/app/routes. Should the strings fail to arrive, the page comes anyway.
 */
export async function withPageStrings<Module>(page: string, module: Promise<Module>): Promise<Module> {
  pagesOpened.add(page);
  const strings = (async () => {
    // The language may change while they travel: then fetch the new one's too.
    let language: Language | null = null;
    while (language !== languageOf(i18next)) {
      language = languageOf(i18next);
      await addPage(i18next, language, page);
    }
  })();
  const [loaded] = await Promise.all([module, strings.catch(() => undefined)]);
  return loaded;
}

/**
 * The API's refusals in the language on screen (`refusals.<reason>`), which no page takes with
 * it: they are wanted only once someone acts (the query client asks when a change is sent, and
 * waits for them before it shows a refused one). Never fails: a key missing then is fetched with
 * the whole file.
 */
export function fetchRefusalWords(): Promise<void> {
  pagesOpened.add('refusals');
  return addPage(i18next, languageOf(i18next), 'refusals').catch(() => undefined);
}

const fetching = new Map<Language, Promise<void>>();

/** The whole main file of `language`, once (for a key a page needed and did not have). */
export function fetchEverything(i18n: Adder, language: Language): Promise<void> {
  const known = fetching.get(language);
  if (known) return known;
  const load = language === 'zh-CN' ? import('./chinese').then((m) => m.chinese) : import('./english').then((m) => m.english);
  const done = addPart(i18n, language, 'everything', () => load).catch(() => {
    fetching.delete(language);
  });
  fetching.set(language, done);
  return done;
}
