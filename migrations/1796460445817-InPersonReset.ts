import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A password reset code handed over in person records who issued it (a building head or staff member). */
export class InPersonReset1796460445817 implements MigrationInterface {
    name = 'InPersonReset1796460445817';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "phone_verification" ADD "issued_by" uuid`);
        await queryRunner.query(`ALTER TABLE "phone_verification" ADD CONSTRAINT "phone_verification_issued_for_reset" CHECK ("issued_by" IS NULL OR "purpose" = 'reset')`);
        await queryRunner.query(`ALTER TABLE "phone_verification" ADD CONSTRAINT "phone_verification_issued_by_fk" FOREIGN KEY ("issued_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "phone_verification" DROP CONSTRAINT "phone_verification_issued_by_fk"`);
        await queryRunner.query(`ALTER TABLE "phone_verification" DROP CONSTRAINT "phone_verification_issued_for_reset"`);
        await queryRunner.query(`ALTER TABLE "phone_verification" DROP COLUMN "issued_by"`);
    }
}
