/**
 * QR codes (invitation letters, the result notice, a room's check-in screen), drawn as one SVG
 * path (no canvas, no image URL, no network): the QR matrix comes from lean-qr's small build
 * (`lean-qr/nano`, 1.9 kB brotli against qrcode-generator's 6.6 kB on every result notice a phone
 * opens; the API still prints letters with qrcode-generator), the drawing is ours so React renders
 * it directly.
 */
import { correction, generate } from 'lean-qr/nano';

export interface QrDrawing {
  /** Modules per side, the quiet zone included. */
  size: number;
  /** An SVG path of unit squares, one per dark module, in module coordinates. */
  path: string;
}

/** The QR quiet zone: four modules on each side, as the standard asks. */
export const QUIET_ZONE = 4;

/**
 * The QR code of `text` (smallest version that fits, error correction at least M — a letter may
 * get a crease or a smudge — and higher where that version has room). Dark modules of a row are
 * joined into runs to keep the path short.
 */
export function qrDrawing(text: string): QrDrawing {
  const qr = generate(text, { minCorrectionLevel: correction.M });
  const count = qr.size;
  const segments: string[] = [];
  for (let row = 0; row < count; row += 1) {
    let col = 0;
    while (col < count) {
      if (!qr.get(col, row)) {
        col += 1;
        continue;
      }
      const start = col;
      while (col < count && qr.get(col, row)) col += 1;
      segments.push(`M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col - start}v1h-${col - start}z`);
    }
  }
  return { size: count + 2 * QUIET_ZONE, path: segments.join('') };
}

/** Reads the matrix back from a drawing's path (for tests): true where a module is dark. */
export function modulesOf(drawing: QrDrawing): boolean[][] {
  const grid = Array.from({ length: drawing.size }, () => Array<boolean>(drawing.size).fill(false));
  for (const match of drawing.path.matchAll(/M(\d+) (\d+)h(\d+)/g)) {
    const [x, y, width] = [Number(match[1]), Number(match[2]), Number(match[3])];
    for (let i = 0; i < width; i += 1) grid[y]![x + i] = true;
  }
  return grid;
}
