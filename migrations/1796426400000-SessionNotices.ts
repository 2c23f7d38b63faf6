import type { MigrationInterface, QueryRunner } from 'typeorm';
import { allowNotificationKinds } from './notification-kinds';

/** The inbox tells the people of the invited units when a session's notice goes up (session_announced). */
export class SessionNotices1796426400000 implements MigrationInterface {
    name = 'SessionNotices1796426400000';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await allowNotificationKinds(queryRunner, { through: 'session_announced' });
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DELETE FROM "notification" WHERE "kind" = 'session_announced'`);
        await allowNotificationKinds(queryRunner, { before: 'session_announced' });
    }
}
