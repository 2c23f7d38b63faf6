/**
 * The main strings (src/i18n/{zh-CN,en}.json), cut by page at build time, so that a resident's
 * phone downloads the words of the page it opens and not those of the whole app (the Chinese
 * file alone was some 18 kB of the first page's JavaScript, brotli).
 *
 * - `virtual:page-strings/core/<language>`: the strings of the frame every page shares (what
 *   main.tsx reaches through static imports: the header, the home page, the guards, errors).
 * - `virtual:page-strings/<page>/<language>`: the further strings of one page, a module of
 *   src/app/routes (what that module reaches through static and dynamic imports).
 * - `virtual:page-strings`: `pageStrings`, a loader per page and language (null when the page
 *   needs nothing beyond the frame), for the router to fetch a page's words with its chunk; and
 *   one per group fetched on demand (`onDemand`: the API's refusals, wanted once someone acts).
 *
 * Which strings a module needs is read from its source: every key is type-checked, so it is
 * written out with its top-level group (`t('votes.ballot.cast')`, `` t(`refusals.${reason}`) ``);
 * a group followed by a name takes that branch (`votes.ballot`), a group followed by `${` takes
 * the whole group. The staff console (src/app/routes/console) takes every string, as it did. The
 * files themselves stay whole: the keys' types come from them, and English is checked against
 * Chinese as before (resources.spec.ts). Should a page show a key that slipped through anyway,
 * the app fetches the whole file of the language and shows it again (src/i18n/page-strings.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

const VIRTUAL = 'virtual:page-strings';
const RESOLVED = `\0${VIRTUAL}`;

interface PageStringsOptions {
  /** The web app's src folder. */
  src: string;
  /** Import specifiers of the workspace libraries and their entry files (they are read too). */
  aliases: Record<string, string>;
  languages: readonly string[];
  /**
   * Groups that no page takes whole: messages shown only after the person acts (the API's
   * refusals, `refusals.${reason}`), fetched when they first do (the page loads them by name
   * from `pageStrings`, like a page). A page still takes the single keys it names.
   */
  onDemand: readonly string[];
}

type Strings = Record<string, unknown>;

interface SourceFile {
  staticImports: string[];
  dynamicImports: string[];
  /** Key prefixes the file names: a group (`refusals`) or a group's branch (`votes.ballot`). */
  prefixes: Set<string>;
}

const CODE = /\.(ts|tsx)$/;

