import type { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS_BEFORE = `'topic_screened', 'consultation_opened', 'phase_changed', 'comment_replied', 'comment_hidden', 'comment_period_ending', 'draft_published', 'briefing_cancelled', 'vote_opened', 'vote_result', 'vote_final', 'roll_unlinked'`;

/** The inbox tells the people of the invited units when a session's notice goes up (session_announced). */
export class SessionNotices1796426400000 implements MigrationInterface {
    name = 'SessionNotices1796426400000';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "notification_kind_valid"`);
        await queryRunner.query(`ALTER TABLE "notification" ADD CONSTRAINT "notification_kind_valid" CHECK ("kind" IN (${KINDS_BEFORE}, 'session_announced'))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DELETE FROM "notification" WHERE "kind" = 'session_announced'`);
        await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "notification_kind_valid"`);
        await queryRunner.query(`ALTER TABLE "notification" ADD CONSTRAINT "notification_kind_valid" CHECK ("kind" IN (${KINDS_BEFORE}))`);
    }
}
