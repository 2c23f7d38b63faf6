import type { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS_BEFORE = `'topic_screened', 'consultation_opened', 'phase_changed', 'comment_replied', 'comment_hidden', 'comment_period_ending', 'draft_published', 'briefing_cancelled', 'vote_opened', 'vote_result', 'vote_final', 'roll_unlinked', 'session_announced', 'minutes_published', 'follow_up_overdue', 'vote_reminder'`;

/**
 * The inbox tells the owner of an account when a building head or staff member issued a password
 * reset code for it in person (password_reset_in_person): whoever comes to the desk posing as
 * them is noticed by the real owner.
 */
export class InPersonResetNotice1796461428215 implements MigrationInterface {
    name = 'InPersonResetNotice1796461428215';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "notification_kind_valid"`);
        await queryRunner.query(`ALTER TABLE "notification" ADD CONSTRAINT "notification_kind_valid" CHECK ("kind" IN (${KINDS_BEFORE}, 'password_reset_in_person'))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DELETE FROM "notification" WHERE "kind" = 'password_reset_in_person'`);
        await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "notification_kind_valid"`);
        await queryRunner.query(`ALTER TABLE "notification" ADD CONSTRAINT "notification_kind_valid" CHECK ("kind" IN (${KINDS_BEFORE}))`);
    }
}
