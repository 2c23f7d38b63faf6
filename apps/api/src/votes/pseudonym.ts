import { keyedHash } from '../common/keyed-hash';

/**
 * A voter's pseudonym in one vote: a keyed hash of the vote and the roll entry, so a published
 * kit names nobody and the same person has unrelated ids in two votes.
 */
export function pseudonym(secret: Buffer, voteId: string, personType: string, personId: string): string {
  return `v-${keyedHash(secret, 'voter', `${voteId}:${personType}:${personId}`).slice(0, 12)}`;
}
