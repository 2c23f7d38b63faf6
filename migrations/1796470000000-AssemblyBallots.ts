import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An assembly's ballot (表决票) of several matters, an election among them (issue 15): the matters
 * on the vote row, each under its own rule set, fixed once announced (a trigger); documents may
 * belong to one matter.
 */
export class AssemblyBallots1796470000000 implements MigrationInterface {
    name = 'AssemblyBallots1796470000000';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "vote" ADD "matters" jsonb`);
        await queryRunner.query(`ALTER TABLE "vote_attachment" ADD "matter_id" text`);
        await queryRunner.query(`ALTER TABLE "vote" DROP CONSTRAINT "vote_question_kind_valid"`);
        await queryRunner.query(`ALTER TABLE "vote" ADD CONSTRAINT "vote_question_kind_valid" CHECK ("question_kind" IN ('motion', 'options', 'assembly'))`);
        await queryRunner.query(`ALTER TABLE "vote" ADD CONSTRAINT "vote_matters_with_kind" CHECK (("question_kind" = 'assembly') = ("matters" IS NOT NULL))`);
        await queryRunner.query(`ALTER TABLE "vote" ADD CONSTRAINT "vote_matters_shape" CHECK ("matters" IS NULL OR (jsonb_typeof("matters") = 'array' AND jsonb_array_length("matters") BETWEEN 1 AND 10))`);
        // What a ballot puts is fixed when it is announced: a changed matter is a new ballot (cancel, announce again).
        await queryRunner.query(`CREATE FUNCTION yishi_vote_matters_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.matters IS DISTINCT FROM OLD.matters THEN
    RAISE EXCEPTION 'an announced ballot''s matters never change: cancel it and announce a new one' USING ERRCODE = '23514', CONSTRAINT = 'vote_matters_fixed';
  END IF;
  RETURN NEW;
END $$`);
        await queryRunner.query(`CREATE TRIGGER vote_matters_fixed BEFORE UPDATE OF matters ON vote FOR EACH ROW EXECUTE FUNCTION yishi_vote_matters_fixed()`);
        // A document of a matter names one of the ballot's matters.
        await queryRunner.query(`ALTER TABLE "vote_attachment" ADD CONSTRAINT "vote_attachment_matter_format" CHECK ("matter_id" IS NULL OR "matter_id" ~ '^m([1-9]|10)$')`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "vote_attachment" DROP CONSTRAINT "vote_attachment_matter_format"`);
        await queryRunner.query(`DROP TRIGGER vote_matters_fixed ON vote`);
        await queryRunner.query(`DROP FUNCTION yishi_vote_matters_fixed()`);
        await queryRunner.query(`ALTER TABLE "vote" DROP CONSTRAINT "vote_matters_shape"`);
        await queryRunner.query(`ALTER TABLE "vote" DROP CONSTRAINT "vote_matters_with_kind"`);
        await queryRunner.query(`ALTER TABLE "vote" DROP CONSTRAINT "vote_question_kind_valid"`);
        await queryRunner.query(`ALTER TABLE "vote" ADD CONSTRAINT "vote_question_kind_valid" CHECK ("question_kind" IN ('motion', 'options'))`);
        await queryRunner.query(`ALTER TABLE "vote_attachment" DROP COLUMN "matter_id"`);
        await queryRunner.query(`ALTER TABLE "vote" DROP COLUMN "matters"`);
    }
}
