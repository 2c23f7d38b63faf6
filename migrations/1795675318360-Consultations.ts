import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Topics, consultations with versioned drafts, comments and official replies, briefings, files, notifications. */

export class Consultations1795675318360 implements MigrationInterface {
    name = 'Consultations1795675318360'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "consultation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "owner_node_id" uuid NOT NULL, "title" text NOT NULL, "summary" text NOT NULL DEFAULT '', "rule_set" text NOT NULL, "phase" text NOT NULL DEFAULT 'draft', "phase_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "comment_reminder_sent_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "consultation_rule_set_valid" CHECK ("rule_set" IN ('cc278-ordinary', 'cc278-major', 'rceo-27', 'rceo-28', 'rceo-15', 'vcl-22', 'vcl-26', 'vcl-28', 'lml-63', 'simple-majority')), CONSTRAINT "consultation_phase_valid" CHECK ("phase" IN ('draft', 'briefing', 'comment', 'revision', 'voting', 'notice', 'follow_up')), CONSTRAINT "consultation_summary_length" CHECK (length("summary") <= 4000), CONSTRAINT "consultation_title_length" CHECK (length(btrim("title")) BETWEEN 1 AND 200), CONSTRAINT "PK_5203569fac28a4a626c42abe70b" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "consultation_owner_idx" ON "consultation"  ("owner_node_id", "created_at") `);
        await queryRunner.query(`CREATE TABLE "briefing" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "consultation_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "place" text NOT NULL, "capacity" integer NOT NULL, "notes" text NOT NULL DEFAULT '', "walk_ins" integer NOT NULL DEFAULT '0', "cancelled_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "briefing_place_length" CHECK (length(btrim("place")) BETWEEN 1 AND 200), CONSTRAINT "briefing_walk_ins_non_negative" CHECK ("walk_ins" >= 0), CONSTRAINT "briefing_capacity_positive" CHECK ("capacity" > 0), CONSTRAINT "briefing_dates_order" CHECK ("ends_at" > "starts_at"), CONSTRAINT "PK_c6ab4398f71fe86c63057712da0" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "briefing_consultation_idx" ON "briefing"  ("consultation_id", "starts_at") `);
        await queryRunner.query(`CREATE TABLE "briefing_signup" ("briefing_id" uuid NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "attended_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_25a5eda69c0318d9c1df5d10f1f" PRIMARY KEY ("briefing_id", "user_id"))`);
        await queryRunner.query(`CREATE TABLE "draft_version" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "consultation_id" uuid NOT NULL, "number" integer NOT NULL, "title" text NOT NULL, "preamble" text NOT NULL DEFAULT '', "change_note" text, "published_at" TIMESTAMP WITH TIME ZONE, "published_by" uuid, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "draft_version_number_unique" UNIQUE ("consultation_id", "number"), CONSTRAINT "draft_version_published_together" CHECK (("published_at" IS NULL) = ("published_by" IS NULL)), CONSTRAINT "draft_version_title_length" CHECK (length(btrim("title")) BETWEEN 1 AND 200), CONSTRAINT "draft_version_number_positive" CHECK ("number" >= 1), CONSTRAINT "PK_e434e51de6c2d8d45dfe5e92012" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "draft_version_one_editing" ON "draft_version"  ("consultation_id") WHERE "published_at" IS NULL`);
        await queryRunner.query(`CREATE TABLE "clause" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version_id" uuid NOT NULL, "number" integer NOT NULL, "heading" text, "body" text NOT NULL, "previous_clause_id" uuid, "change_reason" text, CONSTRAINT "clause_number_unique" UNIQUE ("version_id", "number"), CONSTRAINT "clause_body_length" CHECK (length(btrim("body")) BETWEEN 1 AND 5000), CONSTRAINT "clause_number_positive" CHECK ("number" >= 1), CONSTRAINT "PK_f7be76ec8bb5379f6c9ea05bac7" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "clause_previous_idx" ON "clause"  ("previous_clause_id") `);
        await queryRunner.query(`CREATE TABLE "comment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "consultation_id" uuid NOT NULL, "version_id" uuid NOT NULL, "clause_id" uuid, "parent_id" uuid, "author_id" uuid, "body" text NOT NULL, "channel" text NOT NULL DEFAULT 'online', "recorded_by" uuid, "collector_name" text, "collected_on" date, "resident_name" text, "is_anonymous" boolean NOT NULL DEFAULT false, "hidden_at" TIMESTAMP WITH TIME ZONE, "hidden_by" uuid, "hidden_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "comment_hidden_together" CHECK (("hidden_at" IS NULL) = ("hidden_by" IS NULL) AND ("hidden_at" IS NULL) = ("hidden_reason" IS NULL)), CONSTRAINT "comment_anonymous_has_no_name" CHECK (NOT ("is_anonymous" AND "resident_name" IS NOT NULL)), CONSTRAINT "comment_offline_recorded" CHECK ("channel" = 'online' OR ("recorded_by" IS NOT NULL AND "collected_on" IS NOT NULL)), CONSTRAINT "comment_online_has_author" CHECK (("channel" = 'online') = ("author_id" IS NOT NULL AND "recorded_by" IS NULL)), CONSTRAINT "comment_channel_valid" CHECK ("channel" IN ('online', 'suggestion_box', 'field_visit', 'hotline', 'building_head', 'meeting', 'briefing', 'paper')), CONSTRAINT "comment_body_length" CHECK (length(btrim("body")) BETWEEN 1 AND 1000), CONSTRAINT "PK_0b0e4bbc8415ec426f87f3a88e2" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "comment_parent_idx" ON "comment"  ("parent_id") `);
        await queryRunner.query(`CREATE INDEX "comment_clause_idx" ON "comment"  ("clause_id") `);
        await queryRunner.query(`CREATE INDEX "comment_consultation_idx" ON "comment"  ("consultation_id", "created_at") `);
        await queryRunner.query(`CREATE TABLE "comment_report" ("comment_id" uuid NOT NULL, "user_id" uuid NOT NULL, "reason" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "comment_report_reason_length" CHECK (length(btrim("reason")) BETWEEN 1 AND 500), CONSTRAINT "PK_ca81c03ebbc381067e879cb51db" PRIMARY KEY ("comment_id", "user_id"))`);
        await queryRunner.query(`CREATE TABLE "official_reply" ("comment_id" uuid NOT NULL, "outcome" text NOT NULL, "reason" text NOT NULL, "linked_clause_id" uuid, "replied_by" uuid NOT NULL, "replied_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "official_reply_reason_length" CHECK (length(btrim("reason")) BETWEEN 1 AND 1000), CONSTRAINT "official_reply_outcome_valid" CHECK ("outcome" IN ('adopted', 'partly_adopted', 'not_adopted', 'noted')), CONSTRAINT "PK_3931a128ba9921de56fa52f39ab" PRIMARY KEY ("comment_id"))`);
        await queryRunner.query(`CREATE TABLE "consultation_phase" ("consultation_id" uuid NOT NULL, "phase" text NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "consultation_phase_dates_order" CHECK ("ends_at" IS NULL OR "ends_at" > "starts_at"), CONSTRAINT "consultation_phase_phase_valid" CHECK ("phase" IN ('draft', 'briefing', 'comment', 'revision', 'voting', 'notice', 'follow_up')), CONSTRAINT "PK_5bb2444eedd24c51ed7db3b5a99" PRIMARY KEY ("consultation_id", "phase"))`);
        await queryRunner.query(`CREATE TABLE "consultation_unit" ("consultation_id" uuid NOT NULL, "unit_id" uuid NOT NULL, CONSTRAINT "PK_e5fe00065981447da0546337f16" PRIMARY KEY ("consultation_id", "unit_id"))`);
        await queryRunner.query(`CREATE INDEX "consultation_unit_unit_idx" ON "consultation_unit"  ("unit_id") `);
        await queryRunner.query(`CREATE TABLE "stored_file" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "mime" text NOT NULL, "size_bytes" integer NOT NULL, "sha256" text NOT NULL, "original_name" text NOT NULL, "storage_key" text NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "stored_file_sha256_format" CHECK ("sha256" ~ '^[0-9a-f]{64}$'), CONSTRAINT "stored_file_size_valid" CHECK ("size_bytes" > 0), CONSTRAINT "stored_file_mime_valid" CHECK ("mime" IN ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')), CONSTRAINT "PK_e140967af84027b493a3ff04fbb" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "version_attachment" ("version_id" uuid NOT NULL, "file_id" uuid NOT NULL, "title" text NOT NULL, CONSTRAINT "version_attachment_title_length" CHECK (length(btrim("title")) BETWEEN 1 AND 200), CONSTRAINT "PK_23ebdcf3d248b8cba316b5456e6" PRIMARY KEY ("version_id", "file_id"))`);
        await queryRunner.query(`CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" text NOT NULL, "params" jsonb NOT NULL, "link" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, "delivered_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "notification_kind_valid" CHECK ("kind" IN ('topic_screened', 'consultation_opened', 'phase_changed', 'comment_replied', 'comment_hidden', 'comment_period_ending')), CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "notification_unread_idx" ON "notification"  ("user_id") WHERE "read_at" IS NULL`);
        await queryRunner.query(`CREATE INDEX "notification_outbox_idx" ON "notification"  ("created_at") WHERE "delivered_at" IS NULL`);
        await queryRunner.query(`CREATE INDEX "notification_user_idx" ON "notification"  ("user_id", "created_at") `);
        await queryRunner.query(`CREATE TABLE "topic" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_id" uuid NOT NULL, "title" text NOT NULL, "body" text NOT NULL, "channel" text NOT NULL, "author_id" uuid, "recorded_by" uuid, "collector_name" text, "collected_on" date, "resident_name" text, "is_anonymous" boolean NOT NULL DEFAULT false, "status" text NOT NULL DEFAULT 'open', "consultation_id" uuid, "merged_into_id" uuid, "decision_reason" text, "screened_by" uuid, "screened_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "topic_screened_when_decided" CHECK (("status" = 'open') = ("screened_at" IS NULL)), CONSTRAINT "topic_declined_has_reason" CHECK ("status" <> 'declined' OR length(btrim(coalesce("decision_reason", ''))) > 0), CONSTRAINT "topic_merged_has_target" CHECK (("status" = 'merged') = ("merged_into_id" IS NOT NULL)), CONSTRAINT "topic_accepted_has_consultation" CHECK (("status" = 'accepted') = ("consultation_id" IS NOT NULL)), CONSTRAINT "topic_anonymous_has_no_name" CHECK (NOT ("is_anonymous" AND "resident_name" IS NOT NULL)), CONSTRAINT "topic_offline_recorded" CHECK ("channel" = 'online' OR ("recorded_by" IS NOT NULL AND "collected_on" IS NOT NULL)), CONSTRAINT "topic_online_has_author" CHECK (("channel" = 'online') = ("author_id" IS NOT NULL AND "recorded_by" IS NULL)), CONSTRAINT "topic_body_length" CHECK (length("body") <= 2000), CONSTRAINT "topic_title_length" CHECK (length(btrim("title")) BETWEEN 1 AND 100), CONSTRAINT "topic_status_valid" CHECK ("status" IN ('open', 'accepted', 'merged', 'declined')), CONSTRAINT "topic_channel_valid" CHECK ("channel" IN ('online', 'suggestion_box', 'field_visit', 'hotline', 'building_head', 'meeting', 'briefing', 'paper')), CONSTRAINT "PK_33aa4ecb4e4f20aa0157ea7ef61" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "topic_consultation_idx" ON "topic"  ("consultation_id") `);
        await queryRunner.query(`CREATE INDEX "topic_unit_status_idx" ON "topic"  ("unit_id", "status", "created_at") `);
        await queryRunner.query(`CREATE TABLE "topic_photo" ("topic_id" uuid NOT NULL, "file_id" uuid NOT NULL, "position" smallint NOT NULL, CONSTRAINT "topic_photo_position_unique" UNIQUE ("topic_id", "position"), CONSTRAINT "topic_photo_position_range" CHECK ("position" BETWEEN 1 AND 3), CONSTRAINT "PK_bbe2f5027e6745938cfd28dfc6d" PRIMARY KEY ("topic_id", "file_id"))`);
        await queryRunner.query(`CREATE TABLE "topic_second" ("topic_id" uuid NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e3b7289cfb3c657d08f7d094aeb" PRIMARY KEY ("topic_id", "user_id"))`);
        await queryRunner.query(`ALTER TABLE "consultation" ADD CONSTRAINT "consultation_owner_node_fk" FOREIGN KEY ("owner_node_id") REFERENCES "org_node"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "consultation" ADD CONSTRAINT "consultation_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "briefing" ADD CONSTRAINT "briefing_consultation_fk" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "briefing" ADD CONSTRAINT "briefing_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "briefing_signup" ADD CONSTRAINT "briefing_signup_briefing_fk" FOREIGN KEY ("briefing_id") REFERENCES "briefing"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "briefing_signup" ADD CONSTRAINT "briefing_signup_user_fk" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "draft_version" ADD CONSTRAINT "draft_version_consultation_fk" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "draft_version" ADD CONSTRAINT "draft_version_published_by_fk" FOREIGN KEY ("published_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "draft_version" ADD CONSTRAINT "draft_version_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "clause" ADD CONSTRAINT "clause_version_fk" FOREIGN KEY ("version_id") REFERENCES "draft_version"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "clause" ADD CONSTRAINT "clause_previous_fk" FOREIGN KEY ("previous_clause_id") REFERENCES "clause"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "comment" ADD CONSTRAINT "comment_consultation_fk" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "comment" ADD CONSTRAINT "comment_version_fk" FOREIGN KEY ("version_id") REFERENCES "draft_version"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "comment" ADD CONSTRAINT "comment_clause_fk" FOREIGN KEY ("clause_id") REFERENCES "clause"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "comment" ADD CONSTRAINT "comment_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "comment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "comment" ADD CONSTRAINT "comment_author_fk" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "comment" ADD CONSTRAINT "comment_recorded_by_fk" FOREIGN KEY ("recorded_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "comment" ADD CONSTRAINT "comment_hidden_by_fk" FOREIGN KEY ("hidden_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "comment_report" ADD CONSTRAINT "comment_report_comment_fk" FOREIGN KEY ("comment_id") REFERENCES "comment"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "comment_report" ADD CONSTRAINT "comment_report_user_fk" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "official_reply" ADD CONSTRAINT "official_reply_comment_fk" FOREIGN KEY ("comment_id") REFERENCES "comment"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "official_reply" ADD CONSTRAINT "official_reply_linked_clause_fk" FOREIGN KEY ("linked_clause_id") REFERENCES "clause"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "official_reply" ADD CONSTRAINT "official_reply_replied_by_fk" FOREIGN KEY ("replied_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "consultation_phase" ADD CONSTRAINT "consultation_phase_consultation_fk" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "consultation_unit" ADD CONSTRAINT "consultation_unit_consultation_fk" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "consultation_unit" ADD CONSTRAINT "consultation_unit_unit_fk" FOREIGN KEY ("unit_id") REFERENCES "org_node"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "stored_file" ADD CONSTRAINT "stored_file_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "version_attachment" ADD CONSTRAINT "version_attachment_version_fk" FOREIGN KEY ("version_id") REFERENCES "draft_version"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "version_attachment" ADD CONSTRAINT "version_attachment_file_fk" FOREIGN KEY ("file_id") REFERENCES "stored_file"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "notification" ADD CONSTRAINT "notification_user_fk" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "topic" ADD CONSTRAINT "topic_unit_fk" FOREIGN KEY ("unit_id") REFERENCES "org_node"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "topic" ADD CONSTRAINT "topic_author_fk" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "topic" ADD CONSTRAINT "topic_recorded_by_fk" FOREIGN KEY ("recorded_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "topic" ADD CONSTRAINT "topic_consultation_fk" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "topic" ADD CONSTRAINT "topic_merged_into_fk" FOREIGN KEY ("merged_into_id") REFERENCES "topic"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "topic" ADD CONSTRAINT "topic_screened_by_fk" FOREIGN KEY ("screened_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "topic_photo" ADD CONSTRAINT "topic_photo_topic_fk" FOREIGN KEY ("topic_id") REFERENCES "topic"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "topic_photo" ADD CONSTRAINT "topic_photo_file_fk" FOREIGN KEY ("file_id") REFERENCES "stored_file"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "topic_second" ADD CONSTRAINT "topic_second_topic_fk" FOREIGN KEY ("topic_id") REFERENCES "topic"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "topic_second" ADD CONSTRAINT "topic_second_user_fk" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        // --- Rules TypeORM cannot express ----------------------------------------------------

        // Topics and consultation scopes belong to units (a cooperative or a compound).
        await queryRunner.query(`
            CREATE FUNCTION yishi_assert_is_unit() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE actual text;
            BEGIN
                SELECT kind INTO actual FROM org_node WHERE id = NEW.unit_id;
                IF actual IS DISTINCT FROM 'cooperative' AND actual IS DISTINCT FROM 'compound' THEN
                    RAISE EXCEPTION '% rows belong to a cooperative or a compound, not to a %', TG_TABLE_NAME, coalesce(actual, 'missing node')
                        USING ERRCODE = '23514', CONSTRAINT = TG_TABLE_NAME || '_unit_kind';
                END IF;
                RETURN NEW;
            END $$`);
        for (const table of ['topic', 'consultation_unit']) {
            await queryRunner.query(`CREATE TRIGGER ${table}_unit_kind BEFORE INSERT OR UPDATE OF unit_id ON ${table} FOR EACH ROW EXECUTE FUNCTION yishi_assert_is_unit()`);
        }
        await queryRunner.query(`CREATE TRIGGER topic_merged_into_id_same_unit BEFORE INSERT OR UPDATE OF unit_id, merged_into_id ON topic FOR EACH ROW EXECUTE FUNCTION yishi_assert_same_unit('topic', 'merged_into_id')`);

        // A consultation's units lie under the node it is run from.
        await queryRunner.query(`
            CREATE FUNCTION yishi_consultation_unit_in_scope() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NOT EXISTS (
                    WITH RECURSIVE up AS (
                        SELECT id, parent_id FROM org_node WHERE id = NEW.unit_id
                        UNION ALL SELECT n.id, n.parent_id FROM org_node n JOIN up ON n.id = up.parent_id
                    )
                    SELECT 1 FROM up JOIN consultation c ON c.owner_node_id = up.id WHERE c.id = NEW.consultation_id
                ) THEN
                    RAISE EXCEPTION 'a consultation concerns only units under the node it is run from'
                        USING ERRCODE = '23514', CONSTRAINT = 'consultation_unit_under_owner';
                END IF;
                RETURN NEW;
            END $$`);
        await queryRunner.query(`CREATE TRIGGER consultation_unit_under_owner BEFORE INSERT OR UPDATE ON consultation_unit FOR EACH ROW EXECUTE FUNCTION yishi_consultation_unit_in_scope()`);

        // A topic accepted into a consultation is one of that consultation's units' topics.
        await queryRunner.query(`
            CREATE FUNCTION yishi_topic_consultation_scope() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.consultation_id IS NOT NULL AND NOT EXISTS (
                    SELECT 1 FROM consultation_unit WHERE consultation_id = NEW.consultation_id AND unit_id = NEW.unit_id
                ) THEN
                    RAISE EXCEPTION 'a topic can only go into a consultation that concerns its unit'
                        USING ERRCODE = '23514', CONSTRAINT = 'topic_consultation_scope';
                END IF;
                RETURN NEW;
            END $$`);
        await queryRunner.query(`CREATE TRIGGER topic_consultation_scope BEFORE INSERT OR UPDATE OF consultation_id, unit_id ON topic FOR EACH ROW EXECUTE FUNCTION yishi_topic_consultation_scope()`);

        // A published version is the record of what residents read: its text never changes.
        await queryRunner.query(`
            CREATE FUNCTION yishi_published_version_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE version_id uuid;
            BEGIN
                IF TG_TABLE_NAME = 'draft_version' THEN
                    IF OLD.published_at IS NOT NULL AND (TG_OP = 'DELETE' OR NEW.title IS DISTINCT FROM OLD.title
                        OR NEW.preamble IS DISTINCT FROM OLD.preamble OR NEW.change_note IS DISTINCT FROM OLD.change_note
                        OR NEW.number IS DISTINCT FROM OLD.number OR NEW.published_at IS DISTINCT FROM OLD.published_at) THEN
                        RAISE EXCEPTION 'a published draft version cannot change' USING ERRCODE = '23514', CONSTRAINT = 'draft_version_published_frozen';
                    END IF;
                    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
                END IF;
                version_id := CASE WHEN TG_OP = 'DELETE' THEN OLD.version_id ELSE NEW.version_id END;
                IF EXISTS (SELECT 1 FROM draft_version WHERE id = version_id AND published_at IS NOT NULL)
                   OR (TG_OP = 'UPDATE' AND EXISTS (SELECT 1 FROM draft_version WHERE id = OLD.version_id AND published_at IS NOT NULL)) THEN
                    RAISE EXCEPTION 'the % of a published draft version cannot change', TG_TABLE_NAME USING ERRCODE = '23514', CONSTRAINT = TG_TABLE_NAME || '_published_frozen';
                END IF;
                RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
            END $$`);
        await queryRunner.query(`CREATE TRIGGER draft_version_published_frozen BEFORE UPDATE OR DELETE ON draft_version FOR EACH ROW EXECUTE FUNCTION yishi_published_version_frozen()`);
        for (const table of ['clause', 'version_attachment']) {
            await queryRunner.query(`CREATE TRIGGER ${table}_published_frozen BEFORE INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION yishi_published_version_frozen()`);
        }

        // A clause continues a clause of the version just before its own.
        await queryRunner.query(`
            CREATE FUNCTION yishi_clause_previous() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.previous_clause_id IS NOT NULL AND NOT EXISTS (
                    SELECT 1 FROM clause p
                      JOIN draft_version pv ON pv.id = p.version_id
                      JOIN draft_version v ON v.id = NEW.version_id
                     WHERE p.id = NEW.previous_clause_id AND pv.consultation_id = v.consultation_id AND pv.number = v.number - 1
                ) THEN
                    RAISE EXCEPTION 'a clause can only continue a clause of the previous version' USING ERRCODE = '23514', CONSTRAINT = 'clause_previous_version';
                END IF;
                RETURN NEW;
            END $$`);
        await queryRunner.query(`CREATE TRIGGER clause_previous_version BEFORE INSERT OR UPDATE OF previous_clause_id, version_id ON clause FOR EACH ROW EXECUTE FUNCTION yishi_clause_previous()`);

        // A comment is on a version of its consultation, on a clause of that version, and replies go one level deep.
        await queryRunner.query(`
            CREATE FUNCTION yishi_comment_shape() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NOT EXISTS (SELECT 1 FROM draft_version WHERE id = NEW.version_id AND consultation_id = NEW.consultation_id AND published_at IS NOT NULL) THEN
                    RAISE EXCEPTION 'a comment is on a published version of its consultation' USING ERRCODE = '23514', CONSTRAINT = 'comment_version_of_consultation';
                END IF;
                IF NEW.clause_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM clause WHERE id = NEW.clause_id AND version_id = NEW.version_id) THEN
                    RAISE EXCEPTION 'a comment on a clause is on a clause of its version' USING ERRCODE = '23514', CONSTRAINT = 'comment_clause_of_version';
                END IF;
                IF NEW.parent_id IS NOT NULL AND NOT EXISTS (
                    SELECT 1 FROM comment WHERE id = NEW.parent_id AND parent_id IS NULL AND consultation_id = NEW.consultation_id
                       AND version_id = NEW.version_id AND clause_id IS NOT DISTINCT FROM NEW.clause_id
                ) THEN
                    RAISE EXCEPTION 'a reply answers a top-level comment in the same place' USING ERRCODE = '23514', CONSTRAINT = 'comment_one_level_of_replies';
                END IF;
                RETURN NEW;
            END $$`);
        await queryRunner.query(`CREATE TRIGGER comment_shape BEFORE INSERT OR UPDATE OF consultation_id, version_id, clause_id, parent_id ON comment FOR EACH ROW EXECUTE FUNCTION yishi_comment_shape()`);

        // An official reply links to a clause of a later version of the same consultation.
        await queryRunner.query(`
            CREATE FUNCTION yishi_reply_linked_clause() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.linked_clause_id IS NOT NULL AND NOT EXISTS (
                    SELECT 1 FROM comment c
                      JOIN draft_version cv ON cv.id = c.version_id
                      JOIN clause l ON l.id = NEW.linked_clause_id
                      JOIN draft_version lv ON lv.id = l.version_id
                     WHERE c.id = NEW.comment_id AND lv.consultation_id = c.consultation_id AND lv.number > cv.number
                ) THEN
                    RAISE EXCEPTION 'a reply links to a clause of a later version of the same draft' USING ERRCODE = '23514', CONSTRAINT = 'official_reply_linked_clause_later';
                END IF;
                RETURN NEW;
            END $$`);
        await queryRunner.query(`CREATE TRIGGER official_reply_linked_clause BEFORE INSERT OR UPDATE OF linked_clause_id ON official_reply FOR EACH ROW EXECUTE FUNCTION yishi_reply_linked_clause()`);

        // A briefing never takes more sign-ups than its capacity, however many arrive at once.
        await queryRunner.query(`
            CREATE FUNCTION yishi_briefing_capacity() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE cap integer; taken integer;
            BEGIN
                SELECT capacity INTO cap FROM briefing WHERE id = NEW.briefing_id FOR UPDATE;
                SELECT count(*) INTO taken FROM briefing_signup WHERE briefing_id = NEW.briefing_id;
                IF taken >= cap THEN
                    RAISE EXCEPTION 'the briefing is full' USING ERRCODE = '23514', CONSTRAINT = 'briefing_signup_capacity';
                END IF;
                RETURN NEW;
            END $$`);
        await queryRunner.query(`CREATE TRIGGER briefing_signup_capacity BEFORE INSERT ON briefing_signup FOR EACH ROW EXECUTE FUNCTION yishi_briefing_capacity()`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        for (const [table, trigger] of [
            ['briefing_signup', 'briefing_signup_capacity'], ['official_reply', 'official_reply_linked_clause'], ['comment', 'comment_shape'],
            ['clause', 'clause_previous_version'], ['version_attachment', 'version_attachment_published_frozen'], ['clause', 'clause_published_frozen'],
            ['draft_version', 'draft_version_published_frozen'], ['topic', 'topic_consultation_scope'], ['consultation_unit', 'consultation_unit_under_owner'],
            ['topic', 'topic_merged_into_id_same_unit'], ['consultation_unit', 'consultation_unit_unit_kind'], ['topic', 'topic_unit_kind'],
        ]) {
            await queryRunner.query(`DROP TRIGGER ${trigger} ON ${table}`);
        }
        for (const fn of ['yishi_briefing_capacity', 'yishi_reply_linked_clause', 'yishi_comment_shape', 'yishi_clause_previous', 'yishi_published_version_frozen', 'yishi_topic_consultation_scope', 'yishi_consultation_unit_in_scope', 'yishi_assert_is_unit']) {
            await queryRunner.query(`DROP FUNCTION ${fn}()`);
        }
        await queryRunner.query(`ALTER TABLE "topic_second" DROP CONSTRAINT "topic_second_user_fk"`);
        await queryRunner.query(`ALTER TABLE "topic_second" DROP CONSTRAINT "topic_second_topic_fk"`);
        await queryRunner.query(`ALTER TABLE "topic_photo" DROP CONSTRAINT "topic_photo_file_fk"`);
        await queryRunner.query(`ALTER TABLE "topic_photo" DROP CONSTRAINT "topic_photo_topic_fk"`);
        await queryRunner.query(`ALTER TABLE "topic" DROP CONSTRAINT "topic_screened_by_fk"`);
        await queryRunner.query(`ALTER TABLE "topic" DROP CONSTRAINT "topic_merged_into_fk"`);
        await queryRunner.query(`ALTER TABLE "topic" DROP CONSTRAINT "topic_consultation_fk"`);
        await queryRunner.query(`ALTER TABLE "topic" DROP CONSTRAINT "topic_recorded_by_fk"`);
        await queryRunner.query(`ALTER TABLE "topic" DROP CONSTRAINT "topic_author_fk"`);
        await queryRunner.query(`ALTER TABLE "topic" DROP CONSTRAINT "topic_unit_fk"`);
        await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "notification_user_fk"`);
        await queryRunner.query(`ALTER TABLE "version_attachment" DROP CONSTRAINT "version_attachment_file_fk"`);
        await queryRunner.query(`ALTER TABLE "version_attachment" DROP CONSTRAINT "version_attachment_version_fk"`);
        await queryRunner.query(`ALTER TABLE "stored_file" DROP CONSTRAINT "stored_file_created_by_fk"`);
        await queryRunner.query(`ALTER TABLE "consultation_unit" DROP CONSTRAINT "consultation_unit_unit_fk"`);
        await queryRunner.query(`ALTER TABLE "consultation_unit" DROP CONSTRAINT "consultation_unit_consultation_fk"`);
        await queryRunner.query(`ALTER TABLE "consultation_phase" DROP CONSTRAINT "consultation_phase_consultation_fk"`);
        await queryRunner.query(`ALTER TABLE "official_reply" DROP CONSTRAINT "official_reply_replied_by_fk"`);
        await queryRunner.query(`ALTER TABLE "official_reply" DROP CONSTRAINT "official_reply_linked_clause_fk"`);
        await queryRunner.query(`ALTER TABLE "official_reply" DROP CONSTRAINT "official_reply_comment_fk"`);
        await queryRunner.query(`ALTER TABLE "comment_report" DROP CONSTRAINT "comment_report_user_fk"`);
        await queryRunner.query(`ALTER TABLE "comment_report" DROP CONSTRAINT "comment_report_comment_fk"`);
        await queryRunner.query(`ALTER TABLE "comment" DROP CONSTRAINT "comment_hidden_by_fk"`);
        await queryRunner.query(`ALTER TABLE "comment" DROP CONSTRAINT "comment_recorded_by_fk"`);
        await queryRunner.query(`ALTER TABLE "comment" DROP CONSTRAINT "comment_author_fk"`);
        await queryRunner.query(`ALTER TABLE "comment" DROP CONSTRAINT "comment_parent_fk"`);
        await queryRunner.query(`ALTER TABLE "comment" DROP CONSTRAINT "comment_clause_fk"`);
        await queryRunner.query(`ALTER TABLE "comment" DROP CONSTRAINT "comment_version_fk"`);
        await queryRunner.query(`ALTER TABLE "comment" DROP CONSTRAINT "comment_consultation_fk"`);
        await queryRunner.query(`ALTER TABLE "clause" DROP CONSTRAINT "clause_previous_fk"`);
        await queryRunner.query(`ALTER TABLE "clause" DROP CONSTRAINT "clause_version_fk"`);
        await queryRunner.query(`ALTER TABLE "draft_version" DROP CONSTRAINT "draft_version_created_by_fk"`);
        await queryRunner.query(`ALTER TABLE "draft_version" DROP CONSTRAINT "draft_version_published_by_fk"`);
        await queryRunner.query(`ALTER TABLE "draft_version" DROP CONSTRAINT "draft_version_consultation_fk"`);
        await queryRunner.query(`ALTER TABLE "briefing_signup" DROP CONSTRAINT "briefing_signup_user_fk"`);
        await queryRunner.query(`ALTER TABLE "briefing_signup" DROP CONSTRAINT "briefing_signup_briefing_fk"`);
        await queryRunner.query(`ALTER TABLE "briefing" DROP CONSTRAINT "briefing_created_by_fk"`);
        await queryRunner.query(`ALTER TABLE "briefing" DROP CONSTRAINT "briefing_consultation_fk"`);
        await queryRunner.query(`ALTER TABLE "consultation" DROP CONSTRAINT "consultation_created_by_fk"`);
        await queryRunner.query(`ALTER TABLE "consultation" DROP CONSTRAINT "consultation_owner_node_fk"`);
        await queryRunner.query(`DROP TABLE "topic_second"`);
        await queryRunner.query(`DROP TABLE "topic_photo"`);
        await queryRunner.query(`DROP INDEX "public"."topic_unit_status_idx"`);
        await queryRunner.query(`DROP INDEX "public"."topic_consultation_idx"`);
        await queryRunner.query(`DROP TABLE "topic"`);
        await queryRunner.query(`DROP INDEX "public"."notification_user_idx"`);
        await queryRunner.query(`DROP INDEX "public"."notification_unread_idx"`);
        await queryRunner.query(`DROP INDEX "public"."notification_outbox_idx"`);
        await queryRunner.query(`DROP TABLE "notification"`);
        await queryRunner.query(`DROP TABLE "version_attachment"`);
        await queryRunner.query(`DROP TABLE "stored_file"`);
        await queryRunner.query(`DROP INDEX "public"."consultation_unit_unit_idx"`);
        await queryRunner.query(`DROP TABLE "consultation_unit"`);
        await queryRunner.query(`DROP TABLE "consultation_phase"`);
        await queryRunner.query(`DROP TABLE "official_reply"`);
        await queryRunner.query(`DROP TABLE "comment_report"`);
        await queryRunner.query(`DROP INDEX "public"."comment_consultation_idx"`);
        await queryRunner.query(`DROP INDEX "public"."comment_clause_idx"`);
        await queryRunner.query(`DROP INDEX "public"."comment_parent_idx"`);
        await queryRunner.query(`DROP TABLE "comment"`);
        await queryRunner.query(`DROP INDEX "public"."clause_previous_idx"`);
        await queryRunner.query(`DROP TABLE "clause"`);
        await queryRunner.query(`DROP INDEX "public"."draft_version_one_editing"`);
        await queryRunner.query(`DROP TABLE "draft_version"`);
        await queryRunner.query(`DROP TABLE "briefing_signup"`);
        await queryRunner.query(`DROP INDEX "public"."briefing_consultation_idx"`);
        await queryRunner.query(`DROP TABLE "briefing"`);
        await queryRunner.query(`DROP INDEX "public"."consultation_owner_idx"`);
        await queryRunner.query(`DROP TABLE "consultation"`);
    }

}
