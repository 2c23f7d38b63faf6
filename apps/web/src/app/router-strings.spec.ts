/**
 * Every resident page of the router comes with its words (i18n/page-strings.ts): its module is
 * fetched through `withPageStrings`, under the module's own file name, which is how the build
 * names the page's strings (vite-plugins/page-strings.ts). A page fetched without them would show
 * keys until the whole file of the language arrived. The staff console takes every string itself.
 */
import { describe, expect, it, jest } from '@jest/globals';

declare const __dirname: string;
interface NodeFs {
  readFileSync(path: string, encoding: 'utf8'): string;
  existsSync(path: string): boolean;
}
interface NodePath {
  join(...parts: string[]): string;
}
const fs = jest.requireActual<NodeFs>('node:fs');
const path = jest.requireActual<NodePath>('node:path');

const router = fs.readFileSync(path.join(__dirname, 'router.tsx'), 'utf8');
const pageImports = [...router.matchAll(/(?:withPageStrings\('([\w-]+)', )?import\('\.\/routes\/([\w/-]+)'\)/g)].map((m) => ({ strings: m[1] ?? null, module: m[2] ?? '' }));

describe('the router’s pages and their words', () => {
  it('reads the router', () => {
    expect(pageImports.map((p) => p.module)).toEqual(expect.arrayContaining(['vote', 'consultation', 'me', 'console/console']));
  });

  it('fetches every resident page with its strings, under the page module’s file name', () => {
    const resident = pageImports.filter((p) => !p.module.startsWith('console/'));
    expect(resident.filter((p) => p.strings !== p.module)).toEqual([]);
    for (const page of resident) expect(fs.existsSync(path.join(__dirname, 'routes', `${page.module}.tsx`))).toBe(true);
  });

  it('leaves the console to take every string itself', () => {
    expect(pageImports.filter((p) => p.module.startsWith('console/'))).toEqual([{ strings: null, module: 'console/console' }]);
    expect(fs.readFileSync(path.join(__dirname, 'routes', 'console', 'console.tsx'), 'utf8')).toMatch(/addResourceBundle\('zh-CN', 'translation', chinese/);
  });
});
