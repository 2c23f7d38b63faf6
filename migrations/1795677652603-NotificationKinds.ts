import type { MigrationInterface, QueryRunner } from 'typeorm';
import { allowNotificationKinds } from './notification-kinds';

/** Two more things the inbox tells: a new version of a draft was published; a briefing was cancelled. */
export class NotificationKinds1795677652603 implements MigrationInterface {
    name = 'NotificationKinds1795677652603';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await allowNotificationKinds(queryRunner, { through: 'briefing_cancelled' });
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DELETE FROM "notification" WHERE "kind" IN ('draft_published', 'briefing_cancelled')`);
        await allowNotificationKinds(queryRunner, { before: 'draft_published' });
    }
}
