/** Words about the voting window on the 发起表决 preview. */

const HOUR_MS = 3600 * 1000;

/** A voting window in whole days and the hours left over (rounded down to the hour). */
export function windowLength(opensAt: string, closesAt: string): { days: number; hours: number } {
  const hours = Math.max(0, Math.floor((Date.parse(closesAt) - Date.parse(opensAt)) / HOUR_MS));
  return { days: Math.floor(hours / 24), hours: hours % 24 };
}
