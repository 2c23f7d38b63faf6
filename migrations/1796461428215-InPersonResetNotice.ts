import type { MigrationInterface, QueryRunner } from 'typeorm';
import { allowNotificationKinds } from './notification-kinds';

/**
 * The inbox tells the owner of an account when a building head or staff member issued a password
 * reset code for it in person (password_reset_in_person): whoever comes to the desk posing as
 * them is noticed by the real owner.
 */
export class InPersonResetNotice1796461428215 implements MigrationInterface {
    name = 'InPersonResetNotice1796461428215';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await allowNotificationKinds(queryRunner, { through: 'password_reset_in_person' });
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DELETE FROM "notification" WHERE "kind" = 'password_reset_in_person'`);
        await allowNotificationKinds(queryRunner, { before: 'password_reset_in_person' });
    }
}
