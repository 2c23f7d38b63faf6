import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The legal clock of a vote, enforced by the database. A vote carries the end of its notice and
 * its shortest voting window, fixed when it is announced; it opens before the notice has run, or
 * with a shorter window, only under an approved shortening (vote_shortening): a request with a
 * reason, decided by a second person who holds staff or admin on a node above the unit. A new vote
 * says what it decides. Votes announced before this keep the clock they had: their notice end is
 * worked out from the notice days of the time (15 owners, 10 member assembly and lml-63, else 0),
 * with no shortest window.
 */
export class VoteSafeguards1796397326128 implements MigrationInterface {
    name = 'VoteSafeguards1796397326128';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "vote_shortening" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "vote_id" uuid NOT NULL, "requested_by" uuid NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "reason" text NOT NULL, "opens_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closes_at" TIMESTAMP WITH TIME ZONE NOT NULL, "notice_ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "shortens_notice" boolean NOT NULL, "shortens_window" boolean NOT NULL, "status" text NOT NULL DEFAULT 'pending', "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "decision_note" text, "decider_role" text, "decider_node_id" uuid, CONSTRAINT "vote_shortening_note_length" CHECK ("decision_note" IS NULL OR char_length(btrim("decision_note")) BETWEEN 2 AND 500), CONSTRAINT "vote_shortening_decider_role_valid" CHECK ("decider_role" IS NULL OR "decider_role" IN ('staff', 'admin')), CONSTRAINT "vote_shortening_second_person" CHECK ("decided_by" IS NULL OR "decided_by" <> "requested_by"), CONSTRAINT "vote_shortening_decided_together" CHECK (("status" = 'pending') = ("decided_by" IS NULL) AND ("decided_by" IS NULL) = ("decided_at" IS NULL) AND ("decided_by" IS NULL) = ("decision_note" IS NULL) AND ("decided_by" IS NULL) = ("decider_role" IS NULL) AND ("decided_by" IS NULL) = ("decider_node_id" IS NULL)), CONSTRAINT "vote_shortening_window_order" CHECK ("closes_at" > "opens_at"), CONSTRAINT "vote_shortening_reason_length" CHECK (char_length(btrim("reason")) BETWEEN 15 AND 500), CONSTRAINT "vote_shortening_shortens_something" CHECK ("shortens_notice" OR "shortens_window"), CONSTRAINT "vote_shortening_status_valid" CHECK ("status" IN ('pending', 'approved', 'refused')), CONSTRAINT "PK_5881b123af3002a98bdc1419466" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "vote_shortening_one_pending" ON "vote_shortening"  ("vote_id") WHERE "status" = 'pending'`);
        await queryRunner.query(`CREATE INDEX "vote_shortening_vote_idx" ON "vote_shortening"  ("vote_id", "requested_at") `);
        await queryRunner.query(`ALTER TABLE "vote" ADD "notice_ends_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(
            `UPDATE "vote" SET "notice_ends_at" = "created_at" + make_interval(days => CASE "rule_set" WHEN 'cc278-ordinary' THEN 15 WHEN 'cc278-major' THEN 15 WHEN 'rceo-27' THEN 10 WHEN 'rceo-15' THEN 10 WHEN 'lml-63' THEN 10 ELSE 0 END)`,
        );
        await queryRunner.query(`ALTER TABLE "vote" ALTER COLUMN "notice_ends_at" SET NOT NULL`);
        await queryRunner.query(`ALTER TABLE "vote" ADD "min_voting_hours" integer NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE "vote" ADD "shortening_id" uuid`);
        await queryRunner.query(`ALTER TABLE "vote" ADD CONSTRAINT "vote_notice_after_announcement" CHECK ("notice_ends_at" >= "created_at")`);
        await queryRunner.query(`ALTER TABLE "vote" ADD CONSTRAINT "vote_min_voting_hours_range" CHECK ("min_voting_hours" BETWEEN 0 AND 720)`);
        await queryRunner.query(`ALTER TABLE "vote" ADD CONSTRAINT "vote_shortening_fk" FOREIGN KEY ("shortening_id") REFERENCES "vote_shortening"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "vote_shortening" ADD CONSTRAINT "vote_shortening_vote_fk" FOREIGN KEY ("vote_id") REFERENCES "vote"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "vote_shortening" ADD CONSTRAINT "vote_shortening_requested_by_fk" FOREIGN KEY ("requested_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "vote_shortening" ADD CONSTRAINT "vote_shortening_decided_by_fk" FOREIGN KEY ("decided_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "vote_shortening" ADD CONSTRAINT "vote_shortening_decider_node_fk" FOREIGN KEY ("decider_node_id") REFERENCES "org_node"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);

        // A vote is announced (scheduled) and says what it decides; its clock never moves; it opens
        // before its notice has run or with less than its shortest window only under an approved
        // shortening of its own whose opening time has come.
        await queryRunner.query(`
            CREATE FUNCTION yishi_vote_safeguards() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    IF NEW.status <> 'scheduled' OR NEW.opened_at IS NOT NULL OR NEW.shortening_id IS NOT NULL THEN
                        RAISE EXCEPTION 'a vote is announced before it opens' USING ERRCODE = '23514', CONSTRAINT = 'vote_announced_first';
                    END IF;
                    IF cardinality(NEW.matter_kinds) = 0 THEN
                        RAISE EXCEPTION 'a vote says what it decides' USING ERRCODE = '23514', CONSTRAINT = 'vote_matter_named';
                    END IF;
                    RETURN NEW;
                END IF;
                IF NEW.created_at IS DISTINCT FROM OLD.created_at OR NEW.notice_ends_at IS DISTINCT FROM OLD.notice_ends_at OR NEW.min_voting_hours IS DISTINCT FROM OLD.min_voting_hours THEN
                    RAISE EXCEPTION 'the legal clock of a vote is fixed when it is announced' USING ERRCODE = '23514', CONSTRAINT = 'vote_clock_fixed';
                END IF;
                IF NEW.shortening_id IS DISTINCT FROM OLD.shortening_id AND NOT (OLD.status = 'scheduled' AND NEW.status = 'open') THEN
                    RAISE EXCEPTION 'the shortening a vote opened under is recorded when it opens, and never changes' USING ERRCODE = '23514', CONSTRAINT = 'vote_shortening_at_opening';
                END IF;
                IF OLD.status = 'scheduled' AND NEW.status = 'open'
                   AND (NEW.opened_at < NEW.notice_ends_at OR NEW.closes_at - NEW.opens_at < make_interval(hours => NEW.min_voting_hours)) THEN
                    IF NOT EXISTS (SELECT 1 FROM vote_shortening s WHERE s.id = NEW.shortening_id AND s.vote_id = NEW.id AND s.status = 'approved' AND s.opens_at <= NEW.opened_at) THEN
                        RAISE EXCEPTION 'a vote opens before its notice has run, or with a shorter window, only under an approved shortening' USING ERRCODE = '23514', CONSTRAINT = 'vote_shortening_approved';
                    END IF;
                END IF;
                RETURN NEW;
            END $$`);
        await queryRunner.query(`CREATE TRIGGER vote_safeguards BEFORE INSERT OR UPDATE ON vote FOR EACH ROW EXECUTE FUNCTION yishi_vote_safeguards()`);

        // A shortening is requested for a vote waiting to open, decided once (never by the person who
        // asked or who announced the vote, only by staff or an admin of a node above the unit, under
        // that very grant), and then never changes; it is never deleted.
        await queryRunner.query(`
            CREATE FUNCTION yishi_vote_shortening_guard() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                v record;
            BEGIN
                IF TG_OP = 'DELETE' THEN
                    RAISE EXCEPTION 'a shortening request is never deleted' USING ERRCODE = '23514', CONSTRAINT = 'vote_shortening_kept';
                END IF;
                IF TG_OP = 'INSERT' THEN
                    IF NEW.status <> 'pending' OR NOT EXISTS (SELECT 1 FROM vote WHERE id = NEW.vote_id AND status = 'scheduled') THEN
                        RAISE EXCEPTION 'a shortening is requested, pending, for a vote waiting to open' USING ERRCODE = '23514', CONSTRAINT = 'vote_shortening_requested_first';
                    END IF;
                    RETURN NEW;
                END IF;
                IF OLD.status <> 'pending' OR NEW.status = 'pending'
                   OR (NEW.id, NEW.vote_id, NEW.requested_by, NEW.requested_at, NEW.reason, NEW.opens_at, NEW.closes_at, NEW.notice_ends_at, NEW.shortens_notice, NEW.shortens_window)
                      IS DISTINCT FROM (OLD.id, OLD.vote_id, OLD.requested_by, OLD.requested_at, OLD.reason, OLD.opens_at, OLD.closes_at, OLD.notice_ends_at, OLD.shortens_notice, OLD.shortens_window) THEN
                    RAISE EXCEPTION 'a shortening is decided once, and then never changes' USING ERRCODE = '23514', CONSTRAINT = 'vote_shortening_decided_once';
                END IF;
                SELECT created_by, unit_id INTO v FROM vote WHERE id = NEW.vote_id;
                IF NEW.decided_by = v.created_by THEN
                    RAISE EXCEPTION 'whoever announced the vote does not decide its shortening' USING ERRCODE = '23514', CONSTRAINT = 'vote_shortening_second_person';
                END IF;
                IF NOT EXISTS (
                    WITH RECURSIVE up AS (
                        SELECT parent_id AS id FROM org_node WHERE id = v.unit_id AND parent_id IS NOT NULL
                        UNION ALL
                        SELECT n.parent_id FROM org_node n JOIN up ON n.id = up.id WHERE n.parent_id IS NOT NULL
                    )
                    SELECT 1 FROM role_grant g
                     WHERE g.user_id = NEW.decided_by AND g.role = NEW.decider_role AND g.node_id = NEW.decider_node_id
                       AND g.role IN ('staff', 'admin') AND g.node_id IN (SELECT id FROM up)) THEN
                    RAISE EXCEPTION 'a shortening is decided by staff or an admin of a node above the unit' USING ERRCODE = '23514', CONSTRAINT = 'vote_shortening_supervisor';
                END IF;
                RETURN NEW;
            END $$`);
        await queryRunner.query(`CREATE TRIGGER vote_shortening_guard BEFORE INSERT OR UPDATE OR DELETE ON vote_shortening FOR EACH ROW EXECUTE FUNCTION yishi_vote_shortening_guard()`);
        await queryRunner.query(`CREATE TRIGGER vote_shortening_no_truncate BEFORE TRUNCATE ON vote_shortening FOR EACH STATEMENT EXECUTE FUNCTION yishi_audit_append_only()`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER vote_shortening_no_truncate ON vote_shortening`);
        await queryRunner.query(`DROP TRIGGER vote_shortening_guard ON vote_shortening`);
        await queryRunner.query(`DROP FUNCTION yishi_vote_shortening_guard()`);
        await queryRunner.query(`DROP TRIGGER vote_safeguards ON vote`);
        await queryRunner.query(`DROP FUNCTION yishi_vote_safeguards()`);
        await queryRunner.query(`ALTER TABLE "vote_shortening" DROP CONSTRAINT "vote_shortening_decider_node_fk"`);
        await queryRunner.query(`ALTER TABLE "vote_shortening" DROP CONSTRAINT "vote_shortening_decided_by_fk"`);
        await queryRunner.query(`ALTER TABLE "vote_shortening" DROP CONSTRAINT "vote_shortening_requested_by_fk"`);
        await queryRunner.query(`ALTER TABLE "vote_shortening" DROP CONSTRAINT "vote_shortening_vote_fk"`);
        await queryRunner.query(`ALTER TABLE "vote" DROP CONSTRAINT "vote_shortening_fk"`);
        await queryRunner.query(`ALTER TABLE "vote" DROP CONSTRAINT "vote_min_voting_hours_range"`);
        await queryRunner.query(`ALTER TABLE "vote" DROP CONSTRAINT "vote_notice_after_announcement"`);
        await queryRunner.query(`ALTER TABLE "vote" DROP COLUMN "shortening_id"`);
        await queryRunner.query(`ALTER TABLE "vote" DROP COLUMN "min_voting_hours"`);
        await queryRunner.query(`ALTER TABLE "vote" DROP COLUMN "notice_ends_at"`);
        await queryRunner.query(`DROP INDEX "public"."vote_shortening_vote_idx"`);
        await queryRunner.query(`DROP INDEX "public"."vote_shortening_one_pending"`);
        await queryRunner.query(`DROP TABLE "vote_shortening"`);
    }
}
