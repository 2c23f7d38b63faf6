/**
 * The QR matrix of a text, for the codes the app draws (the result notice, a session's notice and
 * screen): byte mode, error correction M, the smallest version that fits, and the mask chosen as
 * qrcode-generator chooses it. A port of the part of qrcode-generator 2.0.4 (Kazuhiko Arase, MIT
 * licence) that these codes use: that package also carries the other modes and levels, GIF, table
 * and ASCII output, which a resident's phone downloaded with every result notice for nothing
 * (6.6 kB brotli). The spec checks this port against the package module by module; the API's
 * letters and the browser tests still use the package itself.
 */

/** Error correction level M: [count, total codewords, data codewords] per group of RS blocks, by version. */
const RS_BLOCKS_M: readonly (readonly number[])[] = [
  [1, 26, 16], [1, 44, 28], [1, 70, 44], [2, 50, 32], [2, 67, 43], [4, 43, 27], [4, 49, 31], [2, 60, 38, 2, 61, 39],
  [3, 58, 36, 2, 59, 37], [4, 69, 43, 1, 70, 44], [1, 80, 50, 4, 81, 51], [6, 58, 36, 2, 59, 37], [8, 59, 37, 1, 60, 38],
  [4, 64, 40, 5, 65, 41], [5, 65, 41, 5, 66, 42], [7, 73, 45, 3, 74, 46], [10, 74, 46, 1, 75, 47], [9, 69, 43, 4, 70, 44],
  [3, 70, 44, 11, 71, 45], [3, 67, 41, 13, 68, 42], [17, 68, 42], [17, 74, 46], [4, 75, 47, 14, 76, 48], [6, 73, 45, 14, 74, 46],
  [8, 75, 47, 13, 76, 48], [19, 74, 46, 4, 75, 47], [22, 73, 45, 3, 74, 46], [3, 73, 45, 23, 74, 46], [21, 73, 45, 7, 74, 46],
  [19, 75, 47, 10, 76, 48], [2, 74, 46, 29, 75, 47], [10, 74, 46, 23, 75, 47], [14, 74, 46, 21, 75, 47], [14, 74, 46, 23, 75, 47],
  [12, 75, 47, 26, 76, 48], [6, 75, 47, 34, 76, 48], [29, 74, 46, 14, 75, 47], [13, 74, 46, 32, 75, 47], [40, 75, 47, 7, 76, 48],
  [18, 75, 47, 31, 76, 48],
];

/** Where the alignment patterns' centres are (rows and columns), by version. */
const ALIGNMENT: readonly (readonly number[])[] = [
  [], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34], [6, 22, 38], [6, 24, 42], [6, 26, 46], [6, 28, 50], [6, 30, 54], [6, 32, 58],
  [6, 34, 62], [6, 26, 46, 66], [6, 26, 48, 70], [6, 26, 50, 74], [6, 30, 54, 78], [6, 30, 56, 82], [6, 30, 58, 86], [6, 34, 62, 90],
  [6, 28, 50, 72, 94], [6, 26, 50, 74, 98], [6, 30, 54, 78, 102], [6, 28, 54, 80, 106], [6, 32, 58, 84, 110], [6, 30, 58, 86, 114],
  [6, 34, 62, 90, 118], [6, 26, 50, 74, 98, 122], [6, 30, 54, 78, 102, 126], [6, 26, 52, 78, 104, 130], [6, 30, 56, 82, 108, 134],
  [6, 34, 60, 86, 112, 138], [6, 30, 58, 86, 114, 142], [6, 34, 62, 90, 118, 146], [6, 30, 54, 78, 102, 126, 150],
  [6, 24, 50, 76, 102, 128, 154], [6, 28, 54, 80, 106, 132, 158], [6, 32, 58, 84, 110, 136, 162], [6, 26, 54, 82, 110, 138, 166],
  [6, 30, 58, 86, 114, 142, 170],
];

