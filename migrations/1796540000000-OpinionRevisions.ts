import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Street scale (bench:pages): the adoption report is the same document for every reader, and
 * the API keeps its pages in memory (adoption-report.service), keyed by a revision of the
 * consultation's opinions that PostgreSQL keeps here. The revision is replaced, in the transaction
 * that makes it, with every change to anything a page of the report shows:
 * - a top-level opinion written, moved, hidden or shown again, or deleted (`comment`);
 * - an official reply given, changed or withdrawn (`official_reply`);
 * - a display name changed, of someone who wrote an opinion under their name or answered one
 *   (`app_user`);
 * - a clause's number or heading, or a version's number or title, changed while still a draft
 *   (an answer may link to a clause of the version being prepared; published ones are frozen).
 * A TRUNCATE of either opinion table replaces every revision.
 *
 * A revision is a fresh random value each time, not a count: a count would repeat after a
 * database is brought back from an older backup, and an API still running would take its own
 * page of the newer history for the restored one.
 *
 * The changes run as deferred constraint triggers, at commit: the revision's row lock is the last
 * lock a writing transaction takes and is held only while it commits. Taken at each change, it
 * would be held across the rest of the transaction, and a paper-opinion import writing at several
 * places could deadlock with a resident writing at one of them (each holding a place's figures,
 * opinion_place_figures, the other wants).
 *
 * A consultation's row is made with it; a change only updates, so one that finds its consultation
 * deleted meanwhile (the comments going with it) does nothing.
 */
