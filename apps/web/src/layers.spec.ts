/**
 * The web app's layout, held against its imports (README, "Layout"): imports point one way —
 * app → features → shared → components → lib, i18n, api — a feature never imports another, and
 * no files import each other in a circle. Reads the source files as text.
 */
import { describe, expect, it, jest } from '@jest/globals';

// Jest runs this in Node; the web program has no Node types, so these few are declared here.
declare const __dirname: string;
interface NodeFs {
  readdirSync(path: string, options: { recursive: true }): string[];
  readFileSync(path: string, encoding: 'utf8'): string;
}
interface NodePath {
  join(...parts: string[]): string;
  dirname(path: string): string;
  relative(from: string, to: string): string;
  resolve(...parts: string[]): string;
}
const fs = jest.requireActual<NodeFs>('node:fs');
const path = jest.requireActual<NodePath>('node:path');

const SRC = __dirname;

/** How high each top-level folder stands: a file may import only from its own height or below. */
const HEIGHT: Record<string, number> = { 'main.tsx': 5, app: 4, features: 3, shared: 2, components: 1, lib: 0, i18n: 0, api: 0, styles: 0 };

const sources = fs
  .readdirSync(SRC, { recursive: true })
  .map((file) => file.split('\\').join('/'))
  .filter((file) => /\.tsx?$/.test(file) && !file.endsWith('.d.ts') && !file.endsWith('.spec.ts'));

function resolveImport(from: string, specifier: string): string | null {
  const base = path.relative(SRC, path.resolve(SRC, path.dirname(from), specifier)).split('\\').join('/');
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (sources.includes(candidate)) return candidate;
  }
  return null;
}

/** Each source file with the source files it imports (relative imports only; CSS and JSON are no edges). */
const graph = new Map<string, string[]>(
  sources.map((file) => {
    const text = fs.readFileSync(path.join(SRC, file), 'utf8');
    const targets = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)].map((match) => resolveImport(file, match[1] ?? '')).filter((target): target is string => target !== null);
    return [file, targets];
  }),
);

const top = (file: string): string => file.split('/')[0] ?? file;
const featureOf = (file: string): string | null => (file.startsWith('features/') ? (file.split('/')[1] ?? null) : null);

describe('the web app’s layout', () => {
  it('reads the source tree', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('app/router.tsx')).toContain('app/layout/app-layout.tsx');
  });

  it('has imports that point one way: app, features, shared, components, then lib', () => {
    const upward = [...graph].flatMap(([file, targets]) => targets.filter((target) => (HEIGHT[top(target)] ?? 0) > (HEIGHT[top(file)] ?? 0)).map((target) => `${file} -> ${target}`));
    expect(upward).toEqual([]);
  });

  it('has no feature importing another feature', () => {
    const crossing = [...graph].flatMap(([file, targets]) => targets.filter((target) => featureOf(file) && featureOf(target) && featureOf(target) !== featureOf(file)).map((target) => `${file} -> ${target}`));
    expect(crossing).toEqual([]);
  });

  it('has no files that import each other in a circle', () => {
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const trail: string[] = [];
    const visit = (file: string): void => {
      state.set(file, 'open');
      trail.push(file);
      for (const target of graph.get(file) ?? []) {
        if (state.get(target) === 'open') circles.push([...trail.slice(trail.indexOf(target)), target].join(' -> '));
        else if (!state.has(target)) visit(target);
      }
      trail.pop();
      state.set(file, 'done');
    };
    for (const file of graph.keys()) if (!state.has(file)) visit(file);
    expect(circles).toEqual([]);
  });
});
