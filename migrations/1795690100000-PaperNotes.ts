import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A paper's story as data rather than one Chinese sentence: why it was voided (voided, reissued,
 * or settled as spoilt) and the reason given, what the two readings disagreed on, and the note
 * that settled the dispute. The console words them in the reader's language; before, staff
 * reading in English saw "作废并补发：…" and "两次录入不一致：所选意见". The old notes are taken apart.
 */
export class PaperNotes1795690100000 implements MigrationInterface {
    name = 'PaperNotes1795690100000';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "ballot_paper" ADD "void_kind" text`);
        await queryRunner.query(`ALTER TABLE "ballot_paper" ADD "void_reason" text`);
        await queryRunner.query(`ALTER TABLE "ballot_paper" ADD "disputed_on" text array NOT NULL DEFAULT '{}'`);
        await queryRunner.query(`ALTER TABLE "ballot_paper" ADD "resolution_note" text`);
        await queryRunner.query(`UPDATE "ballot_paper" SET "void_kind" = 'reissued', "void_reason" = substr("dispute_note", 7) WHERE "dispute_note" LIKE '作废并补发：%'`);
        await queryRunner.query(`UPDATE "ballot_paper" SET "void_kind" = 'void', "void_reason" = substr("dispute_note", 4) WHERE "dispute_note" LIKE '作废：%'`);
        await queryRunner.query(
            `UPDATE "ballot_paper" SET "disputed_on" = array_remove(ARRAY[CASE WHEN "dispute_note" LIKE '两次录入不一致：%所选意见%' THEN 'choice' END, CASE WHEN "dispute_note" LIKE '两次录入不一致：%委托%' THEN 'proxy' END], NULL) WHERE "dispute_note" LIKE '两次录入不一致：%'`,
        );
        await queryRunner.query(`UPDATE "ballot_paper" SET "disputed_on" = '{choice}' WHERE "status" = 'disputed' AND cardinality("disputed_on") = 0`);
        await queryRunner.query(
            `UPDATE "ballot_paper" SET "resolution_note" = CASE WHEN strpos("dispute_note", E'\\n裁定：') > 0 THEN substr("dispute_note", strpos("dispute_note", E'\\n裁定：') + 4) WHEN "dispute_note" LIKE '裁定：%' THEN substr("dispute_note", 4) ELSE coalesce("dispute_note", '') END WHERE "resolved_by" IS NOT NULL`,
        );
        await queryRunner.query(`UPDATE "ballot_paper" SET "void_kind" = 'spoilt' WHERE "status" = 'void' AND "void_kind" IS NULL`);
        await queryRunner.query(`ALTER TABLE "ballot_paper" DROP COLUMN "dispute_note"`);
        await queryRunner.query(`ALTER TABLE "ballot_paper" ADD CONSTRAINT "ballot_paper_void_kind_valid" CHECK ("void_kind" IS NULL OR "void_kind" IN ('void', 'reissued', 'spoilt'))`);
        await queryRunner.query(`ALTER TABLE "ballot_paper" ADD CONSTRAINT "ballot_paper_void_explained" CHECK (("status" = 'void') = ("void_kind" IS NOT NULL) AND ("void_kind" IS NULL OR "void_kind" = 'spoilt' OR "void_reason" IS NOT NULL))`);
        await queryRunner.query(`ALTER TABLE "ballot_paper" ADD CONSTRAINT "ballot_paper_disputed_on_valid" CHECK ("disputed_on" <@ ARRAY['choice', 'proxy']::text[] AND ("status" <> 'disputed' OR cardinality("disputed_on") > 0))`);
        await queryRunner.query(`ALTER TABLE "ballot_paper" ADD CONSTRAINT "ballot_paper_resolved_together" CHECK (("resolved_by" IS NULL) = ("resolution_note" IS NULL))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "ballot_paper" DROP CONSTRAINT "ballot_paper_resolved_together"`);
        await queryRunner.query(`ALTER TABLE "ballot_paper" DROP CONSTRAINT "ballot_paper_disputed_on_valid"`);
        await queryRunner.query(`ALTER TABLE "ballot_paper" DROP CONSTRAINT "ballot_paper_void_explained"`);
        await queryRunner.query(`ALTER TABLE "ballot_paper" DROP CONSTRAINT "ballot_paper_void_kind_valid"`);
        await queryRunner.query(`ALTER TABLE "ballot_paper" ADD "dispute_note" text`);
        await queryRunner.query(
            `UPDATE "ballot_paper" SET "dispute_note" = nullif(concat_ws(E'\\n',
                CASE "void_kind" WHEN 'reissued' THEN '作废并补发：' || "void_reason" WHEN 'void' THEN '作废：' || "void_reason" END,
                CASE WHEN cardinality("disputed_on") > 0 THEN '两次录入不一致：' || array_to_string(ARRAY(SELECT CASE d WHEN 'choice' THEN '所选意见' ELSE '委托' END FROM unnest("disputed_on") d), '、') END,
                CASE WHEN "resolution_note" IS NOT NULL THEN '裁定：' || "resolution_note" END), '')`,
        );
        await queryRunner.query(`ALTER TABLE "ballot_paper" DROP COLUMN "resolution_note"`);
        await queryRunner.query(`ALTER TABLE "ballot_paper" DROP COLUMN "disputed_on"`);
        await queryRunner.query(`ALTER TABLE "ballot_paper" DROP COLUMN "void_reason"`);
        await queryRunner.query(`ALTER TABLE "ballot_paper" DROP COLUMN "void_kind"`);
    }
}
