import type { RecountFiles, RecountReport } from '../recount';
import { recount } from '../recount';
import type { AssemblyRecountReport } from './recount';
import { recountAssembly } from './recount';

/**
 * Which version's rules a kit is recounted by: vote.json's `formatVersion`. Version 1 kits go to
 * the version 1 verifier exactly as before; anything else that says it is a version goes to the
 * version 2 verifier, which reads it strictly and refuses a version it does not know. This first
 * look is lenient on purpose (a lenient parse, which keeps the last of two equal keys): whichever
 * verifier it picks reads every byte again strictly, and refuses a key twice, a stray byte, a wrong
 * layout — so a file cannot choose the lenient path.
 */
export function kitFormatVersion(files: RecountFiles): 1 | 2 {
  const content = files['vote.json'];
  if (content === undefined) return 1;
  try {
    const text = typeof content === 'string' ? content : new TextDecoder('utf-8').decode(content);
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, 'formatVersion')) return 1;
    return (value as { formatVersion: unknown }).formatVersion === 1 ? 1 : 2;
  } catch {
    return 1;
  }
}

export type AnyRecountReport = { formatVersion: 1; report: RecountReport } | { formatVersion: 2; report: AssemblyRecountReport };

/** Verifies and recounts a kit of either version: the CLI, the API's tests and the web use this one entry. */
export function recountKit(files: RecountFiles): AnyRecountReport {
  return kitFormatVersion(files) === 1 ? { formatVersion: 1, report: recount(files) } : { formatVersion: 2, report: recountAssembly(files) };
}
