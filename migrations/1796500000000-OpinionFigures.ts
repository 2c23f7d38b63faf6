import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The outcome columns of opinion_place_figures, one per outcome of an official reply. */
const OUTCOMES = ['adopted', 'partly_adopted', 'not_adopted', 'noted'] as const;

/**
 * Street scale (bench:pages on the 千灯湖 area): the adoption report counted every opinion of a
 * consultation with its official reply on every request (3,000 opinions of the joint committee's
 * convention, 2.4 ms of the database's time), and the opinion page counted them again by place.
 * Each place's figures — a version's whole draft, or one of its clauses — now live in
 * `opinion_place_figures`, kept by PostgreSQL:
 * - a comment inserted adds itself to its place: an opinion (top-level, and received offline when
 *   its channel is not online) or a reply; a comment moved (its place, parent or channel changed)
 *   is taken off its old place and added to its new one; a comment deleted is taken off with the
 *   outcome of its official reply, before the reply goes with it;
 * - an official reply given, changed or withdrawn moves its opinion between "pending" (no reply)
 *   and its outcome's column;
 * - a TRUNCATE of either table recounts every place.
 * Each change is added to the place's row under its row lock, never recounted, so two
 * transactions at once both land; the CHECKs hold every figure at 0 or more and the answered
 * opinions within the opinions. Yishi never updates a comment's place nor deletes a comment or a
 * reply; the triggers count those too, should anyone.
 */
