import { randomInt } from 'node:crypto';
import { PUBLIC_TOKEN_ALPHABET, PUBLIC_TOKEN_LENGTH } from '@yishi/contracts';

/**
 * A new key for a result's public page: 28 characters drawn uniformly (crypto.randomInt) from
 * a 32-letter alphabet, 140 bits of randomness. It is unrelated to the vote's id, so knowing a
 * vote's id (it is in every recount kit) says nothing about its public address.
 */
export function newPublicToken(): string {
  let token = '';
  for (let i = 0; i < PUBLIC_TOKEN_LENGTH; i += 1) token += PUBLIC_TOKEN_ALPHABET[randomInt(PUBLIC_TOKEN_ALPHABET.length)];
  return token;
}
