import { describe, expect, it } from '@jest/globals';
import { modulesOf, QUIET_ZONE, qrDrawing } from './qr';

/** A finder pattern (the big squares in three corners): 7×7, dark ring, light ring, dark 3×3 core. */
function isFinder(grid: boolean[][], top: number, left: number): boolean {
  for (let r = 0; r < 7; r += 1) {
    for (let c = 0; c < 7; c += 1) {
      const ring = r === 0 || r === 6 || c === 0 || c === 6;
      const core = r >= 2 && r <= 4 && c >= 2 && c <= 4;
      if (grid[top + r]![left + c] !== (ring || core)) return false;
    }
  }
  return true;
}

describe('qrDrawing', () => {
  const url = 'http://192.168.1.20:3000/signup?code=482109375512';
  const drawing = qrDrawing(url);
  const grid = modulesOf(drawing);
  const modules = drawing.size - 2 * QUIET_ZONE;

  it('draws a QR symbol of a valid size with its quiet zone', () => {
    expect((modules - 17) % 4).toBe(0);
    expect(modules).toBeGreaterThanOrEqual(21);
    expect(modules).toBeLessThanOrEqual(41);
    expect(grid[0]!.some(Boolean)).toBe(false);
    expect(grid.at(-1)!.some(Boolean)).toBe(false);
  });

  it('has the three finder patterns in their corners', () => {
    expect(isFinder(grid, QUIET_ZONE, QUIET_ZONE)).toBe(true);
    expect(isFinder(grid, QUIET_ZONE, QUIET_ZONE + modules - 7)).toBe(true);
    expect(isFinder(grid, QUIET_ZONE + modules - 7, QUIET_ZONE)).toBe(true);
    expect(isFinder(grid, QUIET_ZONE + modules - 7, QUIET_ZONE + modules - 7)).toBe(false);
  });

  it('is the same drawing for the same text, and another for another code', () => {
    expect(qrDrawing(url)).toEqual(drawing);
    expect(qrDrawing(url.replace('5512', '5513')).path).not.toBe(drawing.path);
  });

  it('joins dark modules of a row into one run', () => {
    // The top row of the top-left finder is seven dark modules: one run of width 7.
    expect(drawing.path).toContain(`M${QUIET_ZONE} ${QUIET_ZONE}h7v1h-7z`);
  });
});
