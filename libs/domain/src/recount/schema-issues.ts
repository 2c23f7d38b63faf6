import type * as z from 'zod/mini';

/** The languages of every text in a kit, exactly these (docs/recount-format.md §4). */
export const KIT_LANGUAGES = ['zh-CN', 'en'] as const;

/** The message of a text given in a language the format does not have. */
export const NOT_A_LANGUAGE = `is not a language of this format (only ${KIT_LANGUAGES.join(' and ')})`;

/** The codes every version's readers give for a value of the wrong shape. */
export type ShapeCode = 'unknown-language' | 'unknown-field' | 'missing-language' | 'missing-field' | 'invalid-value';

function join(path: string, key: PropertyKey): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? String(key) : `${path}.${String(key)}`;
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let node = value;
  for (const key of path) node = typeof node === 'object' && node !== null ? (node as Record<PropertyKey, unknown>)[key] : undefined;
  return node;
}

/**
 * A reader of kit values by a schema that reports, as the format's readers always have, the first
 * problem: in an object an unknown field before a missing one before a wrong value, and the
 * shallowest first. A rule's own code (`params.code`) is kept. `make` builds the version's error.
 */
export function schemaReader<C extends string>(make: (path: string, message: string, code: C | ShapeCode) => Error): <T>(schema: z.ZodMiniType<T>, value: unknown) => T {
  const firstProblem = (issues: readonly z.core.$ZodIssue[], input: unknown): Error => {
    const problems = issues.map((issue, index) => {
      const parent = valueAt(input, issue.path.slice(0, -1));
      const key = issue.path[issue.path.length - 1];
      const missing = key !== undefined && typeof parent === 'object' && parent !== null && !Array.isArray(parent) && !Object.hasOwn(parent, key);
      if (issue.code === 'unrecognized_keys') {
        const language = issue.message === NOT_A_LANGUAGE;
        const error = make(join(issue.path.reduce<string>(join, ''), issue.keys[0]!), language ? NOT_A_LANGUAGE : 'is not a field of this format', language ? 'unknown-language' : 'unknown-field');
        return { error, depth: issue.path.length, rank: 0, index };
      }
      const path = issue.path.reduce<string>(join, '');
      if (missing) {
        const language = (KIT_LANGUAGES as readonly PropertyKey[]).includes(key);
        return { error: make(path, 'is missing', language ? 'missing-language' : 'missing-field'), depth: issue.path.length, rank: 1, index };
      }
      const code = (issue.code === 'custom' ? (issue.params?.['code'] as C | undefined) : undefined) ?? 'invalid-value';
      return { error: make(path, issue.message, code), depth: issue.path.length, rank: 2, index };
    });
    problems.sort((a, b) => a.depth - b.depth || a.rank - b.rank || a.index - b.index);
    return problems[0]!.error;
  };
  return <T>(schema: z.ZodMiniType<T>, value: unknown): T => {
    const result = schema.safeParse(value);
    if (!result.success) throw firstProblem(result.error.issues, value);
    return result.data;
  };
}
