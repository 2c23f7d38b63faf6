/** Receipt codes as people type them back: spaces, dashes and capitals forgiven. */
import type { BoardEntry } from '../api/get-board';

/** `B-3F2A 9C` → `b-3f2a9c`: lower case, without spaces. */
export function normalizeReceipt(input: string): string {
  return input.trim().toLowerCase().replace(/\s+/g, '');
}

/** The board entry with this receipt, or null; an empty search finds nothing. */
export function findReceipt(entries: readonly BoardEntry[], input: string): BoardEntry | null {
  const wanted = normalizeReceipt(input);
  if (wanted === '') return null;
  const bare = wanted.replace(/^b-/, '');
  return entries.find((entry) => entry.receipt === wanted || entry.receipt === `b-${bare}`) ?? null;
}
