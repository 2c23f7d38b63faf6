import { describe, expect, it } from '@jest/globals';
import jsQR from 'jsqr';
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

/** What a phone's camera would read from the drawing: rendered at 4 pixels a module, decoded by jsQR. */
function read(drawing: ReturnType<typeof qrDrawing>): string | undefined {
  const scale = 4;
  const grid = modulesOf(drawing);
  const width = drawing.size * scale;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  for (let y = 0; y < width; y += 1) {
    for (let x = 0; x < width; x += 1) {
      if (!grid[Math.floor(y / scale)]![Math.floor(x / scale)]) continue;
      const at = (y * width + x) * 4;
      pixels[at] = pixels[at + 1] = pixels[at + 2] = 0;
    }
  }
  return jsQR(pixels, width, width)?.data;
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

  it('reads back as the text it encodes: an invitation address, a result link, the longest check-in link', () => {
    expect(read(drawing)).toBe(url);
    const result = 'https://yishi.example.cn/r/3f0c2a9e-6d1b-4c58-9a7e-2b1f4d6c8e90';
    expect(read(qrDrawing(result))).toBe(result);
    const long = `https://yishi.example.cn/sessions/3f0c2a9e-6d1b-4c58-9a7e-2b1f4d6c8e90/check-in?token=${'A1b2C3d4'.repeat(8)}`;
    expect(read(qrDrawing(long))).toBe(long);
  });

  it('joins dark modules of a row into one run', () => {
    // The top row of the top-left finder is seven dark modules: one run of width 7.
    expect(drawing.path).toContain(`M${QUIET_ZONE} ${QUIET_ZONE}h7v1h-7z`);
  });
});