export class OpinionFigures1796500000000 implements MigrationInterface {
    name = 'OpinionFigures1796500000000';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "opinion_place_figures" (
            "version_id" uuid NOT NULL,
            "place_id" uuid NOT NULL,
            "consultation_id" uuid NOT NULL,
            "clause_id" uuid,
            "opinions" integer NOT NULL DEFAULT 0,
            "replies" integer NOT NULL DEFAULT 0,
            "adopted" integer NOT NULL DEFAULT 0,
            "partly_adopted" integer NOT NULL DEFAULT 0,
            "not_adopted" integer NOT NULL DEFAULT 0,
            "noted" integer NOT NULL DEFAULT 0,
            "offline" integer NOT NULL DEFAULT 0,
            CONSTRAINT "opinion_place_figures_not_negative" CHECK ("opinions" >= 0 AND "replies" >= 0 AND "adopted" >= 0 AND "partly_adopted" >= 0 AND "not_adopted" >= 0 AND "noted" >= 0 AND "offline" >= 0),
            CONSTRAINT "opinion_place_figures_within_opinions" CHECK ("adopted" + "partly_adopted" + "not_adopted" + "noted" <= "opinions" AND "offline" <= "opinions"),
            CONSTRAINT "opinion_place_figures_place" CHECK ("place_id" = coalesce("clause_id", "version_id")),
            CONSTRAINT "PK_opinion_place_figures" PRIMARY KEY ("version_id", "place_id"))`);
        await queryRunner.query(`CREATE INDEX "opinion_place_figures_consultation_idx" ON "opinion_place_figures" ("consultation_id") `);
        await queryRunner.query(`ALTER TABLE "opinion_place_figures" ADD CONSTRAINT "opinion_place_figures_version_fk" FOREIGN KEY ("version_id") REFERENCES "draft_version"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "opinion_place_figures" ADD CONSTRAINT "opinion_place_figures_consultation_fk" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);

        // One comment added to (sign 1) or taken off (sign -1) its place, with its reply's outcome.
        // Taking off updates only: a place deleted meanwhile (its version or consultation) has nothing to take from.
        const outcomeDelta = (outcome: string): string => `CASE WHEN c.parent_id IS NULL AND answer = '${outcome}' THEN sign ELSE 0 END`;
        await queryRunner.query(`CREATE FUNCTION yishi_opinion_figures_comment(c comment, sign integer) RETURNS void LANGUAGE plpgsql AS $fn$
            DECLARE
                answer text;
            BEGIN
                IF c.parent_id IS NULL THEN
                    SELECT r.outcome INTO answer FROM official_reply r WHERE r.comment_id = c.id;
                END IF;
                IF sign > 0 THEN
                    INSERT INTO opinion_place_figures AS f (version_id, place_id, consultation_id, clause_id, opinions, replies, ${OUTCOMES.join(', ')}, offline)
                    VALUES (c.version_id, coalesce(c.clause_id, c.version_id), c.consultation_id, c.clause_id,
                            CASE WHEN c.parent_id IS NULL THEN 1 ELSE 0 END, CASE WHEN c.parent_id IS NULL THEN 0 ELSE 1 END,
                            ${OUTCOMES.map(outcomeDelta).join(', ')},
                            CASE WHEN c.parent_id IS NULL AND c.channel <> 'online' THEN 1 ELSE 0 END)
                    ON CONFLICT (version_id, place_id) DO UPDATE SET
                        opinions = f.opinions + EXCLUDED.opinions, replies = f.replies + EXCLUDED.replies,
                        ${OUTCOMES.map((o) => `${o} = f.${o} + EXCLUDED.${o}`).join(', ')}, offline = f.offline + EXCLUDED.offline;
                ELSE
                    UPDATE opinion_place_figures f SET
                        opinions = f.opinions - CASE WHEN c.parent_id IS NULL THEN 1 ELSE 0 END,
                        replies = f.replies - CASE WHEN c.parent_id IS NULL THEN 0 ELSE 1 END,
                        ${OUTCOMES.map((o) => `${o} = f.${o} + ${outcomeDelta(o)}`).join(', ')},
                        offline = f.offline - CASE WHEN c.parent_id IS NULL AND c.channel <> 'online' THEN 1 ELSE 0 END
                     WHERE f.version_id = c.version_id AND f.place_id = coalesce(c.clause_id, c.version_id);
                END IF;
            END $fn$`);
        await queryRunner.query(`CREATE FUNCTION yishi_opinion_figures_comment_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
            BEGIN
                IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM yishi_opinion_figures_comment(OLD, -1); END IF;
                IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM yishi_opinion_figures_comment(NEW, 1); END IF;
                RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
            END $fn$`);

        // An official reply's outcome added to (sign 1) or taken off (sign -1) its opinion's place.
        // A reply going with its comment finds no comment: the comment's deletion took its outcome off.
        await queryRunner.query(`CREATE FUNCTION yishi_opinion_figures_reply(opinion uuid, answer text, sign integer) RETURNS void LANGUAGE plpgsql AS $fn$
            BEGIN
                UPDATE opinion_place_figures f SET
                    ${OUTCOMES.map((o) => `${o} = f.${o} + CASE WHEN answer = '${o}' THEN sign ELSE 0 END`).join(', ')}
                  FROM comment c
                 WHERE c.id = opinion AND c.parent_id IS NULL
                   AND f.version_id = c.version_id AND f.place_id = coalesce(c.clause_id, c.version_id);
            END $fn$`);
        await queryRunner.query(`CREATE FUNCTION yishi_opinion_figures_reply_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
            BEGIN
                IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM yishi_opinion_figures_reply(OLD.comment_id, OLD.outcome, -1); END IF;
                IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM yishi_opinion_figures_reply(NEW.comment_id, NEW.outcome, 1); END IF;
                RETURN NULL;
            END $fn$`);

        // Every place counted afresh (the backfill, and after a TRUNCATE).
        await queryRunner.query(`CREATE FUNCTION yishi_opinion_figures_recount_all() RETURNS void LANGUAGE sql AS $fn$
            DELETE FROM opinion_place_figures;
            INSERT INTO opinion_place_figures (version_id, place_id, consultation_id, clause_id, opinions, replies, ${OUTCOMES.join(', ')}, offline)
            SELECT c.version_id, coalesce(c.clause_id, c.version_id), c.consultation_id, c.clause_id,
                   count(*) FILTER (WHERE c.parent_id IS NULL), count(*) FILTER (WHERE c.parent_id IS NOT NULL),
                   ${OUTCOMES.map((o) => `count(*) FILTER (WHERE c.parent_id IS NULL AND r.outcome = '${o}')`).join(', ')},
                   count(*) FILTER (WHERE c.parent_id IS NULL AND c.channel <> 'online')
              FROM comment c LEFT JOIN official_reply r ON r.comment_id = c.id
             GROUP BY c.version_id, coalesce(c.clause_id, c.version_id), c.consultation_id, c.clause_id
             ORDER BY 1, 2;
        $fn$`);
        await queryRunner.query(`CREATE FUNCTION yishi_opinion_figures_recount() RETURNS trigger LANGUAGE plpgsql AS $fn$
            BEGIN
                PERFORM yishi_opinion_figures_recount_all();
                RETURN NULL;
            END $fn$`);

        await queryRunner.query(`CREATE TRIGGER "comment_figures_insert" AFTER INSERT ON "comment" FOR EACH ROW EXECUTE FUNCTION yishi_opinion_figures_comment_change()`);
        await queryRunner.query(`CREATE TRIGGER "comment_figures_update" AFTER UPDATE OF "consultation_id", "version_id", "clause_id", "parent_id", "channel" ON "comment" FOR EACH ROW
            WHEN ((OLD.consultation_id, OLD.version_id, OLD.clause_id, OLD.parent_id, OLD.channel) IS DISTINCT FROM (NEW.consultation_id, NEW.version_id, NEW.clause_id, NEW.parent_id, NEW.channel))
            EXECUTE FUNCTION yishi_opinion_figures_comment_change()`);
        // Before the row goes: its official reply (deleted with it) still tells its outcome.
        await queryRunner.query(`CREATE TRIGGER "comment_figures_delete" BEFORE DELETE ON "comment" FOR EACH ROW EXECUTE FUNCTION yishi_opinion_figures_comment_change()`);
        await queryRunner.query(`CREATE TRIGGER "comment_figures_truncate" AFTER TRUNCATE ON "comment" FOR EACH STATEMENT EXECUTE FUNCTION yishi_opinion_figures_recount()`);
        await queryRunner.query(`CREATE TRIGGER "official_reply_figures_insert" AFTER INSERT ON "official_reply" FOR EACH ROW EXECUTE FUNCTION yishi_opinion_figures_reply_change()`);
        await queryRunner.query(`CREATE TRIGGER "official_reply_figures_update" AFTER UPDATE OF "comment_id", "outcome" ON "official_reply" FOR EACH ROW
            WHEN ((OLD.comment_id, OLD.outcome) IS DISTINCT FROM (NEW.comment_id, NEW.outcome))
            EXECUTE FUNCTION yishi_opinion_figures_reply_change()`);
        await queryRunner.query(`CREATE TRIGGER "official_reply_figures_delete" AFTER DELETE ON "official_reply" FOR EACH ROW EXECUTE FUNCTION yishi_opinion_figures_reply_change()`);
        await queryRunner.query(`CREATE TRIGGER "official_reply_figures_truncate" AFTER TRUNCATE ON "official_reply" FOR EACH STATEMENT EXECUTE FUNCTION yishi_opinion_figures_recount()`);
        await queryRunner.query(`SELECT yishi_opinion_figures_recount_all()`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        for (const trigger of ['insert', 'update', 'delete', 'truncate']) {
            await queryRunner.query(`DROP TRIGGER "comment_figures_${trigger}" ON "comment"`);
            await queryRunner.query(`DROP TRIGGER "official_reply_figures_${trigger}" ON "official_reply"`);
        }
        await queryRunner.query(`DROP FUNCTION yishi_opinion_figures_recount()`);
        await queryRunner.query(`DROP FUNCTION yishi_opinion_figures_recount_all()`);
        await queryRunner.query(`DROP FUNCTION yishi_opinion_figures_reply_change()`);
        await queryRunner.query(`DROP FUNCTION yishi_opinion_figures_reply(uuid, text, integer)`);
        await queryRunner.query(`DROP FUNCTION yishi_opinion_figures_comment_change()`);
        await queryRunner.query(`DROP FUNCTION yishi_opinion_figures_comment(comment, integer)`);
        await queryRunner.query(`DROP TABLE "opinion_place_figures"`);
    }
}
