import { useEffect, useState } from 'react';

/** Whole seconds from `now` until `deadline` (both in ms), never below zero. */
export function secondsUntil(deadline: number | null, now: number): number {
  return deadline === null ? 0 : Math.max(0, Math.ceil((deadline - now) / 1000));
}

/**
 * A countdown to a moment, e.g. until another SMS code may be requested: `start(seconds)` sets
 * it going, and the returned `seconds` ticks down to zero once a second.
 */
export function useCountdown(): { seconds: number; start: (seconds: number) => void } {
  const [deadline, setDeadline] = useState<number | null>(null);
  const [seconds, setSeconds] = useState(0);

  useEffect(() => {
    if (deadline === null) return undefined;
    const timer = window.setInterval(() => {
      const left = secondsUntil(deadline, Date.now());
      setSeconds(left);
      if (left === 0) window.clearInterval(timer);
    }, 1000);
    return () => window.clearInterval(timer);
  }, [deadline]);

  const start = (wait: number): void => {
    setSeconds(Math.max(0, Math.ceil(wait)));
    setDeadline(Date.now() + wait * 1000);
  };
  return { seconds, start };
}
