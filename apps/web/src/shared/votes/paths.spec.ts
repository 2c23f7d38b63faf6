import { describe, expect, it } from '@jest/globals';
import { voteBoardPath, votePath, voteResultPath } from './paths';

describe('the addresses of a vote', () => {
  it('lead to the ballot, the result, and the board with the receipt to look up', () => {
    expect(votePath('v1')).toBe('/votes/v1');
    expect(voteResultPath('v1')).toBe('/votes/v1/result');
    expect(voteBoardPath('v1')).toBe('/votes/v1/board');
    expect(voteBoardPath('v1', 'b-0a1b2c3d4e5f')).toBe('/votes/v1/board?receipt=b-0a1b2c3d4e5f');
    expect(voteBoardPath('v1', 'a b&c')).toBe('/votes/v1/board?receipt=a%20b%26c');
  });
});