const MASKS: readonly ((i: number, j: number) => boolean)[] = [
  (i, j) => (i + j) % 2 === 0,
  (i) => i % 2 === 0,
  (_, j) => j % 3 === 0,
  (i, j) => (i + j) % 3 === 0,
  (i, j) => (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0,
  (i, j) => ((i * j) % 2) + ((i * j) % 3) === 0,
  (i, j) => (((i * j) % 2) + ((i * j) % 3)) % 2 === 0,
  (i, j) => (((i * j) % 3) + ((i + j) % 2)) % 2 === 0,
];

// GF(256) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1.
const EXP: number[] = [];
const LOG: number[] = [];
for (let i = 0; i < 256; i += 1) EXP[i] = i < 8 ? 1 << i : EXP[i - 4]! ^ EXP[i - 5]! ^ EXP[i - 6]! ^ EXP[i - 8]!;
for (let i = 0; i < 255; i += 1) LOG[EXP[i]!] = i;
const gexp = (n: number): number => EXP[((n % 255) + 255) % 255]!;

/** Drops leading zero coefficients, as the package's polynomials do. */
function trimmed(poly: number[]): number[] {
  let offset = 0;
  while (offset < poly.length && poly[offset] === 0) offset += 1;
  return poly.slice(offset);
}

function multiply(a: number[], b: number[]): number[] {
  const product = new Array<number>(a.length + b.length - 1).fill(0);
  for (let i = 0; i < a.length; i += 1) for (let j = 0; j < b.length; j += 1) product[i + j]! ^= gexp(LOG[a[i]!]! + LOG[b[j]!]!);
  return trimmed(product);
}

/** The error-correction codewords of `data` (the remainder of data·x^n by the generator of degree n). */
function errorCorrection(data: number[], n: number): number[] {
  let generator = [1];
  for (let i = 0; i < n; i += 1) generator = multiply(generator, [1, gexp(i)]);
  let rest = trimmed([...data, ...new Array<number>(n).fill(0)]);
  while (rest.length >= generator.length) {
    const ratio = LOG[rest[0]!]! - LOG[generator[0]!]!;
    rest = trimmed(rest.map((value, i) => (i < generator.length ? value ^ gexp(LOG[generator[i]!]! + ratio) : value)));
  }
  return Array.from({ length: n }, (_, i) => rest[i + rest.length - n] ?? 0);
}

function bchDigits(value: number): number {
  let digits = 0;
  for (let v = value; v !== 0; v >>>= 1) digits += 1;
  return digits;
}

function bch(data: number, shift: number, generator: number): number {
  let d = data << shift;
  while (bchDigits(d) - bchDigits(generator) >= 0) d ^= generator << (bchDigits(d) - bchDigits(generator));
  return (data << shift) | d;
}

const G15 = 0b10100110111;
const G15_MASK = 0b101010000010010;
const G18 = 0b1111100100101;

/** The RS blocks of a version: { total, data } codewords each. */
function blocks(version: number): { total: number; data: number }[] {
  const row = RS_BLOCKS_M[version - 1]!;
  const list: { total: number; data: number }[] = [];
  for (let i = 0; i < row.length; i += 3) for (let j = 0; j < row[i]!; j += 1) list.push({ total: row[i + 1]!, data: row[i + 2]! });
  return list;
}

/** The data bits of `bytes` in byte mode: mode, length, the bytes. */
function dataBits(bytes: readonly number[], version: number): number[] {
  const bits: number[] = [];
  const put = (value: number, length: number): void => {
    for (let i = length - 1; i >= 0; i -= 1) bits.push((value >>> i) & 1);
  };
  put(0b0100, 4);
  put(bytes.length, version < 10 ? 8 : 16);
  for (const byte of bytes) put(byte, 8);
  return bits;
}

/** The final codeword sequence: data padded to capacity, then blocks interleaved, data then error correction. */
function codewords(bytes: readonly number[], version: number): number[] {
  const rs = blocks(version);
  const capacity = rs.reduce((sum, b) => sum + b.data, 0) * 8;
  const bits = dataBits(bytes, version);
  if (bits.length + 4 <= capacity) bits.push(0, 0, 0, 0);
  while (bits.length % 8 !== 0) bits.push(0);
  const data: number[] = [];
  for (let i = 0; i < bits.length; i += 8) data.push(bits.slice(i, i + 8).reduce((byte, bit) => (byte << 1) | bit, 0));
  for (let pad = 0; data.length * 8 < capacity; pad += 1) data.push(pad % 2 === 0 ? 0xec : 0x11);
  let offset = 0;
  const dc = rs.map((b) => data.slice(offset, (offset += b.data)));
  const ec = rs.map((b, i) => errorCorrection(dc[i]!, b.total - b.data));
  const out: number[] = [];
  for (const groups of [dc, ec]) {
    const longest = Math.max(...groups.map((g) => g.length));
    for (let i = 0; i < longest; i += 1) for (const g of groups) if (i < g.length) out.push(g[i]!);
  }
  return out;
}

/** The matrix of one version and mask; `test` leaves the format and version bits light, as the mask choice does. */
function build(version: number, data: readonly number[], mask: number, test: boolean): boolean[][] {
  const n = version * 4 + 17;
  const m: (boolean | null)[][] = Array.from({ length: n }, () => new Array<boolean | null>(n).fill(null));
  for (const [row, col] of [[0, 0], [n - 7, 0], [0, n - 7]] as const) {
    for (let r = -1; r <= 7; r += 1) {
      if (row + r <= -1 || n <= row + r) continue;
      for (let c = -1; c <= 7; c += 1) {
        if (col + c <= -1 || n <= col + c) continue;
        m[row + r]![col + c] = (0 <= r && r <= 6 && (c === 0 || c === 6)) || (0 <= c && c <= 6 && (r === 0 || r === 6)) || (2 <= r && r <= 4 && 2 <= c && c <= 4);
      }
    }
  }
  const centres = ALIGNMENT[version - 1]!;
  for (const row of centres) {
    for (const col of centres) {
      if (m[row]![col] !== null) continue;
      for (let r = -2; r <= 2; r += 1) for (let c = -2; c <= 2; c += 1) m[row + r]![col + c] = r === -2 || r === 2 || c === -2 || c === 2 || (r === 0 && c === 0);
    }
  }
  for (let i = 8; i < n - 8; i += 1) {
    if (m[i]![6] === null) m[i]![6] = i % 2 === 0;
    if (m[6]![i] === null) m[6]![i] = i % 2 === 0;
  }
  // Format: level M (0) and the mask.
  const format = bch(mask, 10, G15) ^ G15_MASK;
  for (let i = 0; i < 15; i += 1) {
    const dark = !test && ((format >> i) & 1) === 1;
    m[i < 6 ? i : i < 8 ? i + 1 : n - 15 + i]![8] = dark;
    m[8]![i < 8 ? n - i - 1 : i < 9 ? 15 - i : 15 - i - 1] = dark;
  }
  m[n - 8]![8] = !test;
  if (version >= 7) {
    const bits = bch(version, 12, G18);
    for (let i = 0; i < 18; i += 1) {
      const dark = !test && ((bits >> i) & 1) === 1;
      m[Math.floor(i / 3)]![(i % 3) + n - 11] = dark;
      m[(i % 3) + n - 11]![Math.floor(i / 3)] = dark;
    }
  }
  const masked = MASKS[mask]!;
  let up = -1;
  let row = n - 1;
  let bit = 7;
  let byte = 0;
  for (let col = n - 1; col > 0; col -= 2) {
    if (col === 6) col -= 1;
    for (;;) {
      for (let c = 0; c < 2; c += 1) {
        if (m[row]![col - c] !== null) continue;
        const dark = byte < data.length && ((data[byte]! >>> bit) & 1) === 1;
        m[row]![col - c] = dark !== masked(row, col - c);
        bit -= 1;
        if (bit === -1) {
          byte += 1;
          bit = 7;
        }
      }
      row += up;
      if (row < 0 || n <= row) {
        row -= up;
        up = -up;
        break;
      }
    }
  }
  return m as boolean[][];
}

/** The package's penalty of a matrix: the mask with the lowest is chosen. */
function penalty(m: boolean[][]): number {
  const n = m.length;
  const dark = (r: number, c: number): boolean => m[r]![c]!;
  let lost = 0;
  for (let row = 0; row < n; row += 1) {
    for (let col = 0; col < n; col += 1) {
      let same = 0;
      for (let r = -1; r <= 1; r += 1) {
        if (row + r < 0 || n <= row + r) continue;
        for (let c = -1; c <= 1; c += 1) {
          if (col + c < 0 || n <= col + c || (r === 0 && c === 0)) continue;
          if (dark(row, col) === dark(row + r, col + c)) same += 1;
        }
      }
      if (same > 5) lost += 3 + same - 5;
    }
  }
  for (let row = 0; row < n - 1; row += 1) {
    for (let col = 0; col < n - 1; col += 1) {
      const count = Number(dark(row, col)) + Number(dark(row + 1, col)) + Number(dark(row, col + 1)) + Number(dark(row + 1, col + 1));
      if (count === 0 || count === 4) lost += 3;
    }
  }
  const finderLike = [true, false, true, true, true, false, true];
  for (let a = 0; a < n; a += 1) {
    for (let b = 0; b < n - 6; b += 1) {
      if (finderLike.every((d, k) => dark(a, b + k) === d)) lost += 40;
      if (finderLike.every((d, k) => dark(b + k, a) === d)) lost += 40;
    }
  }
  const darkCount = m.reduce((sum, r) => sum + r.filter(Boolean).length, 0);
  return lost + (Math.abs((100 * darkCount) / n / n - 50) / 5) * 10;
}

/** The QR matrix of `text` (true where a module is dark), without the quiet zone. */
export function qrMatrix(text: string): boolean[][] {
  // As the package's default: each UTF-16 code unit's low byte (the texts here are ASCII addresses).
  const bytes = Array.from({ length: text.length }, (_, i) => text.charCodeAt(i) & 0xff);
  let version = 1;
  const fits = (v: number): boolean => dataBits(bytes, v).length <= blocks(v).reduce((sum, b) => sum + b.data, 0) * 8;
  while (version < 40 && !fits(version)) version += 1;
  if (!fits(version)) throw new Error(`too long for a QR code: ${text.length} characters`);
  const data = codewords(bytes, version);
  let best = 0;
  let lowest = Infinity;
  for (let mask = 0; mask < 8; mask += 1) {
    const lost = penalty(build(version, data, mask, true));
    if (lost < lowest) {
      lowest = lost;
      best = mask;
    }
  }
  return build(version, data, best, false);
}
