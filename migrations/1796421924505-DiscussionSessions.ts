import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Discussion sessions (议事会): a session of a unit or a joint meeting over some units of a
 * community, the units whose rolls are invited, and the check-ins (签到) — one per person and
 * session, enforced here; leaving early is kept on the same row.
 */
export class DiscussionSessions1796421924505 implements MigrationInterface {
    name = 'DiscussionSessions1796421924505';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "discussion_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "node_id" uuid NOT NULL, "kind" text NOT NULL, "title" text NOT NULL, "place" text NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL DEFAULT 'draft', "announced_at" TIMESTAMP WITH TIME ZONE, "notice_ends_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "discussion_session_notice_kept" CHECK ("notice_ends_at" IS NULL OR "notice_ends_at" <= "starts_at"), CONSTRAINT "discussion_session_announced_with_notice" CHECK (("announced_at" IS NULL) = ("notice_ends_at" IS NULL) AND ("status" <> 'announced' OR "announced_at" IS NOT NULL)), CONSTRAINT "discussion_session_place_length" CHECK (char_length(btrim("place")) BETWEEN 1 AND 200), CONSTRAINT "discussion_session_title_length" CHECK (char_length(btrim("title")) BETWEEN 1 AND 200), CONSTRAINT "discussion_session_dates_order" CHECK ("ends_at" > "starts_at"), CONSTRAINT "discussion_session_status_valid" CHECK ("status" IN ('draft', 'announced', 'cancelled')), CONSTRAINT "discussion_session_kind_valid" CHECK ("kind" IN ('consultative', 'owners_meeting', 'member_assembly', 'representative_assembly', 'joint_meeting')), CONSTRAINT "PK_df7e3ec68b98b3e7e48a88d8e91" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "discussion_session_node_idx" ON "discussion_session"  ("node_id", "starts_at") `);
        await queryRunner.query(`CREATE TABLE "session_unit" ("session_id" uuid NOT NULL, "unit_id" uuid NOT NULL, CONSTRAINT "PK_b73b570b0ec33547eba1babb8bb" PRIMARY KEY ("session_id", "unit_id"))`);
        await queryRunner.query(`CREATE INDEX "session_unit_unit_idx" ON "session_unit"  ("unit_id") `);
        await queryRunner.query(`CREATE TABLE "session_attendance" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "unit_id" uuid NOT NULL, "person_type" text NOT NULL, "person_id" uuid NOT NULL, "method" text NOT NULL, "checked_in_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "checked_in_by" uuid NOT NULL, "left_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "session_attendance_left_after_arrival" CHECK ("left_at" IS NULL OR "left_at" >= "checked_in_at"), CONSTRAINT "session_attendance_method_valid" CHECK ("method" IN ('desk', 'phone')), CONSTRAINT "session_attendance_person_type_valid" CHECK ("person_type" IN ('owner', 'member')), CONSTRAINT "PK_bc946a8e6bc80fd2531356f89e6" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "session_attendance_person_unique" ON "session_attendance"  ("session_id", "person_type", "person_id") `);
        await queryRunner.query(`ALTER TABLE "discussion_session" ADD CONSTRAINT "discussion_session_node_fk" FOREIGN KEY ("node_id") REFERENCES "org_node"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "discussion_session" ADD CONSTRAINT "discussion_session_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "session_unit" ADD CONSTRAINT "session_unit_session_fk" FOREIGN KEY ("session_id") REFERENCES "discussion_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "session_unit" ADD CONSTRAINT "session_unit_unit_fk" FOREIGN KEY ("unit_id") REFERENCES "org_node"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "session_attendance" ADD CONSTRAINT "session_attendance_session_fk" FOREIGN KEY ("session_id") REFERENCES "discussion_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "session_attendance" ADD CONSTRAINT "session_attendance_unit_fk" FOREIGN KEY ("unit_id") REFERENCES "org_node"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "session_attendance" ADD CONSTRAINT "session_attendance_checked_in_by_fk" FOREIGN KEY ("checked_in_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "session_attendance" DROP CONSTRAINT "session_attendance_checked_in_by_fk"`);
        await queryRunner.query(`ALTER TABLE "session_attendance" DROP CONSTRAINT "session_attendance_unit_fk"`);
        await queryRunner.query(`ALTER TABLE "session_attendance" DROP CONSTRAINT "session_attendance_session_fk"`);
        await queryRunner.query(`ALTER TABLE "session_unit" DROP CONSTRAINT "session_unit_unit_fk"`);
        await queryRunner.query(`ALTER TABLE "session_unit" DROP CONSTRAINT "session_unit_session_fk"`);
        await queryRunner.query(`ALTER TABLE "discussion_session" DROP CONSTRAINT "discussion_session_created_by_fk"`);
        await queryRunner.query(`ALTER TABLE "discussion_session" DROP CONSTRAINT "discussion_session_node_fk"`);
        await queryRunner.query(`DROP INDEX "public"."session_attendance_person_unique"`);
        await queryRunner.query(`DROP TABLE "session_attendance"`);
        await queryRunner.query(`DROP INDEX "public"."session_unit_unit_idx"`);
        await queryRunner.query(`DROP TABLE "session_unit"`);
        await queryRunner.query(`DROP INDEX "public"."discussion_session_node_idx"`);
        await queryRunner.query(`DROP TABLE "discussion_session"`);
    }
}
