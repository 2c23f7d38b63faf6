import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Two more things the inbox tells: a new version of a draft was published; a briefing was cancelled. */
export class NotificationKinds1795677652603 implements MigrationInterface {
    name = 'NotificationKinds1795677652603';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "notification_kind_valid"`);
        await queryRunner.query(
            `ALTER TABLE "notification" ADD CONSTRAINT "notification_kind_valid" CHECK ("kind" IN ('topic_screened', 'consultation_opened', 'phase_changed', 'comment_replied', 'comment_hidden', 'comment_period_ending', 'draft_published', 'briefing_cancelled'))`,
        );
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DELETE FROM "notification" WHERE "kind" IN ('draft_published', 'briefing_cancelled')`);
        await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "notification_kind_valid"`);
        await queryRunner.query(
            `ALTER TABLE "notification" ADD CONSTRAINT "notification_kind_valid" CHECK ("kind" IN ('topic_screened', 'consultation_opened', 'phase_changed', 'comment_replied', 'comment_hidden', 'comment_period_ending'))`,
        );
    }
}
