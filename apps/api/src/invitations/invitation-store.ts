import type { EntityManager } from 'typeorm';
import type { RollPersonType } from '../rolls/roll-reads';
import { Invitation } from './entities/invitation.entity';

/**
 * The invitations store: statements about invitation letters (`invitation`), on the caller's
 * transaction. The rolls read and end letters through `liveLetterSql` and `revokeLettersOf`.
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

/** SQL for "a live letter is out for this roll person": `column` names the person's kind, `alias` the person's row. */
export function liveLetterSql(column: 'member_id' | 'owner_id' | 'tenant_id', alias: string): string {
  return `EXISTS (SELECT 1 FROM invitation i WHERE i.${column} = ${alias}.id AND i.used_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now())`;
}

/** Letters printed for these people stop working (they left the roll). */
export async function revokeLettersOf(m: EntityManager, personType: RollPersonType, personIds: string[]): Promise<void> {
  if (personIds.length === 0) return;
  await m.query(`UPDATE invitation SET revoked_at = now() WHERE ${personType}_id = ANY($1::uuid[]) AND used_at IS NULL AND revoked_at IS NULL`, [personIds]);
}
