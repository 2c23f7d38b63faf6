import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A consultative session or a joint meeting may invite only the building heads (楼长) of its units' rolls. */
export class SessionInvites1796434516645 implements MigrationInterface {
    name = 'SessionInvites1796434516645';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "discussion_session" ADD "invite" text NOT NULL DEFAULT 'rolls'`);
        await queryRunner.query(`ALTER TABLE "discussion_session" ADD CONSTRAINT "discussion_session_invite_valid" CHECK ("invite" IN ('rolls', 'building_heads') AND ("invite" = 'rolls' OR "kind" IN ('consultative', 'joint_meeting')))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "discussion_session" DROP CONSTRAINT "discussion_session_invite_valid"`);
        await queryRunner.query(`ALTER TABLE "discussion_session" DROP COLUMN "invite"`);
    }
}
