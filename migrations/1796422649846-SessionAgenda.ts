import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The agenda of a discussion session: items linked to a screened topic, a published draft version,
 * a vote, or free; an item added after the notice carries its reason, a deferred one stays with why.
 */
export class SessionAgenda1796422649846 implements MigrationInterface {
    name = 'SessionAgenda1796422649846';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "session_agenda_item" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "position" integer NOT NULL, "kind" text NOT NULL, "topic_id" uuid, "version_id" uuid, "vote_id" uuid, "title" text NOT NULL, "urgent_reason" text, "deferred_at" TIMESTAMP WITH TIME ZONE, "deferred_reason" text, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "session_agenda_item_deferred_with_reason" CHECK (("deferred_at" IS NULL) = ("deferred_reason" IS NULL)), CONSTRAINT "session_agenda_item_position_positive" CHECK ("position" > 0), CONSTRAINT "session_agenda_item_title_length" CHECK (char_length(btrim("title")) BETWEEN 1 AND 200), CONSTRAINT "session_agenda_item_one_link" CHECK (("kind" = 'topic') = ("topic_id" IS NOT NULL) AND ("kind" = 'draft') = ("version_id" IS NOT NULL) AND ("kind" = 'vote') = ("vote_id" IS NOT NULL)), CONSTRAINT "session_agenda_item_kind_valid" CHECK ("kind" IN ('topic', 'draft', 'vote', 'free')), CONSTRAINT "PK_3d805db97a843ee4c825591b2f3" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "session_agenda_item_session_idx" ON "session_agenda_item"  ("session_id", "position") `);
        await queryRunner.query(`ALTER TABLE "session_agenda_item" ADD CONSTRAINT "session_agenda_item_session_fk" FOREIGN KEY ("session_id") REFERENCES "discussion_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "session_agenda_item" ADD CONSTRAINT "session_agenda_item_topic_fk" FOREIGN KEY ("topic_id") REFERENCES "topic"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "session_agenda_item" ADD CONSTRAINT "session_agenda_item_version_fk" FOREIGN KEY ("version_id") REFERENCES "draft_version"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "session_agenda_item" ADD CONSTRAINT "session_agenda_item_vote_fk" FOREIGN KEY ("vote_id") REFERENCES "vote"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "session_agenda_item" ADD CONSTRAINT "session_agenda_item_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "session_agenda_item" DROP CONSTRAINT "session_agenda_item_created_by_fk"`);
        await queryRunner.query(`ALTER TABLE "session_agenda_item" DROP CONSTRAINT "session_agenda_item_vote_fk"`);
        await queryRunner.query(`ALTER TABLE "session_agenda_item" DROP CONSTRAINT "session_agenda_item_version_fk"`);
        await queryRunner.query(`ALTER TABLE "session_agenda_item" DROP CONSTRAINT "session_agenda_item_topic_fk"`);
        await queryRunner.query(`ALTER TABLE "session_agenda_item" DROP CONSTRAINT "session_agenda_item_session_fk"`);
        await queryRunner.query(`DROP INDEX "public"."session_agenda_item_session_idx"`);
        await queryRunner.query(`DROP TABLE "session_agenda_item"`);
    }
}
