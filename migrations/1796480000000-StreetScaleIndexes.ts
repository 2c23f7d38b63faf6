import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Street scale (bench:pages on the 千灯湖 area): the adoption report reads one place of a draft
 * at a time — a version's whole-draft opinions, or one clause's — a page at a time in the order
 * they came. A joint consultation gathers thousands of opinions; this index walks one place's
 * top-level opinions in that order and stops at the page, instead of reading every opinion of the
 * consultation (and every account, to name their writers) to sort them.
 */
export class StreetScaleIndexes1796480000000 implements MigrationInterface {
    name = 'StreetScaleIndexes1796480000000';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX "comment_place_idx" ON "comment" ("consultation_id", "version_id", "clause_id", "created_at", "id") WHERE "parent_id" IS NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."comment_place_idx"`);
    }
}
