import { describe, expect, it } from '@jest/globals';
import type { BoardEntry } from '../api/get-board';
import { findReceipt, normalizeReceipt } from './receipts';

const entries: BoardEntry[] = [
  { seq: 1, receipt: 'b-0a1b2c3d4e5f', channel: 'online', at: '2026-05-01T01:00:00Z', superseded: true },
  { seq: 2, receipt: 'b-99aa88bb77cc', channel: 'online', at: '2026-05-01T02:00:00Z', superseded: false },
];

describe('finding a receipt on the board', () => {
  it('forgives spaces, capitals and a missing prefix', () => {
    expect(normalizeReceipt('  B-0A1B 2C3D 4E5F ')).toBe('b-0a1b2c3d4e5f');
    expect(findReceipt(entries, 'B-99AA 88BB 77CC')?.seq).toBe(2);
    expect(findReceipt(entries, '0a1b2c3d4e5f')?.seq).toBe(1);
  });

  it('finds nothing for an unknown or empty receipt', () => {
    expect(findReceipt(entries, 'b-000000000000')).toBeNull();
    expect(findReceipt(entries, '   ')).toBeNull();
    expect(findReceipt(entries, '0a1b')).toBeNull();
  });
});
