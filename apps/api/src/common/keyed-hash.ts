import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * HMAC-SHA-256 under the deployment's secret, separated by purpose so a hash made for one use
 * (an SMS code) can never be replayed as another (an identity number). Hex.
 */
export function keyedHash(key: Buffer, purpose: string, value: string): string {
  return createHmac('sha256', key).update(purpose).update('\0').update(value).digest('hex');
}

/** SHA-256 (hex) of a random token: enough for values that are already unguessable. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function equalStrings(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
