import type { EntityManager } from 'typeorm';
import type { Queryable } from '../database/pooled';
import { queryOn } from '../database/pooled';
import { PhoneVerification } from './entities/phone-verification.entity';

/**
 * The SMS codes store: what other features write and read of the one-time codes sent to a phone
 * (`phone_verification`), on the caller's transaction or connection. Sign-up and sign-in codes
 * are the auth service's own; invitation letters send and check their link codes through here.
 */

/** Records a code sent (only its hash is kept). */
export async function recordCode(
  m: EntityManager,
  code: { phone: string; purpose: PhoneVerification['purpose']; invitationId?: string | null; codeHash: string; expiresAt: Date },
): Promise<void> {
  await m.getRepository(PhoneVerification).insert({ ...code, invitationId: code.invitationId ?? null });
}

/** The latest live link code sent for the letter to this phone. */
export async function latestLinkCode(q: Queryable, invitationId: string, phone: string): Promise<{ id: string; code_hash: string } | undefined> {
  const [latest] = await queryOn(q)<{ id: string; code_hash: string }>(
    `SELECT id, code_hash FROM phone_verification
      WHERE purpose = 'link' AND invitation_id = $1 AND phone = $2 AND consumed_at IS NULL AND expires_at > now()
      ORDER BY created_at DESC LIMIT 1`,
    [invitationId, phone],
  );
  return latest;
}

/** A code used up. */
export async function consumeCode(q: Queryable, verificationId: string): Promise<void> {
  await queryOn(q)(`UPDATE phone_verification SET consumed_at = now() WHERE id = $1`, [verificationId]);
}
