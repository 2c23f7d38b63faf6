import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A vote's meeting check-ins are read on every check-in and every few seconds by the live turnout
 * of a convenor's screen; they are a handful of rows among a vote's casts (20,000 and more in a
 * large compound), found here without reading the others.
 */
export class CheckInIndex1795690000000 implements MigrationInterface {
    name = 'CheckInIndex1795690000000';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX "vote_cast_check_in_idx" ON "vote_cast" ("vote_id") WHERE ("entry" ->> 'kind') = 'check-in'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."vote_cast_check_in_idx"`);
    }
}
