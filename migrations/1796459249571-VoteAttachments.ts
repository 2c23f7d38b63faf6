import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The documents a vote carries (quotes, contracts, plans), fixed when it is announced: a trigger
 * lets rows in only in the transaction that inserted the vote, and refuses every later change.
 */
export class VoteAttachments1796459249571 implements MigrationInterface {
    name = 'VoteAttachments1796459249571';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "vote_attachment" ("vote_id" uuid NOT NULL, "position" integer NOT NULL, "file_id" uuid NOT NULL, "title" text NOT NULL, CONSTRAINT "vote_attachment_position_range" CHECK ("position" BETWEEN 1 AND 10), CONSTRAINT "vote_attachment_title_length" CHECK (length(btrim("title")) BETWEEN 1 AND 200), CONSTRAINT "PK_dbd3b6ca122d3a1d16e93424275" PRIMARY KEY ("vote_id", "position"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "vote_attachment_file_unique" ON "vote_attachment"  ("vote_id", "file_id") `);
        await queryRunner.query(`ALTER TABLE "vote_attachment" ADD CONSTRAINT "vote_attachment_vote_fk" FOREIGN KEY ("vote_id") REFERENCES "vote"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "vote_attachment" ADD CONSTRAINT "vote_attachment_file_fk" FOREIGN KEY ("file_id") REFERENCES "stored_file"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`CREATE FUNCTION vote_attachment_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    -- Only alongside the announcement: the vote's row was written by this very transaction.
    IF NOT EXISTS (SELECT 1 FROM vote v WHERE v.id = NEW.vote_id AND v.xmin = pg_current_xact_id()::xid) THEN
      RAISE EXCEPTION 'vote_attachment_fixed: a vote''s documents are attached when it is announced, not afterwards' USING ERRCODE = '23514';
    END IF;
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'vote_attachment_fixed: an announced vote''s documents do not change' USING ERRCODE = '23514';
END $$`);
        await queryRunner.query(`CREATE TRIGGER vote_attachment_fixed BEFORE INSERT OR UPDATE OR DELETE ON vote_attachment FOR EACH ROW EXECUTE FUNCTION vote_attachment_fixed()`);
        await queryRunner.query(`CREATE TRIGGER vote_attachment_no_truncate BEFORE TRUNCATE ON vote_attachment FOR EACH STATEMENT EXECUTE FUNCTION vote_attachment_fixed()`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER vote_attachment_no_truncate ON vote_attachment`);
        await queryRunner.query(`DROP TRIGGER vote_attachment_fixed ON vote_attachment`);
        await queryRunner.query(`DROP FUNCTION vote_attachment_fixed()`);
        await queryRunner.query(`ALTER TABLE "vote_attachment" DROP CONSTRAINT "vote_attachment_file_fk"`);
        await queryRunner.query(`ALTER TABLE "vote_attachment" DROP CONSTRAINT "vote_attachment_vote_fk"`);
        await queryRunner.query(`DROP INDEX "public"."vote_attachment_file_unique"`);
        await queryRunner.query(`DROP TABLE "vote_attachment"`);
    }
}
