/**
 * Text lengths as the API counts them: characters (Unicode code points), after trimming, so a
 * Chinese character, a letter and an emoji each count one.
 */
export function characterCount(text: string): number {
  return [...text].length;
}

/** What a person is told, once per step, as a text nears its limit. */
export type CounterBucket = 'plenty' | 'hundred' | 'twenty' | 'full' | 'over';

export function counterBucket(count: number, max: number): CounterBucket {
  const left = max - count;
  if (left < 0) return 'over';
  if (left === 0) return 'full';
  if (left <= 20) return 'twenty';
  if (left <= 100) return 'hundred';
  return 'plenty';
}

/** The text as it will be stored: trimmed, within `max` characters, not empty (unless allowed). */
export function checkPlainText(text: string, max: number, required = true): 'empty' | 'tooLong' | null {
  const trimmed = text.trim();
  if (required && trimmed === '') return 'empty';
  return characterCount(trimmed) > max ? 'tooLong' : null;
}
