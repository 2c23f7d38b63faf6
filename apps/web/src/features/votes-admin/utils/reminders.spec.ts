import { describe, expect, it } from '@jest/globals';
import { reminderFits } from './reminders';

describe('which reminders fit a vote', () => {
  const opens = new Date('2026-12-10T00:00:00Z');
  it('fits a reminder that falls after opening, not one before or at it', () => {
    const closes = new Date('2026-12-12T00:00:00Z');
    expect(reminderFits(24, opens, closes)).toBe(true);
    expect(reminderFits(48, opens, closes)).toBe(false);
    expect(reminderFits(72, opens, closes)).toBe(false);
    expect(reminderFits(2, null, closes)).toBe(false);
  });
});
