import type { MigrationInterface, QueryRunner } from 'typeorm';
import { allowNotificationKinds } from './notification-kinds';

/** Votes: the frozen electorate, ballots (named and secret), the cast log behind the hash chain, paper ballots, proxies, objections. */

export class Votes1795677910184 implements MigrationInterface {
    name = 'Votes1795677910184'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "vote" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_id" uuid NOT NULL, "consultation_id" uuid, "title" text NOT NULL, "title_en" text, "question" text NOT NULL, "question_en" text, "question_kind" text NOT NULL DEFAULT 'motion', "options" jsonb, "rule_set" text NOT NULL, "matter_kinds" text array NOT NULL DEFAULT '{}', "lml63" jsonb, "secrecy" text NOT NULL DEFAULT 'named', "allow_change" boolean NOT NULL DEFAULT true, "opens_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closes_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL DEFAULT 'scheduled', "turnout_public" boolean NOT NULL DEFAULT false, "proxy_cap" integer NOT NULL DEFAULT '1', "objection_days" integer NOT NULL DEFAULT '7', "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "opened_at" TIMESTAMP WITH TIME ZONE, "early_reason" text, "vote_json" text, "electorate_json" text, "chain_head" text, "chain_length" integer NOT NULL DEFAULT '0', "closed_at" TIMESTAMP WITH TIME ZONE, "result_json" text, "box_jsonl" text, "final_at" TIMESTAMP WITH TIME ZONE, "cancelled_reason" text, CONSTRAINT "vote_result_when_closed" CHECK ("status" NOT IN ('closed', 'final') OR ("result_json" IS NOT NULL AND "closed_at" IS NOT NULL)), CONSTRAINT "vote_frozen_when_open" CHECK ("status" = 'scheduled' OR "status" = 'cancelled' OR ("vote_json" IS NOT NULL AND "electorate_json" IS NOT NULL AND "opened_at" IS NOT NULL)), CONSTRAINT "vote_rule_set_valid" CHECK ("rule_set" IN ('cc278-ordinary', 'cc278-major', 'rceo-27', 'rceo-28', 'rceo-15', 'vcl-22', 'vcl-26', 'vcl-28', 'lml-63', 'simple-majority')), CONSTRAINT "vote_objection_days_range" CHECK ("objection_days" BETWEEN 0 AND 60), CONSTRAINT "vote_proxy_cap_range" CHECK ("proxy_cap" BETWEEN 1 AND 100), CONSTRAINT "vote_title_length" CHECK (length(btrim("title")) BETWEEN 1 AND 300), CONSTRAINT "vote_window_order" CHECK ("closes_at" > "opens_at"), CONSTRAINT "vote_options_with_kind" CHECK (("question_kind" = 'options') = ("options" IS NOT NULL)), CONSTRAINT "vote_question_kind_valid" CHECK ("question_kind" IN ('motion', 'options')), CONSTRAINT "vote_secrecy_valid" CHECK ("secrecy" IN ('named', 'secret')), CONSTRAINT "vote_status_valid" CHECK ("status" IN ('scheduled', 'open', 'counting', 'closed', 'final', 'cancelled')), CONSTRAINT "PK_2d5932d46afe39c8176f9d4be72" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "vote_due_idx" ON "vote"  ("status", "closes_at") `);
        await queryRunner.query(`CREATE INDEX "vote_unit_idx" ON "vote"  ("unit_id", "created_at") `);
        await queryRunner.query(`CREATE TABLE "vote_voter" ("vote_id" uuid NOT NULL, "voter_id" text NOT NULL, "person_type" text NOT NULL, "person_id" uuid NOT NULL, "name" text NOT NULL, "group_label" text NOT NULL, "unit_labels" text array NOT NULL DEFAULT '{}', CONSTRAINT "vote_voter_id_format" CHECK ("voter_id" ~ '^v-[0-9a-f]{8,}$'), CONSTRAINT "vote_voter_person_type_valid" CHECK ("person_type" IN ('owner', 'member')), CONSTRAINT "PK_5231c6a8303a8a7ce999f3e8210" PRIMARY KEY ("vote_id", "voter_id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "vote_voter_person_unique" ON "vote_voter"  ("vote_id", "person_type", "person_id") `);
        await queryRunner.query(`CREATE TABLE "ballot" ("vote_id" uuid NOT NULL, "voter_id" text NOT NULL, "choice" jsonb NOT NULL, "channel" text NOT NULL, "proxy" jsonb, "receipt" text NOT NULL, "cast_at" TIMESTAMP WITH TIME ZONE NOT NULL, "cast_by" uuid, "casts" integer NOT NULL DEFAULT '1', "superseded_receipt" text, CONSTRAINT "ballot_receipt_format" CHECK ("receipt" ~ '^b-[0-9a-f]{12}$'), CONSTRAINT "ballot_channel_valid" CHECK ("channel" IN ('online', 'paper', 'meeting')), CONSTRAINT "PK_1bf77e9fa64832287b0dcd8509b" PRIMARY KEY ("vote_id", "voter_id"))`);
        await queryRunner.query(`CREATE TABLE "ballot_paper" ("vote_id" uuid NOT NULL, "serial" integer NOT NULL, "voter_id" text NOT NULL, "status" text NOT NULL DEFAULT 'issued', "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "issued_by" uuid NOT NULL, "returned_at" TIMESTAMP WITH TIME ZONE, "entered_choice" jsonb, "entered_by" uuid, "entered_at" TIMESTAMP WITH TIME ZONE, "confirmed_choice" jsonb, "confirmed_by" uuid, "confirmed_at" TIMESTAMP WITH TIME ZONE, "proxy" jsonb, "scan_file_id" uuid, "dispute_note" text, "resolved_by" uuid, "resolved_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ballot_paper_entered_together" CHECK (("entered_by" IS NULL) = ("entered_choice" IS NULL)), CONSTRAINT "ballot_paper_two_people" CHECK ("confirmed_by" IS NULL OR "confirmed_by" <> "entered_by"), CONSTRAINT "ballot_paper_serial_positive" CHECK ("serial" >= 1), CONSTRAINT "ballot_paper_status_valid" CHECK ("status" IN ('issued', 'returned', 'entered', 'confirmed', 'disputed', 'void')), CONSTRAINT "PK_d2f4d157a9cd43ed6eb55bbccdf" PRIMARY KEY ("vote_id", "serial"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "ballot_paper_live_voter" ON "ballot_paper"  ("vote_id", "voter_id") WHERE "status" <> 'void'`);
        await queryRunner.query(`CREATE TABLE "proxy_authorization" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "vote_id" uuid NOT NULL, "principal_voter_id" text NOT NULL, "agent_voter_id" text, "agent_user_id" uuid, "agent_name" text NOT NULL, "written" boolean NOT NULL, "scan_file_id" uuid, "status" text NOT NULL, "rejection_reason" text, "recorded_by" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "proxy_agent_named" CHECK (length(btrim("agent_name")) > 0), CONSTRAINT "proxy_rejected_has_reason" CHECK ("status" = 'accepted' OR "rejection_reason" IS NOT NULL), CONSTRAINT "proxy_status_valid" CHECK ("status" IN ('accepted', 'rejected')), CONSTRAINT "PK_52f549a58fe5fe15ac6b75803cb" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "proxy_agent_idx" ON "proxy_authorization"  ("vote_id", "agent_user_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "proxy_one_live_per_principal" ON "proxy_authorization"  ("vote_id", "principal_voter_id") WHERE "status" = 'accepted' AND "revoked_at" IS NULL`);
        await queryRunner.query(`CREATE TABLE "vote_box" ("vote_id" uuid NOT NULL, "ballot_id" text NOT NULL, "choice" jsonb NOT NULL, CONSTRAINT "PK_541117a7fa06af74f687816ec2d" PRIMARY KEY ("vote_id", "ballot_id"))`);
        await queryRunner.query(`CREATE TABLE "vote_box_intake" ("vote_id" uuid NOT NULL, "ballot_id" text NOT NULL, "choice" jsonb NOT NULL, CONSTRAINT "PK_7e9658b7d3affda854af117a5e4" PRIMARY KEY ("vote_id", "ballot_id"))`);
        await queryRunner.query(`CREATE TABLE "vote_cast" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "vote_id" uuid NOT NULL, "entry" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "seq" integer, "line" text, "line_hash" text, CONSTRAINT "vote_cast_sealed_together" CHECK (("seq" IS NULL) = ("line" IS NULL) AND ("seq" IS NULL) = ("line_hash" IS NULL)), CONSTRAINT "PK_4ac5f0845939b5be9a3528c868e" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "vote_cast_unsealed_idx" ON "vote_cast"  ("vote_id", "id") WHERE "seq" IS NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "vote_cast_seq_unique" ON "vote_cast"  ("vote_id", "seq") WHERE "seq" IS NOT NULL`);
        await queryRunner.query(`CREATE TABLE "vote_mark" ("vote_id" uuid NOT NULL, "voter_id" text NOT NULL, "channel" text NOT NULL, "proxy" jsonb, CONSTRAINT "vote_mark_channel_valid" CHECK ("channel" IN ('online', 'paper', 'meeting')), CONSTRAINT "PK_d285966f0ea8d9b462049516b73" PRIMARY KEY ("vote_id", "voter_id"))`);
        await queryRunner.query(`CREATE TABLE "vote_objection" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "vote_id" uuid NOT NULL, "user_id" uuid NOT NULL, "body" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "answer" text, "answered_by" uuid, "answered_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "vote_objection_answered_together" CHECK (("answer" IS NULL) = ("answered_by" IS NULL) AND ("answer" IS NULL) = ("answered_at" IS NULL)), CONSTRAINT "vote_objection_body_length" CHECK (length(btrim("body")) BETWEEN 1 AND 2000), CONSTRAINT "PK_cdfc9cc20c3fb8d0af1fb8cdcf2" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "vote_objection_vote_idx" ON "vote_objection"  ("vote_id", "created_at") `);
        await queryRunner.query(`ALTER TABLE "vote" ADD CONSTRAINT "vote_unit_fk" FOREIGN KEY ("unit_id") REFERENCES "org_node"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "vote" ADD CONSTRAINT "vote_consultation_fk" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "vote" ADD CONSTRAINT "vote_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "vote_voter" ADD CONSTRAINT "vote_voter_vote_fk" FOREIGN KEY ("vote_id") REFERENCES "vote"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "ballot" ADD CONSTRAINT "ballot_vote_fk" FOREIGN KEY ("vote_id") REFERENCES "vote"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "ballot" ADD CONSTRAINT "ballot_voter_fk" FOREIGN KEY ("vote_id", "voter_id") REFERENCES "vote_voter"("vote_id","voter_id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "ballot" ADD CONSTRAINT "ballot_cast_by_fk" FOREIGN KEY ("cast_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "ballot_paper" ADD CONSTRAINT "ballot_paper_vote_fk" FOREIGN KEY ("vote_id") REFERENCES "vote"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "ballot_paper" ADD CONSTRAINT "ballot_paper_voter_fk" FOREIGN KEY ("vote_id", "voter_id") REFERENCES "vote_voter"("vote_id","voter_id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "ballot_paper" ADD CONSTRAINT "ballot_paper_issued_by_fk" FOREIGN KEY ("issued_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "ballot_paper" ADD CONSTRAINT "ballot_paper_entered_by_fk" FOREIGN KEY ("entered_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "ballot_paper" ADD CONSTRAINT "ballot_paper_confirmed_by_fk" FOREIGN KEY ("confirmed_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "ballot_paper" ADD CONSTRAINT "ballot_paper_scan_fk" FOREIGN KEY ("scan_file_id") REFERENCES "stored_file"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "proxy_authorization" ADD CONSTRAINT "proxy_authorization_vote_fk" FOREIGN KEY ("vote_id") REFERENCES "vote"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "proxy_authorization" ADD CONSTRAINT "proxy_authorization_principal_fk" FOREIGN KEY ("vote_id", "principal_voter_id") REFERENCES "vote_voter"("vote_id","voter_id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "proxy_authorization" ADD CONSTRAINT "proxy_authorization_agent_user_fk" FOREIGN KEY ("agent_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "proxy_authorization" ADD CONSTRAINT "proxy_authorization_scan_fk" FOREIGN KEY ("scan_file_id") REFERENCES "stored_file"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "proxy_authorization" ADD CONSTRAINT "proxy_authorization_recorded_by_fk" FOREIGN KEY ("recorded_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "vote_box" ADD CONSTRAINT "vote_box_vote_fk" FOREIGN KEY ("vote_id") REFERENCES "vote"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "vote_box_intake" ADD CONSTRAINT "vote_box_intake_vote_fk" FOREIGN KEY ("vote_id") REFERENCES "vote"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "vote_cast" ADD CONSTRAINT "vote_cast_vote_fk" FOREIGN KEY ("vote_id") REFERENCES "vote"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "vote_mark" ADD CONSTRAINT "vote_mark_vote_fk" FOREIGN KEY ("vote_id") REFERENCES "vote"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "vote_mark" ADD CONSTRAINT "vote_mark_voter_fk" FOREIGN KEY ("vote_id", "voter_id") REFERENCES "vote_voter"("vote_id","voter_id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "vote_objection" ADD CONSTRAINT "vote_objection_vote_fk" FOREIGN KEY ("vote_id") REFERENCES "vote"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "vote_objection" ADD CONSTRAINT "vote_objection_user_fk" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "vote_objection" ADD CONSTRAINT "vote_objection_answered_by_fk" FOREIGN KEY ("answered_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        // --- Rules TypeORM cannot express ----------------------------------------------------

        await queryRunner.query(`CREATE TRIGGER vote_unit_kind BEFORE INSERT OR UPDATE OF unit_id ON vote FOR EACH ROW EXECUTE FUNCTION yishi_assert_is_unit()`);

        // The inbox tells of votes opening, their provisional result and their final notice.
        await allowNotificationKinds(queryRunner, { through: 'vote_final' });

        // A vote decides a consultation of its own unit.
        await queryRunner.query(`
            CREATE FUNCTION yishi_vote_consultation_scope() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.consultation_id IS NOT NULL AND NOT EXISTS (
                    SELECT 1 FROM consultation_unit WHERE consultation_id = NEW.consultation_id AND unit_id = NEW.unit_id
                ) THEN
                    RAISE EXCEPTION 'a vote decides a consultation that concerns its unit' USING ERRCODE = '23514', CONSTRAINT = 'vote_consultation_scope';
                END IF;
                RETURN NEW;
            END $$`);
        await queryRunner.query(`CREATE TRIGGER vote_consultation_scope BEFORE INSERT OR UPDATE OF consultation_id, unit_id ON vote FOR EACH ROW EXECUTE FUNCTION yishi_vote_consultation_scope()`);

        // Once a vote opens, what it asks, under which rule, when, and of whom never changes;
        // once tallied, its result never changes; a vote is never deleted.
        await queryRunner.query(`
            CREATE FUNCTION yishi_vote_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'DELETE' THEN
                    RAISE EXCEPTION 'a vote is never deleted (cancel it instead)' USING ERRCODE = '23514', CONSTRAINT = 'vote_never_deleted';
                END IF;
                IF OLD.status <> 'scheduled' AND (
                       NEW.unit_id IS DISTINCT FROM OLD.unit_id OR NEW.title IS DISTINCT FROM OLD.title OR NEW.title_en IS DISTINCT FROM OLD.title_en
                    OR NEW.question IS DISTINCT FROM OLD.question OR NEW.question_en IS DISTINCT FROM OLD.question_en
                    OR NEW.question_kind IS DISTINCT FROM OLD.question_kind OR NEW.options IS DISTINCT FROM OLD.options
                    OR NEW.rule_set IS DISTINCT FROM OLD.rule_set OR NEW.matter_kinds IS DISTINCT FROM OLD.matter_kinds
                    OR NEW.lml63 IS DISTINCT FROM OLD.lml63 OR NEW.secrecy IS DISTINCT FROM OLD.secrecy
                    OR NEW.opens_at IS DISTINCT FROM OLD.opens_at OR NEW.closes_at IS DISTINCT FROM OLD.closes_at
                    OR NEW.vote_json IS DISTINCT FROM OLD.vote_json OR NEW.electorate_json IS DISTINCT FROM OLD.electorate_json
                    OR NEW.opened_at IS DISTINCT FROM OLD.opened_at OR NEW.allow_change IS DISTINCT FROM OLD.allow_change) THEN
                    RAISE EXCEPTION 'an open vote cannot change what it asks, how it counts or whom it asks' USING ERRCODE = '23514', CONSTRAINT = 'vote_frozen_when_open';
                END IF;
                IF OLD.result_json IS NOT NULL AND (NEW.result_json IS DISTINCT FROM OLD.result_json OR NEW.box_jsonl IS DISTINCT FROM OLD.box_jsonl
                    OR NEW.chain_head IS DISTINCT FROM OLD.chain_head OR NEW.chain_length IS DISTINCT FROM OLD.chain_length OR NEW.closed_at IS DISTINCT FROM OLD.closed_at) THEN
                    RAISE EXCEPTION 'a tallied result never changes' USING ERRCODE = '23514', CONSTRAINT = 'vote_result_frozen';
                END IF;
                RETURN NEW;
            END $$`);
        await queryRunner.query(`CREATE TRIGGER vote_frozen BEFORE UPDATE OR DELETE ON vote FOR EACH ROW EXECUTE FUNCTION yishi_vote_frozen()`);

        // The frozen electorate is written once, at opening, and then never changes.
        await queryRunner.query(`
            CREATE FUNCTION yishi_vote_voter_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP <> 'INSERT' OR EXISTS (SELECT 1 FROM vote WHERE id = NEW.vote_id AND status <> 'scheduled') THEN
                    RAISE EXCEPTION 'the electorate of a vote is frozen when it opens' USING ERRCODE = '23514', CONSTRAINT = 'vote_voter_frozen';
                END IF;
                RETURN NEW;
            END $$`);
        await queryRunner.query(`CREATE TRIGGER vote_voter_frozen BEFORE INSERT OR UPDATE OR DELETE ON vote_voter FOR EACH ROW EXECUTE FUNCTION yishi_vote_voter_frozen()`);

        // The cast log behind the chain: appended, sealed once, never changed or removed.
        await queryRunner.query(`
            CREATE FUNCTION yishi_vote_cast_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'DELETE' OR OLD.seq IS NOT NULL OR NEW.entry IS DISTINCT FROM OLD.entry OR NEW.vote_id IS DISTINCT FROM OLD.vote_id THEN
                    RAISE EXCEPTION 'the ballot log is append-only' USING ERRCODE = '42501', CONSTRAINT = 'vote_cast_append_only';
                END IF;
                RETURN NEW;
            END $$`);
        await queryRunner.query(`CREATE TRIGGER vote_cast_append_only BEFORE UPDATE OR DELETE ON vote_cast FOR EACH ROW EXECUTE FUNCTION yishi_vote_cast_append_only()`);
        await queryRunner.query(`CREATE TRIGGER vote_cast_no_truncate BEFORE TRUNCATE ON vote_cast FOR EACH STATEMENT EXECUTE FUNCTION yishi_audit_append_only()`);

        // Ballots, marks and box entries are written only while a vote is open or being counted;
        // a secret ballot, once cast, is final.
        await queryRunner.query(`
            CREATE FUNCTION yishi_ballot_while_voting() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE current text;
            BEGIN
                IF TG_OP = 'DELETE' THEN
                    IF TG_TABLE_NAME = 'vote_box_intake' THEN RETURN OLD; END IF;
                    RAISE EXCEPTION '% rows are never deleted', TG_TABLE_NAME USING ERRCODE = '23514', CONSTRAINT = TG_TABLE_NAME || '_never_deleted';
                END IF;
                IF TG_OP = 'UPDATE' AND TG_TABLE_NAME IN ('vote_mark', 'vote_box') THEN
                    RAISE EXCEPTION 'a secret ballot, once cast, is final' USING ERRCODE = '23514', CONSTRAINT = TG_TABLE_NAME || '_final';
                END IF;
                SELECT status INTO current FROM vote WHERE id = NEW.vote_id;
                IF current IS DISTINCT FROM 'open' AND current IS DISTINCT FROM 'counting' THEN
                    RAISE EXCEPTION 'ballots are only taken while the vote is open or being counted (it is %)', coalesce(current, 'missing')
                        USING ERRCODE = '23514', CONSTRAINT = TG_TABLE_NAME || '_while_voting';
                END IF;
                RETURN NEW;
            END $$`);
        for (const table of ['ballot', 'vote_mark', 'vote_box', 'vote_box_intake']) {
            await queryRunner.query(`CREATE TRIGGER ${table}_while_voting BEFORE INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION yishi_ballot_while_voting()`);
        }
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        for (const table of ['ballot', 'vote_mark', 'vote_box', 'vote_box_intake']) {
            await queryRunner.query(`DROP TRIGGER ${table}_while_voting ON ${table}`);
        }
        await queryRunner.query(`DROP FUNCTION yishi_ballot_while_voting()`);
        await queryRunner.query(`DROP TRIGGER vote_cast_no_truncate ON vote_cast`);
        await queryRunner.query(`DROP TRIGGER vote_cast_append_only ON vote_cast`);
        await queryRunner.query(`DROP FUNCTION yishi_vote_cast_append_only()`);
        await queryRunner.query(`DROP TRIGGER vote_voter_frozen ON vote_voter`);
        await queryRunner.query(`DROP FUNCTION yishi_vote_voter_frozen()`);
        await queryRunner.query(`DROP TRIGGER vote_frozen ON vote`);
        await queryRunner.query(`DROP FUNCTION yishi_vote_frozen()`);
        await queryRunner.query(`DROP TRIGGER vote_consultation_scope ON vote`);
        await queryRunner.query(`DROP FUNCTION yishi_vote_consultation_scope()`);
        await queryRunner.query(`DROP TRIGGER vote_unit_kind ON vote`);
        await queryRunner.query(`DELETE FROM "notification" WHERE "kind" IN ('vote_opened', 'vote_result', 'vote_final')`);
        await allowNotificationKinds(queryRunner, { before: 'vote_opened' });
        await queryRunner.query(`ALTER TABLE "vote_objection" DROP CONSTRAINT "vote_objection_answered_by_fk"`);
        await queryRunner.query(`ALTER TABLE "vote_objection" DROP CONSTRAINT "vote_objection_user_fk"`);
        await queryRunner.query(`ALTER TABLE "vote_objection" DROP CONSTRAINT "vote_objection_vote_fk"`);
        await queryRunner.query(`ALTER TABLE "vote_mark" DROP CONSTRAINT "vote_mark_voter_fk"`);
        await queryRunner.query(`ALTER TABLE "vote_mark" DROP CONSTRAINT "vote_mark_vote_fk"`);
        await queryRunner.query(`ALTER TABLE "vote_cast" DROP CONSTRAINT "vote_cast_vote_fk"`);
        await queryRunner.query(`ALTER TABLE "vote_box_intake" DROP CONSTRAINT "vote_box_intake_vote_fk"`);
        await queryRunner.query(`ALTER TABLE "vote_box" DROP CONSTRAINT "vote_box_vote_fk"`);
        await queryRunner.query(`ALTER TABLE "proxy_authorization" DROP CONSTRAINT "proxy_authorization_recorded_by_fk"`);
        await queryRunner.query(`ALTER TABLE "proxy_authorization" DROP CONSTRAINT "proxy_authorization_scan_fk"`);
        await queryRunner.query(`ALTER TABLE "proxy_authorization" DROP CONSTRAINT "proxy_authorization_agent_user_fk"`);
        await queryRunner.query(`ALTER TABLE "proxy_authorization" DROP CONSTRAINT "proxy_authorization_principal_fk"`);
        await queryRunner.query(`ALTER TABLE "proxy_authorization" DROP CONSTRAINT "proxy_authorization_vote_fk"`);
        await queryRunner.query(`ALTER TABLE "ballot_paper" DROP CONSTRAINT "ballot_paper_scan_fk"`);
        await queryRunner.query(`ALTER TABLE "ballot_paper" DROP CONSTRAINT "ballot_paper_confirmed_by_fk"`);
        await queryRunner.query(`ALTER TABLE "ballot_paper" DROP CONSTRAINT "ballot_paper_entered_by_fk"`);
        await queryRunner.query(`ALTER TABLE "ballot_paper" DROP CONSTRAINT "ballot_paper_issued_by_fk"`);
        await queryRunner.query(`ALTER TABLE "ballot_paper" DROP CONSTRAINT "ballot_paper_voter_fk"`);
        await queryRunner.query(`ALTER TABLE "ballot_paper" DROP CONSTRAINT "ballot_paper_vote_fk"`);
        await queryRunner.query(`ALTER TABLE "ballot" DROP CONSTRAINT "ballot_cast_by_fk"`);
        await queryRunner.query(`ALTER TABLE "ballot" DROP CONSTRAINT "ballot_voter_fk"`);
        await queryRunner.query(`ALTER TABLE "ballot" DROP CONSTRAINT "ballot_vote_fk"`);
        await queryRunner.query(`ALTER TABLE "vote_voter" DROP CONSTRAINT "vote_voter_vote_fk"`);
        await queryRunner.query(`ALTER TABLE "vote" DROP CONSTRAINT "vote_created_by_fk"`);
        await queryRunner.query(`ALTER TABLE "vote" DROP CONSTRAINT "vote_consultation_fk"`);
        await queryRunner.query(`ALTER TABLE "vote" DROP CONSTRAINT "vote_unit_fk"`);
        await queryRunner.query(`DROP INDEX "public"."vote_objection_vote_idx"`);
        await queryRunner.query(`DROP TABLE "vote_objection"`);
        await queryRunner.query(`DROP TABLE "vote_mark"`);
        await queryRunner.query(`DROP INDEX "public"."vote_cast_seq_unique"`);
        await queryRunner.query(`DROP INDEX "public"."vote_cast_unsealed_idx"`);
        await queryRunner.query(`DROP TABLE "vote_cast"`);
        await queryRunner.query(`DROP TABLE "vote_box_intake"`);
        await queryRunner.query(`DROP TABLE "vote_box"`);
        await queryRunner.query(`DROP INDEX "public"."proxy_one_live_per_principal"`);
        await queryRunner.query(`DROP INDEX "public"."proxy_agent_idx"`);
        await queryRunner.query(`DROP TABLE "proxy_authorization"`);
        await queryRunner.query(`DROP INDEX "public"."ballot_paper_live_voter"`);
        await queryRunner.query(`DROP TABLE "ballot_paper"`);
        await queryRunner.query(`DROP TABLE "ballot"`);
        await queryRunner.query(`DROP INDEX "public"."vote_voter_person_unique"`);
        await queryRunner.query(`DROP TABLE "vote_voter"`);
        await queryRunner.query(`DROP INDEX "public"."vote_unit_idx"`);
        await queryRunner.query(`DROP INDEX "public"."vote_due_idx"`);
        await queryRunner.query(`DROP TABLE "vote"`);
    }

}
