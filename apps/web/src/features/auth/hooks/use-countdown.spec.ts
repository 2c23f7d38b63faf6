import { describe, expect, it } from '@jest/globals';
import { secondsUntil } from './use-countdown';

describe('secondsUntil', () => {
  it('counts whole seconds up to the deadline, never below zero', () => {
    expect(secondsUntil(60_000, 0)).toBe(60);
    expect(secondsUntil(60_000, 100)).toBe(60);
    expect(secondsUntil(60_000, 59_001)).toBe(1);
    expect(secondsUntil(60_000, 60_000)).toBe(0);
    expect(secondsUntil(60_000, 75_000)).toBe(0);
    expect(secondsUntil(null, 0)).toBe(0);
  });
});
