import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Casting a ballot finds the caster's roll entries by their account (owner.user_id,
 * member.user_id). Without an index that was a walk over every owner of every compound, or worse
 * over the whole frozen electorate of the vote: 140 ms a cast in a 20,000-flat compound.
 */
export class VoterLookupIndexes1795682742110 implements MigrationInterface {
    name = 'VoterLookupIndexes1795682742110';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX "owner_user_idx" ON "owner" ("user_id") WHERE "user_id" IS NOT NULL`);
        await queryRunner.query(`CREATE INDEX "member_user_idx" ON "member" ("user_id") WHERE "user_id" IS NOT NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."member_user_idx"`);
        await queryRunner.query(`DROP INDEX "public"."owner_user_idx"`);
    }
}
