import { describe, expect, it } from '@jest/globals';
import qrcode from 'qrcode-generator';
import { qrMatrix } from './qr-matrix';

/** The matrix qrcode-generator makes of `text` as the app asked it before (byte mode, level M, smallest version). */
function packageMatrix(text: string): boolean[][] {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (__, c) => qr.isDark(r, c)));
}

/** A text of `length` characters that varies with `seed`, of the characters addresses and letters' codes use. */
function text(length: number, seed: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:/?#[]@!$&()*+,;=%';
  let state = seed;
  return Array.from({ length }, () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return alphabet[state % alphabet.length];
  }).join('');
}

describe('qrMatrix', () => {
  it('is module for module the matrix of qrcode-generator for a result notice address and a letter address', () => {
    for (const url of ['http://127.0.0.1:3000/r/4821-0937-5512-abcd-efgh-jkmn-pqrs', 'http://192.168.1.20:3000/signup?code=482109375512', 'https://yishi.example.cn/r/0000-1111-2222-3333-4444-5555-6666']) {
      expect(qrMatrix(url)).toEqual(packageMatrix(url));
    }
  });

  it('is the same as the package for every length up to version 12, past the longer length field of version 10', () => {
    for (let length = 1; length <= 287; length += 1) {
      const sample = text(length, length);
      const [ours, theirs] = [qrMatrix(sample), packageMatrix(sample)];
      expect({ length, size: ours.length, same: JSON.stringify(ours) === JSON.stringify(theirs) }).toEqual({ length, size: theirs.length, same: true });
    }
  });

  it('is the same as the package at the largest versions, with their version information', () => {
    for (const length of [1000, 1500, 2331]) {
      const sample = text(length, 7);
      expect(qrMatrix(sample)).toEqual(packageMatrix(sample));
    }
  });

  it('refuses a text longer than the largest version holds, as the package does', () => {
    const long = text(2400, 3);
    expect(() => packageMatrix(long)).toThrow();
    expect(() => qrMatrix(long)).toThrow(/too long/);
  });
});
