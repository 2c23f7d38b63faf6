import type { EntityManager } from 'typeorm';
import type { RollPersonType } from '../rolls/roll-reads';
import { Invitation } from './entities/invitation.entity';

/**
 * The invitations store: statements about invitation letters (`invitation`), on the caller's
 * transaction; and, until the auth store takes them, the reads of the SMS codes that prove a
 * letter (`phone_verification`).
 */

const PERSON_COLUMN: Record<RollPersonType, 'memberId' | 'ownerId' | 'tenantId'> = { member: 'memberId', owner: 'ownerId', tenant: 'tenantId' };

/** The entity column naming a letter's person of this kind. */
export function personColumn(personType: RollPersonType): 'memberId' | 'ownerId' | 'tenantId' {
  return PERSON_COLUMN[personType];
}

/** Revokes the person's unused, unrevoked letters (a new one is printed, or they were linked in person). */
export async function revokeOpenLetters(m: EntityManager, personType: RollPersonType, personId: string): Promise<void> {
  await m
    .createQueryBuilder()
    .update(Invitation)
    .set({ revokedAt: () => 'now()' })
    .where(`${PERSON_COLUMN[personType]} = :id AND used_at IS NULL AND revoked_at IS NULL`, { id: personId })
    .execute();
}

/** Counts a wrong proof against a letter, revoking it at `attempts`; the failures so far and whether it is revoked. */
export async function countProofFailure(m: EntityManager, invitationId: string, attempts: number): Promise<{ proof_failures: number; revoked: boolean } | undefined> {
  const [row] = await m.query<{ proof_failures: number; revoked: boolean }[]>(
    `WITH counted AS (
       UPDATE invitation SET proof_failures = proof_failures + 1,
              revoked_at = CASE WHEN proof_failures + 1 >= $2 AND revoked_at IS NULL THEN now() ELSE revoked_at END
        WHERE id = $1 RETURNING proof_failures, revoked_at IS NOT NULL AS revoked)
     SELECT proof_failures, revoked FROM counted`,
    [invitationId, attempts],
  );
  return row;
}

/** temporary (belongs to the auth store): the latest live link code sent for the letter to this phone. */
export async function latestLinkCode(m: EntityManager, invitationId: string, phone: string): Promise<{ id: string; code_hash: string } | undefined> {
  const [latest] = await m.query<{ id: string; code_hash: string }[]>(
    `SELECT id, code_hash FROM phone_verification
      WHERE purpose = 'link' AND invitation_id = $1 AND phone = $2 AND consumed_at IS NULL AND expires_at > now()
      ORDER BY created_at DESC LIMIT 1`,
    [invitationId, phone],
  );
  return latest;
}

/** temporary (belongs to the auth store): a link code used up. */
export async function consumeLinkCode(m: EntityManager, verificationId: string): Promise<void> {
  await m.query(`UPDATE phone_verification SET consumed_at = now() WHERE id = $1`, [verificationId]);
}
