import { randomInt } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Lower-case Crockford base32: no i, l, o or u, so a link typed from paper is hard to get wrong. */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * A counted vote's result gets a public, unlisted page: its key (`public_token`, 28 random
 * characters of base32 = 140 bits) is printed as a QR code on the paper notice. It exists exactly
 * when the result does, and never changes. The bulletin board of receipts joins that page only
 * once the convenor publishes it (`board_published_*`), and then stays there: the notice that was
 * public stays public. Votes counted before this migration get their key here.
 */
export class PublicResultLinks1796396693893 implements MigrationInterface {
    name = 'PublicResultLinks1796396693893';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "vote" ADD "public_token" text`);
        await queryRunner.query(`ALTER TABLE "vote" ADD "board_published_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "vote" ADD "board_published_by" uuid`);
        await queryRunner.query(`CREATE UNIQUE INDEX "vote_public_token_unique" ON "vote" ("public_token")`);
        const counted = await queryRunner.query(`SELECT id FROM "vote" WHERE "result_json" IS NOT NULL`) as { id: string }[];
        for (const { id } of counted) {
            const token = Array.from({ length: 28 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
            await queryRunner.query(`UPDATE "vote" SET "public_token" = $2 WHERE id = $1`, [id, token]);
        }
        await queryRunner.query(`ALTER TABLE "vote" ADD CONSTRAINT "vote_board_published_with_result" CHECK ("board_published_at" IS NULL OR "result_json" IS NOT NULL)`);
        await queryRunner.query(`ALTER TABLE "vote" ADD CONSTRAINT "vote_board_published_together" CHECK (("board_published_at" IS NULL) = ("board_published_by" IS NULL))`);
        await queryRunner.query(`ALTER TABLE "vote" ADD CONSTRAINT "vote_public_token_with_result" CHECK (("public_token" IS NULL) = ("result_json" IS NULL))`);
        await queryRunner.query(`ALTER TABLE "vote" ADD CONSTRAINT "vote_public_token_format" CHECK ("public_token" ~ '^[0-9a-hjkmnp-tv-z]{28}$')`);
        await queryRunner.query(`ALTER TABLE "vote" ADD CONSTRAINT "vote_board_published_by_fk" FOREIGN KEY ("board_published_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);

        // The printed QR code must keep working, and a board once public stays public.
        await queryRunner.query(`
            CREATE FUNCTION yishi_vote_public_record() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF OLD.public_token IS NOT NULL AND NEW.public_token IS DISTINCT FROM OLD.public_token THEN
                    RAISE EXCEPTION 'the public link of a result never changes' USING ERRCODE = '23514', CONSTRAINT = 'vote_public_token_fixed';
                END IF;
                IF OLD.board_published_at IS NOT NULL AND (NEW.board_published_at IS DISTINCT FROM OLD.board_published_at OR NEW.board_published_by IS DISTINCT FROM OLD.board_published_by) THEN
                    RAISE EXCEPTION 'a bulletin board once published stays published' USING ERRCODE = '23514', CONSTRAINT = 'vote_board_stays_published';
                END IF;
                RETURN NEW;
            END $$`);
        await queryRunner.query(
            `CREATE TRIGGER vote_public_record BEFORE UPDATE OF public_token, board_published_at, board_published_by ON vote FOR EACH ROW EXECUTE FUNCTION yishi_vote_public_record()`,
        );
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER vote_public_record ON vote`);
        await queryRunner.query(`DROP FUNCTION yishi_vote_public_record()`);
        await queryRunner.query(`ALTER TABLE "vote" DROP CONSTRAINT "vote_board_published_by_fk"`);
        await queryRunner.query(`ALTER TABLE "vote" DROP CONSTRAINT "vote_public_token_format"`);
        await queryRunner.query(`ALTER TABLE "vote" DROP CONSTRAINT "vote_public_token_with_result"`);
        await queryRunner.query(`ALTER TABLE "vote" DROP CONSTRAINT "vote_board_published_together"`);
        await queryRunner.query(`ALTER TABLE "vote" DROP CONSTRAINT "vote_board_published_with_result"`);
        await queryRunner.query(`DROP INDEX "public"."vote_public_token_unique"`);
        await queryRunner.query(`ALTER TABLE "vote" DROP COLUMN "board_published_by"`);
        await queryRunner.query(`ALTER TABLE "vote" DROP COLUMN "board_published_at"`);
        await queryRunner.query(`ALTER TABLE "vote" DROP COLUMN "public_token"`);
    }
}