export function pageStrings(options: PageStringsOptions): Plugin {
  const stringsFile = (language: string): string => path.join(options.src, 'i18n', `${language}.json`);
  const routes = path.join(options.src, 'app', 'routes');
  const consoleRoutes = path.join(routes, 'console') + path.sep;

  function resolveImport(from: string, specifier: string): string | null {
    const aliased = options.aliases[specifier];
    if (aliased) return aliased;
    if (!specifier.startsWith('.')) return null;
    const base = path.resolve(path.dirname(from), specifier);
    for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
      if (CODE.test(candidate) && fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
    }
    return null;
  }

  /** Reads the sources fresh for each build (and each request of the dev server). */
  function analyse() {
    const groups = Object.keys(JSON.parse(fs.readFileSync(stringsFile('zh-CN'), 'utf8')) as Strings);
    const keyPattern = new RegExp(`['"\`](${groups.join('|')})\\.(\\$\\{|[\\w$]+)`, 'g');
    const files = new Map<string, SourceFile>();
    const read = (file: string): SourceFile => {
      const known = files.get(file);
      if (known) return known;
      const text = fs.readFileSync(file, 'utf8');
      const resolved = (pattern: RegExp): string[] =>
        [...text.matchAll(pattern)].map((m) => resolveImport(file, m[1] ?? '')).filter((target): target is string => target !== null);
      const source: SourceFile = {
        // `import type` brings no code, and no words.
        staticImports: resolved(/(?:^|\n)\s*(?:import(?!\s+type\b)[^'";]*?from\s*|import\s*|export[^'";]*?from\s*)'([^']+)'/g),
        dynamicImports: resolved(/\bimport\(\s*'([^']+)'\s*\)/g),
        prefixes: new Set([...text.matchAll(keyPattern)].map((m) => (m[2] === '${' ? m[1]! : `${m[1]}.${m[2]}`))),
      };
      files.set(file, source);
      return source;
    };
    const reach = (entry: string, withDynamic: boolean): Set<string> => {
      const seen = new Set<string>();
      const visit = (file: string): void => {
        if (seen.has(file) || file.startsWith(consoleRoutes)) return;
        seen.add(file);
        const source = read(file);
        for (const target of withDynamic ? [...source.staticImports, ...source.dynamicImports] : source.staticImports) visit(target);
      };
      visit(entry);
      return seen;
    };
    const prefixesOf = (reached: Set<string>): Set<string> => new Set([...reached].flatMap((file) => [...read(file).prefixes]));
    const coreFiles = reach(path.join(options.src, 'main.tsx'), false);
    const onDemand = (prefix: string): boolean => options.onDemand.includes(prefix);
    const core = new Set([...prefixesOf(coreFiles)].filter((prefix) => !onDemand(prefix)));
    const covered = (prefix: string): boolean => core.has(prefix) || core.has(prefix.split('.')[0]!) || onDemand(prefix);
    const pages = new Map<string, Set<string>>();
    for (const name of fs.readdirSync(routes).filter((f) => CODE.test(f)).sort()) {
      const file = path.join(routes, name);
      if (coreFiles.has(file)) continue;
      pages.set(name.replace(CODE, ''), new Set([...prefixesOf(reach(file, true))].filter((prefix) => !covered(prefix))));
    }
    for (const group of options.onDemand) {
      if (pages.has(group)) throw new Error(`page-strings: src/app/routes/${group}.tsx has the name of a group fetched on demand`);
      pages.set(group, new Set([group]));
    }
    return { core, pages };
  }

  /** The strings under `prefixes`, in the shape of the file; prefixes the file lacks are no keys. */
  function pick(strings: Strings, prefixes: Set<string>): Strings {
    const picked: Strings = {};
    for (const prefix of [...prefixes].sort()) {
      const [group, branch] = prefix.split('.') as [string, string | undefined];
      const value = strings[group];
      if (value === undefined) continue;
      if (branch === undefined) {
        picked[group] = value;
        continue;
      }
      // The branch, with its plural forms and contexts (`bellUnread_one`, `bellUnread_other`).
      const branches = Object.entries(typeof value === 'object' && value !== null ? (value as Strings) : {}).filter(([key]) => key === branch || key.startsWith(`${branch}_`));
      const sofar = picked[group];
      if (branches.length === 0 || (sofar !== undefined && sofar === value)) continue;
      picked[group] = { ...(typeof sofar === 'object' && sofar !== null ? sofar : {}), ...Object.fromEntries(branches) };
    }
    return picked;
  }

  // The dev server gives the frame every string and no page any: it would not see a key added to a
  // page's source without a reload of the virtual modules, and the browser tests run the build.
  let whole = false;

  return {
    name: 'yishi-page-strings',
    configResolved(config) {
      whole = config.command === 'serve';
    },
    resolveId(id) {
      if (id === VIRTUAL) return RESOLVED;
      // virtual:page-strings/vote/en → a chunk named strings-vote-en.
      const part = id.startsWith(`${VIRTUAL}/`) ? id.slice(VIRTUAL.length + 1).split('/') : null;
      return part?.length === 2 ? `${RESOLVED}/strings-${part[0]}-${part[1]}` : null;
    },
    load(id) {
      if (!id.startsWith(RESOLVED)) return null;
      for (const language of options.languages) this.addWatchFile(stringsFile(language));
      const analysed = analyse();
      const core = whole ? new Set(Object.keys(JSON.parse(fs.readFileSync(stringsFile('zh-CN'), 'utf8')) as Strings)) : analysed.core;
      const pages = whole ? new Map([...analysed.pages.keys()].map((page): [string, Set<string>] => [page, new Set()])) : analysed.pages;
      if (id === RESOLVED) {
        const entries = [...pages].map(([page, prefixes]) => {
          if (prefixes.size === 0) return `  ${JSON.stringify(page)}: null,`;
          const loaders = options.languages.map((language) => `${JSON.stringify(language)}: () => import(${JSON.stringify(`${VIRTUAL}/${page}/${language}`)})`);
          return `  ${JSON.stringify(page)}: { ${loaders.join(', ')} },`;
        });
        return `export const pageStrings = {\n${entries.join('\n')}\n};\n`;
      }
      const language = options.languages.find((lng) => id.endsWith(`-${lng}`));
      const page = language ? id.slice(`${RESOLVED}/strings-`.length, -language.length - 1) : undefined;
      if (!page || !language) this.error(`${id}: no such strings`);
      const prefixes = page === 'core' ? core : pages.get(page);
      if (!prefixes) this.error(`${id}: src/app/routes has no page "${page}" outside the frame`);
      const strings = JSON.parse(fs.readFileSync(stringsFile(language), 'utf8')) as Strings;
      return `export default ${JSON.stringify(pick(strings, prefixes))};\n`;
    },
  };
}
