import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Published minutes never change, for every database user and not only for the API: a correction
 * is the next version. Until published, a version is edited and confirmed in place.
 */
export class MinutesKept1796434200000 implements MigrationInterface {
    name = 'MinutesKept1796434200000';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE FUNCTION yishi_minutes_kept() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'published minutes are kept as published: % is not allowed (correct them with a new version)', TG_OP
                    USING ERRCODE = '42501', CONSTRAINT = 'session_minutes_kept';
            END $$`);
        await queryRunner.query(`CREATE TRIGGER session_minutes_kept BEFORE UPDATE OR DELETE ON session_minutes FOR EACH ROW WHEN (OLD.published_at IS NOT NULL) EXECUTE FUNCTION yishi_minutes_kept()`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER session_minutes_kept ON session_minutes`);
        await queryRunner.query(`DROP FUNCTION yishi_minutes_kept()`);
    }
}
