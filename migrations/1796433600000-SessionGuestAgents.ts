import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An owner may give a written proxy to anyone (Civil Code art. 278; the SPC's interpretation): at a
 * session's door the agent may be a guest on no roll, checked in by name.
 */
export class SessionGuestAgents1796433600000 implements MigrationInterface {
    name = 'SessionGuestAgents1796433600000';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "session_proxy" DROP CONSTRAINT "session_proxy_person_types_valid"`);
        await queryRunner.query(`ALTER TABLE "session_proxy" ADD CONSTRAINT "session_proxy_person_types_valid" CHECK ("principal_type" IN ('owner', 'member') AND "agent_type" IN ('owner', 'member', 'guest'))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DELETE FROM "session_proxy" WHERE "agent_type" = 'guest'`);
        await queryRunner.query(`ALTER TABLE "session_proxy" DROP CONSTRAINT "session_proxy_person_types_valid"`);
        await queryRunner.query(`ALTER TABLE "session_proxy" ADD CONSTRAINT "session_proxy_person_types_valid" CHECK ("principal_type" IN ('owner', 'member') AND "agent_type" IN ('owner', 'member'))`);
    }
}
