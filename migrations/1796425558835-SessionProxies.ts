import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Written proxies recorded at a session's door: one per principal and session, always written. */
export class SessionProxies1796425558835 implements MigrationInterface {
    name = 'SessionProxies1796425558835';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "session_proxy" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "principal_type" text NOT NULL, "principal_id" uuid NOT NULL, "agent_type" text NOT NULL, "agent_id" uuid NOT NULL, "written" boolean NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "recorded_by" uuid NOT NULL, CONSTRAINT "session_proxy_written" CHECK ("written"), CONSTRAINT "session_proxy_not_oneself" CHECK (("principal_type", "principal_id") IS DISTINCT FROM ("agent_type", "agent_id")), CONSTRAINT "session_proxy_person_types_valid" CHECK ("principal_type" IN ('owner', 'member') AND "agent_type" IN ('owner', 'member')), CONSTRAINT "PK_b412cd5402716ddc13dba50108f" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "session_proxy_principal_unique" ON "session_proxy"  ("session_id", "principal_type", "principal_id") `);
        await queryRunner.query(`ALTER TABLE "session_proxy" ADD CONSTRAINT "session_proxy_session_fk" FOREIGN KEY ("session_id") REFERENCES "discussion_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "session_proxy" ADD CONSTRAINT "session_proxy_recorded_by_fk" FOREIGN KEY ("recorded_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "session_proxy" DROP CONSTRAINT "session_proxy_recorded_by_fk"`);
        await queryRunner.query(`ALTER TABLE "session_proxy" DROP CONSTRAINT "session_proxy_session_fk"`);
        await queryRunner.query(`DROP INDEX "public"."session_proxy_principal_unique"`);
        await queryRunner.query(`DROP TABLE "session_proxy"`);
    }
}