export class OpinionRevisions1796540000000 implements MigrationInterface {
    name = 'OpinionRevisions1796540000000';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "opinion_revision" (
            "consultation_id" uuid NOT NULL,
            "revision" uuid NOT NULL DEFAULT gen_random_uuid(),
            CONSTRAINT "PK_opinion_revision" PRIMARY KEY ("consultation_id"),
            CONSTRAINT "opinion_revision_consultation_fk" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE CASCADE)`);
        await queryRunner.query(`INSERT INTO "opinion_revision" ("consultation_id") SELECT "id" FROM "consultation"`);
        await queryRunner.query(`CREATE FUNCTION yishi_opinion_revision_made() RETURNS trigger LANGUAGE plpgsql AS $fn$
            BEGIN
                INSERT INTO opinion_revision (consultation_id) VALUES (NEW.id);
                RETURN NULL;
            END $fn$`);
        await queryRunner.query(`CREATE TRIGGER "consultation_opinion_revision" AFTER INSERT ON "consultation" FOR EACH ROW EXECUTE FUNCTION yishi_opinion_revision_made()`);

        // Which consultations a changed row touches, by table. OLD is null on INSERT, NEW on DELETE.
        await queryRunner.query(`CREATE FUNCTION yishi_opinion_revision_renew() RETURNS trigger LANGUAGE plpgsql AS $fn$
            BEGIN
                IF TG_TABLE_NAME IN ('comment', 'draft_version') THEN
                    UPDATE opinion_revision SET revision = gen_random_uuid() WHERE consultation_id IN (OLD.consultation_id, NEW.consultation_id);
                ELSIF TG_TABLE_NAME = 'official_reply' THEN
                    UPDATE opinion_revision SET revision = gen_random_uuid()
                     WHERE consultation_id IN (SELECT c.consultation_id FROM comment c WHERE c.id IN (OLD.comment_id, NEW.comment_id));
                ELSIF TG_TABLE_NAME = 'clause' THEN
                    UPDATE opinion_revision SET revision = gen_random_uuid()
                     WHERE consultation_id IN (SELECT v.consultation_id FROM draft_version v WHERE v.id IN (OLD.version_id, NEW.version_id));
                ELSIF TG_TABLE_NAME = 'app_user' THEN
                    UPDATE opinion_revision SET revision = gen_random_uuid()
                     WHERE consultation_id IN (
                         SELECT c.consultation_id FROM comment c
                          WHERE c.author_id = NEW.id AND c.parent_id IS NULL AND c.channel = 'online' AND NOT c.is_anonymous
                         UNION
                         SELECT c.consultation_id FROM official_reply o JOIN comment c ON c.id = o.comment_id WHERE o.replied_by = NEW.id);
                END IF;
                RETURN NULL;
            END $fn$`);
        await queryRunner.query(`CREATE FUNCTION yishi_opinion_revision_renew_all() RETURNS trigger LANGUAGE plpgsql AS $fn$
            BEGIN
                UPDATE opinion_revision SET revision = gen_random_uuid();
                RETURN NULL;
            END $fn$`);
        const deferred = 'DEFERRABLE INITIALLY DEFERRED FOR EACH ROW';
        const renew = 'EXECUTE FUNCTION yishi_opinion_revision_renew()';
        await queryRunner.query(`CREATE CONSTRAINT TRIGGER "comment_opinion_revision_insert" AFTER INSERT ON "comment" ${deferred} WHEN (NEW.parent_id IS NULL) ${renew}`);
        await queryRunner.query(`CREATE CONSTRAINT TRIGGER "comment_opinion_revision_update" AFTER UPDATE ON "comment" ${deferred}
            WHEN ((OLD.parent_id IS NULL OR NEW.parent_id IS NULL) AND OLD IS DISTINCT FROM NEW) ${renew}`);
        await queryRunner.query(`CREATE CONSTRAINT TRIGGER "comment_opinion_revision_delete" AFTER DELETE ON "comment" ${deferred} WHEN (OLD.parent_id IS NULL) ${renew}`);
        await queryRunner.query(`CREATE CONSTRAINT TRIGGER "official_reply_opinion_revision" AFTER INSERT OR UPDATE OR DELETE ON "official_reply" ${deferred} ${renew}`);
        await queryRunner.query(`CREATE CONSTRAINT TRIGGER "app_user_opinion_revision" AFTER UPDATE OF "display_name" ON "app_user" ${deferred}
            WHEN (OLD.display_name IS DISTINCT FROM NEW.display_name) ${renew}`);
        await queryRunner.query(`CREATE CONSTRAINT TRIGGER "clause_opinion_revision" AFTER UPDATE OF "number", "heading", "version_id" ON "clause" ${deferred}
            WHEN ((OLD.number, OLD.heading, OLD.version_id) IS DISTINCT FROM (NEW.number, NEW.heading, NEW.version_id)) ${renew}`);
        await queryRunner.query(`CREATE CONSTRAINT TRIGGER "draft_version_opinion_revision" AFTER UPDATE OF "number", "title", "consultation_id" ON "draft_version" ${deferred}
            WHEN ((OLD.number, OLD.title, OLD.consultation_id) IS DISTINCT FROM (NEW.number, NEW.title, NEW.consultation_id)) ${renew}`);
        for (const table of ['comment', 'official_reply']) {
            await queryRunner.query(`CREATE TRIGGER "${table}_opinion_revision_truncate" AFTER TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION yishi_opinion_revision_renew_all()`);
        }
        // A display name changed finds its writer's opinions and answers by index, not by reading
        // every opinion of the street (the same indexes serve the foreign keys when an account goes).
        await queryRunner.query(`CREATE INDEX "comment_author_idx" ON "comment" ("author_id")`);
        await queryRunner.query(`CREATE INDEX "official_reply_replied_by_idx" ON "official_reply" ("replied_by")`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "official_reply_replied_by_idx"`);
        await queryRunner.query(`DROP INDEX "comment_author_idx"`);
        for (const [trigger, table] of [
            ['comment_opinion_revision_insert', 'comment'],
            ['comment_opinion_revision_update', 'comment'],
            ['comment_opinion_revision_delete', 'comment'],
            ['comment_opinion_revision_truncate', 'comment'],
            ['official_reply_opinion_revision', 'official_reply'],
            ['official_reply_opinion_revision_truncate', 'official_reply'],
            ['app_user_opinion_revision', 'app_user'],
            ['clause_opinion_revision', 'clause'],
            ['draft_version_opinion_revision', 'draft_version'],
            ['consultation_opinion_revision', 'consultation'],
        ]) {
            await queryRunner.query(`DROP TRIGGER "${trigger}" ON "${table}"`);
        }
        await queryRunner.query(`DROP FUNCTION yishi_opinion_revision_renew_all()`);
        await queryRunner.query(`DROP FUNCTION yishi_opinion_revision_renew()`);
        await queryRunner.query(`DROP FUNCTION yishi_opinion_revision_made()`);
        await queryRunner.query(`DROP TABLE "opinion_revision"`);
    }
}
