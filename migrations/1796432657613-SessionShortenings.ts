import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A session's notice put up for less than the body's notice period only under an approved
 * request, decided by a second person who supervises the unit from above (as for votes).
 */
export class SessionShortenings1796432657613 implements MigrationInterface {
    name = 'SessionShortenings1796432657613';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "session_shortening" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "reason" text NOT NULL, "requested_by" uuid NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "status" text NOT NULL DEFAULT 'pending', "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "decision_note" text, "decider_role" text, "decider_node_id" uuid, CONSTRAINT "session_shortening_decider_role" CHECK ("decider_role" IS NULL OR "decider_role" IN ('staff', 'admin')), CONSTRAINT "session_shortening_second_person" CHECK ("decided_by" IS NULL OR "decided_by" <> "requested_by"), CONSTRAINT "session_shortening_decided" CHECK (("status" = 'pending') = ("decided_by" IS NULL) AND ("decided_by" IS NULL) = ("decided_at" IS NULL) AND ("decided_by" IS NULL) = ("decision_note" IS NULL)), CONSTRAINT "session_shortening_status_valid" CHECK ("status" IN ('pending', 'approved', 'refused')), CONSTRAINT "PK_cc930f99b52f55f7192735226d1" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "session_shortening_session_idx" ON "session_shortening"  ("session_id", "requested_at") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "session_shortening_one_pending" ON "session_shortening"  ("session_id") WHERE "status" = 'pending'`);
        await queryRunner.query(`ALTER TABLE "session_shortening" ADD CONSTRAINT "session_shortening_session_fk" FOREIGN KEY ("session_id") REFERENCES "discussion_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "session_shortening" ADD CONSTRAINT "session_shortening_requested_by_fk" FOREIGN KEY ("requested_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "session_shortening" ADD CONSTRAINT "session_shortening_decided_by_fk" FOREIGN KEY ("decided_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "session_shortening" ADD CONSTRAINT "session_shortening_decider_node_fk" FOREIGN KEY ("decider_node_id") REFERENCES "org_node"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "session_shortening" DROP CONSTRAINT "session_shortening_decider_node_fk"`);
        await queryRunner.query(`ALTER TABLE "session_shortening" DROP CONSTRAINT "session_shortening_decided_by_fk"`);
        await queryRunner.query(`ALTER TABLE "session_shortening" DROP CONSTRAINT "session_shortening_requested_by_fk"`);
        await queryRunner.query(`ALTER TABLE "session_shortening" DROP CONSTRAINT "session_shortening_session_fk"`);
        await queryRunner.query(`DROP INDEX "public"."session_shortening_one_pending"`);
        await queryRunner.query(`DROP INDEX "public"."session_shortening_session_idx"`);
        await queryRunner.query(`DROP TABLE "session_shortening"`);
    }
}
