import type { MigrationInterface, QueryRunner } from 'typeorm';
import { allowNotificationKinds } from './notification-kinds';

/**
 * The room of a discussion session: its officers (chair, recorder, tellers, scrutineers) and named
 * guests, the item and clause on the screen, voting in the room (slips entered by a teller and
 * confirmed by a scrutineer; a show of hands elsewhere), the speaking queue, the minutes in
 * versions, and the follow-up of its decisions; two inbox messages (minutes published, follow-up overdue).
 */
export class SessionRoom1796431043639 implements MigrationInterface {
    name = 'SessionRoom1796431043639';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "session_officer" ("session_id" uuid NOT NULL, "user_id" uuid NOT NULL, "role" text NOT NULL, CONSTRAINT "session_officer_role_valid" CHECK ("role" IN ('chair', 'recorder', 'teller', 'scrutineer')), CONSTRAINT "PK_8cbe3ec7d8eadb5251a5eff8415" PRIMARY KEY ("session_id", "user_id", "role"))`);
        await queryRunner.query(`CREATE INDEX "session_officer_user_idx" ON "session_officer"  ("user_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "session_officer_count_or_watch" ON "session_officer"  ("session_id", "user_id") WHERE "role" IN ('teller', 'scrutineer')`);
        await queryRunner.query(`CREATE UNIQUE INDEX "session_officer_one_recorder" ON "session_officer"  ("session_id") WHERE "role" = 'recorder'`);
        await queryRunner.query(`CREATE UNIQUE INDEX "session_officer_one_chair" ON "session_officer"  ("session_id") WHERE "role" = 'chair'`);
        await queryRunner.query(`CREATE TABLE "session_guest" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "name" text NOT NULL, "affiliation" text NOT NULL DEFAULT '', "checked_in_at" TIMESTAMP WITH TIME ZONE, "left_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "session_guest_left_after_arrival" CHECK ("left_at" IS NULL OR ("checked_in_at" IS NOT NULL AND "left_at" >= "checked_in_at")), CONSTRAINT "session_guest_affiliation_length" CHECK (char_length("affiliation") <= 100), CONSTRAINT "session_guest_name_length" CHECK (char_length(btrim("name")) BETWEEN 1 AND 100), CONSTRAINT "PK_f567e9b81fc256faecc4a1624a8" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "session_guest_session_idx" ON "session_guest"  ("session_id") `);
        await queryRunner.query(`CREATE TABLE "session_slip" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "item_id" uuid NOT NULL, "vote_id" uuid NOT NULL, "voter_id" text NOT NULL, "choice" jsonb, "status" text NOT NULL DEFAULT 'entered', "entered_by" uuid NOT NULL, "entered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "confirmed_by" uuid, "confirmed_at" TIMESTAMP WITH TIME ZONE, "refusal" text, "receipt" text, "superseded_receipt" text, CONSTRAINT "session_slip_refusal_reason" CHECK (("status" = 'refused') = ("refusal" IS NOT NULL)), CONSTRAINT "session_slip_settled" CHECK (("status" = 'entered') = ("confirmed_by" IS NULL)), CONSTRAINT "session_slip_confirmed_by_another" CHECK ("confirmed_by" IS NULL OR "confirmed_by" <> "entered_by"), CONSTRAINT "session_slip_status_valid" CHECK ("status" IN ('entered', 'counted', 'refused')), CONSTRAINT "PK_e131b97f9bb14bf96387213fc91" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "session_slip_voter_live" ON "session_slip"  ("item_id", "voter_id") WHERE "status" <> 'refused'`);
        await queryRunner.query(`CREATE TABLE "session_speech" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "item_id" uuid, "person_type" text, "person_id" uuid, "guest_id" uuid, "speaker_key" text NOT NULL, "via" text NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "called_at" TIMESTAMP WITH TIME ZONE, "ended_at" TIMESTAMP WITH TIME ZONE, "withdrawn_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "session_speech_order" CHECK (("ended_at" IS NULL OR "called_at" IS NOT NULL) AND NOT ("ended_at" IS NOT NULL AND "withdrawn_at" IS NOT NULL)), CONSTRAINT "session_speech_via_valid" CHECK ("via" IN ('phone', 'desk')), CONSTRAINT "session_speech_person_or_guest" CHECK ((("person_type" IS NOT NULL AND "person_id" IS NOT NULL) <> ("guest_id" IS NOT NULL)) AND ("person_type" IS NULL OR "person_type" IN ('owner', 'member'))), CONSTRAINT "PK_3e2645bb6da73f26468b920b2d5" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "session_speech_one_speaking" ON "session_speech"  ("session_id") WHERE "called_at" IS NOT NULL AND "ended_at" IS NULL AND "withdrawn_at" IS NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "session_speech_one_waiting" ON "session_speech"  ("session_id", "speaker_key") WHERE "ended_at" IS NULL AND "withdrawn_at" IS NULL`);
        await queryRunner.query(`CREATE INDEX "session_speech_session_idx" ON "session_speech"  ("session_id", "requested_at") `);
        await queryRunner.query(`CREATE TABLE "session_minutes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "version" integer NOT NULL, "body" text NOT NULL, "correction_reason" text, "edited_by" uuid NOT NULL, "edited_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "chair_confirmed_by" uuid, "chair_confirmed_at" TIMESTAMP WITH TIME ZONE, "scrutineer_confirmed_by" uuid, "scrutineer_confirmed_at" TIMESTAMP WITH TIME ZONE, "published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "session_minutes_correction_reason" CHECK (("version" = 1) = ("correction_reason" IS NULL)), CONSTRAINT "session_minutes_confirmed_by" CHECK (("chair_confirmed_at" IS NULL) = ("chair_confirmed_by" IS NULL) AND ("scrutineer_confirmed_at" IS NULL) = ("scrutineer_confirmed_by" IS NULL)), CONSTRAINT "session_minutes_published_confirmed" CHECK ("published_at" IS NULL OR ("chair_confirmed_at" IS NOT NULL AND "scrutineer_confirmed_at" IS NOT NULL)), CONSTRAINT "session_minutes_body_length" CHECK (char_length("body") BETWEEN 1 AND 40000), CONSTRAINT "session_minutes_version_positive" CHECK ("version" > 0), CONSTRAINT "PK_cf7368276a295070c164d309456" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "session_minutes_one_open" ON "session_minutes"  ("session_id") WHERE "published_at" IS NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "session_minutes_version_unique" ON "session_minutes"  ("session_id", "version") `);
        await queryRunner.query(`CREATE TABLE "session_follow_up" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "item_id" uuid NOT NULL, "title" text NOT NULL, "responsible" text NOT NULL, "due_on" date NOT NULL, "state" text NOT NULL DEFAULT 'open', "overdue_flagged_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "session_follow_up_responsible_length" CHECK (char_length(btrim("responsible")) BETWEEN 1 AND 100), CONSTRAINT "session_follow_up_title_length" CHECK (char_length(btrim("title")) BETWEEN 1 AND 200), CONSTRAINT "session_follow_up_state_valid" CHECK ("state" IN ('open', 'in_progress', 'done')), CONSTRAINT "PK_4b0dd3ad287ca4c7e252b728e06" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "session_follow_up_due_idx" ON "session_follow_up"  ("due_on") WHERE "state" <> 'done'`);
        await queryRunner.query(`CREATE INDEX "session_follow_up_session_idx" ON "session_follow_up"  ("session_id") `);
        await queryRunner.query(`CREATE TABLE "session_follow_up_update" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "follow_up_id" uuid NOT NULL, "state" text NOT NULL, "note" text NOT NULL, "photo_ids" uuid array NOT NULL DEFAULT '{}', "by" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "session_follow_up_update_photos" CHECK (cardinality("photo_ids") <= 6), CONSTRAINT "session_follow_up_update_note_length" CHECK (char_length(btrim("note")) BETWEEN 1 AND 2000), CONSTRAINT "session_follow_up_update_state_valid" CHECK ("state" IN ('open', 'in_progress', 'done')), CONSTRAINT "PK_121c0479251a145878ae6aef91f" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "session_follow_up_update_item_idx" ON "session_follow_up_update"  ("follow_up_id", "at") `);
        await queryRunner.query(`ALTER TABLE "discussion_session" ADD "current_item_id" uuid`);
        await queryRunner.query(`ALTER TABLE "discussion_session" ADD "current_clause_id" uuid`);
        await queryRunner.query(`ALTER TABLE "session_agenda_item" ADD "gist" text NOT NULL DEFAULT ''`);
        await queryRunner.query(`ALTER TABLE "session_agenda_item" ADD "room_opened_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "session_agenda_item" ADD "room_closed_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "session_agenda_item" ADD "hands_for" integer`);
        await queryRunner.query(`ALTER TABLE "session_agenda_item" ADD "hands_against" integer`);
        await queryRunner.query(`ALTER TABLE "session_agenda_item" ADD "hands_abstain" integer`);
        await queryRunner.query(`ALTER TABLE "session_agenda_item" ADD "hands_by" uuid`);
        await queryRunner.query(`ALTER TABLE "session_agenda_item" ADD "hands_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "session_agenda_item" ADD CONSTRAINT "session_agenda_item_gist_length" CHECK (char_length("gist") <= 4000)`);
        await queryRunner.query(`ALTER TABLE "session_agenda_item" ADD CONSTRAINT "session_agenda_item_hands" CHECK (("hands_at" IS NULL) = ("hands_for" IS NULL) AND ("hands_at" IS NULL) = ("hands_against" IS NULL) AND ("hands_at" IS NULL) = ("hands_abstain" IS NULL) AND ("hands_at" IS NULL) = ("hands_by" IS NULL)
   AND coalesce("hands_for", 0) >= 0 AND coalesce("hands_against", 0) >= 0 AND coalesce("hands_abstain", 0) >= 0 AND ("hands_at" IS NULL OR "kind" <> 'vote'))`);
        await queryRunner.query(`ALTER TABLE "session_agenda_item" ADD CONSTRAINT "session_agenda_item_room_voting_order" CHECK (("room_closed_at" IS NULL OR ("room_opened_at" IS NOT NULL AND "room_closed_at" >= "room_opened_at")) AND ("room_opened_at" IS NULL OR "kind" = 'vote'))`);
        await queryRunner.query(`ALTER TABLE "session_officer" ADD CONSTRAINT "session_officer_session_fk" FOREIGN KEY ("session_id") REFERENCES "discussion_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "session_officer" ADD CONSTRAINT "session_officer_user_fk" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "session_guest" ADD CONSTRAINT "session_guest_session_fk" FOREIGN KEY ("session_id") REFERENCES "discussion_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "session_guest" ADD CONSTRAINT "session_guest_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "session_slip" ADD CONSTRAINT "session_slip_item_fk" FOREIGN KEY ("item_id") REFERENCES "session_agenda_item"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "session_slip" ADD CONSTRAINT "session_slip_vote_fk" FOREIGN KEY ("vote_id") REFERENCES "vote"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "session_slip" ADD CONSTRAINT "session_slip_entered_by_fk" FOREIGN KEY ("entered_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "session_slip" ADD CONSTRAINT "session_slip_confirmed_by_fk" FOREIGN KEY ("confirmed_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "session_speech" ADD CONSTRAINT "session_speech_session_fk" FOREIGN KEY ("session_id") REFERENCES "discussion_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "session_speech" ADD CONSTRAINT "session_speech_item_fk" FOREIGN KEY ("item_id") REFERENCES "session_agenda_item"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "session_speech" ADD CONSTRAINT "session_speech_guest_fk" FOREIGN KEY ("guest_id") REFERENCES "session_guest"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "session_minutes" ADD CONSTRAINT "session_minutes_session_fk" FOREIGN KEY ("session_id") REFERENCES "discussion_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "session_minutes" ADD CONSTRAINT "session_minutes_edited_by_fk" FOREIGN KEY ("edited_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "session_minutes" ADD CONSTRAINT "session_minutes_chair_fk" FOREIGN KEY ("chair_confirmed_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "session_minutes" ADD CONSTRAINT "session_minutes_scrutineer_fk" FOREIGN KEY ("scrutineer_confirmed_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "session_follow_up" ADD CONSTRAINT "session_follow_up_session_fk" FOREIGN KEY ("session_id") REFERENCES "discussion_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "session_follow_up" ADD CONSTRAINT "session_follow_up_item_fk" FOREIGN KEY ("item_id") REFERENCES "session_agenda_item"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "session_follow_up" ADD CONSTRAINT "session_follow_up_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "session_follow_up_update" ADD CONSTRAINT "session_follow_up_update_item_fk" FOREIGN KEY ("follow_up_id") REFERENCES "session_follow_up"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "session_follow_up_update" ADD CONSTRAINT "session_follow_up_update_by_fk" FOREIGN KEY ("by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "session_minutes" ADD CONSTRAINT "session_minutes_two_confirmers" CHECK ("chair_confirmed_by" IS NULL OR "scrutineer_confirmed_by" IS NULL OR "chair_confirmed_by" <> "scrutineer_confirmed_by")`);
        await queryRunner.query(`ALTER TABLE "discussion_session" ADD CONSTRAINT "discussion_session_current_item_fk" FOREIGN KEY ("current_item_id") REFERENCES "session_agenda_item"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await allowNotificationKinds(queryRunner, { through: 'follow_up_overdue' });
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DELETE FROM "notification" WHERE "kind" IN ('minutes_published', 'follow_up_overdue')`);
        await allowNotificationKinds(queryRunner, { before: 'minutes_published' });
        await queryRunner.query(`ALTER TABLE "discussion_session" DROP CONSTRAINT "discussion_session_current_item_fk"`);
        await queryRunner.query(`ALTER TABLE "session_follow_up_update" DROP CONSTRAINT "session_follow_up_update_by_fk"`);
        await queryRunner.query(`ALTER TABLE "session_follow_up_update" DROP CONSTRAINT "session_follow_up_update_item_fk"`);
        await queryRunner.query(`ALTER TABLE "session_follow_up" DROP CONSTRAINT "session_follow_up_created_by_fk"`);
        await queryRunner.query(`ALTER TABLE "session_follow_up" DROP CONSTRAINT "session_follow_up_item_fk"`);
        await queryRunner.query(`ALTER TABLE "session_follow_up" DROP CONSTRAINT "session_follow_up_session_fk"`);
        await queryRunner.query(`ALTER TABLE "session_minutes" DROP CONSTRAINT "session_minutes_scrutineer_fk"`);
        await queryRunner.query(`ALTER TABLE "session_minutes" DROP CONSTRAINT "session_minutes_chair_fk"`);
        await queryRunner.query(`ALTER TABLE "session_minutes" DROP CONSTRAINT "session_minutes_edited_by_fk"`);
        await queryRunner.query(`ALTER TABLE "session_minutes" DROP CONSTRAINT "session_minutes_session_fk"`);
        await queryRunner.query(`ALTER TABLE "session_speech" DROP CONSTRAINT "session_speech_guest_fk"`);
        await queryRunner.query(`ALTER TABLE "session_speech" DROP CONSTRAINT "session_speech_item_fk"`);
        await queryRunner.query(`ALTER TABLE "session_speech" DROP CONSTRAINT "session_speech_session_fk"`);
        await queryRunner.query(`ALTER TABLE "session_slip" DROP CONSTRAINT "session_slip_confirmed_by_fk"`);
        await queryRunner.query(`ALTER TABLE "session_slip" DROP CONSTRAINT "session_slip_entered_by_fk"`);
        await queryRunner.query(`ALTER TABLE "session_slip" DROP CONSTRAINT "session_slip_vote_fk"`);
        await queryRunner.query(`ALTER TABLE "session_slip" DROP CONSTRAINT "session_slip_item_fk"`);
        await queryRunner.query(`ALTER TABLE "session_guest" DROP CONSTRAINT "session_guest_created_by_fk"`);
        await queryRunner.query(`ALTER TABLE "session_guest" DROP CONSTRAINT "session_guest_session_fk"`);
        await queryRunner.query(`ALTER TABLE "session_officer" DROP CONSTRAINT "session_officer_user_fk"`);
        await queryRunner.query(`ALTER TABLE "session_officer" DROP CONSTRAINT "session_officer_session_fk"`);
        await queryRunner.query(`ALTER TABLE "session_agenda_item" DROP CONSTRAINT "session_agenda_item_room_voting_order"`);
        await queryRunner.query(`ALTER TABLE "session_agenda_item" DROP CONSTRAINT "session_agenda_item_hands"`);
        await queryRunner.query(`ALTER TABLE "session_agenda_item" DROP CONSTRAINT "session_agenda_item_gist_length"`);
        await queryRunner.query(`ALTER TABLE "session_agenda_item" DROP COLUMN "hands_at"`);
        await queryRunner.query(`ALTER TABLE "session_agenda_item" DROP COLUMN "hands_by"`);
        await queryRunner.query(`ALTER TABLE "session_agenda_item" DROP COLUMN "hands_abstain"`);
        await queryRunner.query(`ALTER TABLE "session_agenda_item" DROP COLUMN "hands_against"`);
        await queryRunner.query(`ALTER TABLE "session_agenda_item" DROP COLUMN "hands_for"`);
        await queryRunner.query(`ALTER TABLE "session_agenda_item" DROP COLUMN "room_closed_at"`);
        await queryRunner.query(`ALTER TABLE "session_agenda_item" DROP COLUMN "room_opened_at"`);
        await queryRunner.query(`ALTER TABLE "session_agenda_item" DROP COLUMN "gist"`);
        await queryRunner.query(`ALTER TABLE "discussion_session" DROP COLUMN "current_clause_id"`);
        await queryRunner.query(`ALTER TABLE "discussion_session" DROP COLUMN "current_item_id"`);
        await queryRunner.query(`DROP INDEX "public"."session_follow_up_update_item_idx"`);
        await queryRunner.query(`DROP TABLE "session_follow_up_update"`);
        await queryRunner.query(`DROP INDEX "public"."session_follow_up_session_idx"`);
        await queryRunner.query(`DROP INDEX "public"."session_follow_up_due_idx"`);
        await queryRunner.query(`DROP TABLE "session_follow_up"`);
        await queryRunner.query(`DROP INDEX "public"."session_minutes_version_unique"`);
        await queryRunner.query(`DROP INDEX "public"."session_minutes_one_open"`);
        await queryRunner.query(`DROP TABLE "session_minutes"`);
        await queryRunner.query(`DROP INDEX "public"."session_speech_session_idx"`);
        await queryRunner.query(`DROP INDEX "public"."session_speech_one_waiting"`);
        await queryRunner.query(`DROP INDEX "public"."session_speech_one_speaking"`);
        await queryRunner.query(`DROP TABLE "session_speech"`);
        await queryRunner.query(`DROP INDEX "public"."session_slip_voter_live"`);
        await queryRunner.query(`DROP TABLE "session_slip"`);
        await queryRunner.query(`DROP INDEX "public"."session_guest_session_idx"`);
        await queryRunner.query(`DROP TABLE "session_guest"`);
        await queryRunner.query(`DROP INDEX "public"."session_officer_one_chair"`);
        await queryRunner.query(`DROP INDEX "public"."session_officer_one_recorder"`);
        await queryRunner.query(`DROP INDEX "public"."session_officer_count_or_watch"`);
        await queryRunner.query(`DROP INDEX "public"."session_officer_user_idx"`);
        await queryRunner.query(`DROP TABLE "session_officer"`);
    }
}
