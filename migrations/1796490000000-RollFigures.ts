import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The roll tables whose current rows the figures count, with the figure each adds to and the area it sums (if any). */
const COUNTED = [
    { table: 'building', figure: 'buildings', area: null },
    { table: 'exclusive_unit', figure: 'exclusive_units', area: 'area_centi_m2' },
    { table: 'household', figure: 'households', area: null },
    { table: 'member', figure: 'members', area: null },
] as const;

/**
 * Street scale (bench:pages on the 千灯湖 area): the public organisation tree counted every unit's
 * current roll on every request — 20,000 homes and their areas, 11 ms of the database's time and
 * 2.5 ms of planning per request. Each unit's figures now live in `unit_roll_figures`, kept by
 * PostgreSQL: after every statement on a roll table, a trigger adds per unit what the statement
 * put on the current roll (a row inserted, or a row's removal undone — never, but counted if it
 * were) and takes off what it removed or changed, from the statement's transition tables. The
 * change is added to the unit's row under its row lock, never recounted, so two transactions
 * changing one unit's roll at once both land; the CHECK holds every figure at 0 or more. A TRUNCATE of a roll table
 * (never done by Yishi; roll rows are never deleted) recounts every unit.
 */
export class RollFigures1796490000000 implements MigrationInterface {
    name = 'RollFigures1796490000000';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "unit_roll_figures" (
            "unit_id" uuid NOT NULL,
            "buildings" integer NOT NULL DEFAULT 0,
            "exclusive_units" integer NOT NULL DEFAULT 0,
            "total_area_centi_m2" bigint NOT NULL DEFAULT 0,
            "households" integer NOT NULL DEFAULT 0,
            "members" integer NOT NULL DEFAULT 0,
            CONSTRAINT "unit_roll_figures_not_negative" CHECK ("buildings" >= 0 AND "exclusive_units" >= 0 AND "total_area_centi_m2" >= 0 AND "households" >= 0 AND "members" >= 0),
            CONSTRAINT "PK_unit_roll_figures" PRIMARY KEY ("unit_id"))`);
        await queryRunner.query(`ALTER TABLE "unit_roll_figures" ADD CONSTRAINT "unit_roll_figures_unit_fk" FOREIGN KEY ("unit_id") REFERENCES "org_node"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);

        // The change one statement made to one roll table, added to each unit's figures.
        // TG_ARGV: the figure's column, and the area column summed into total_area_centi_m2 ('' for none).
        await queryRunner.query(`CREATE FUNCTION yishi_roll_figures_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
            DECLARE
                figure text := TG_ARGV[0];
                area text := nullif(TG_ARGV[1], '');
                area_of text := CASE WHEN area IS NULL THEN '0::bigint' ELSE format('%I::bigint', area) END;
                rows_sql text;
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    rows_sql := format('SELECT unit_id, 1 AS n, %s AS a FROM new_rows WHERE removed_revision_id IS NULL', area_of);
                ELSE
                    rows_sql := format('SELECT unit_id, 1 AS n, %1$s AS a FROM new_rows WHERE removed_revision_id IS NULL
                                        UNION ALL SELECT unit_id, -1, -%1$s FROM old_rows WHERE removed_revision_id IS NULL', area_of);
                END IF;
                -- The unit's row first (a new unit's figures start at 0), then the change added to it under its row lock.
                EXECUTE format('INSERT INTO unit_roll_figures (unit_id) SELECT DISTINCT unit_id FROM (%s) c ORDER BY unit_id ON CONFLICT (unit_id) DO NOTHING', rows_sql);
                EXECUTE format(
                    'UPDATE unit_roll_figures f SET %1$I = f.%1$I + c.n, total_area_centi_m2 = f.total_area_centi_m2 + c.a
                       FROM (SELECT unit_id, sum(n) AS n, sum(a) AS a FROM (%2$s) c GROUP BY unit_id HAVING sum(n) <> 0 OR sum(a) <> 0) c
                      WHERE f.unit_id = c.unit_id',
                    figure, rows_sql);
                RETURN NULL;
            END $fn$`);

        // Every unit counted afresh from the roll tables (the backfill, and after a TRUNCATE).
        await queryRunner.query(`CREATE FUNCTION yishi_roll_figures_recount() RETURNS trigger LANGUAGE plpgsql AS $fn$
            BEGIN
                PERFORM yishi_roll_figures_recount_all();
                RETURN NULL;
            END $fn$`);
        await queryRunner.query(`CREATE FUNCTION yishi_roll_figures_recount_all() RETURNS void LANGUAGE sql AS $fn$
            DELETE FROM unit_roll_figures;
            INSERT INTO unit_roll_figures (unit_id, buildings, exclusive_units, total_area_centi_m2, households, members)
            SELECT n.id,
                   (SELECT count(*) FROM building b WHERE b.unit_id = n.id AND b.removed_revision_id IS NULL),
                   (SELECT count(*) FROM exclusive_unit e WHERE e.unit_id = n.id AND e.removed_revision_id IS NULL),
                   (SELECT coalesce(sum(e.area_centi_m2), 0) FROM exclusive_unit e WHERE e.unit_id = n.id AND e.removed_revision_id IS NULL),
                   (SELECT count(*) FROM household h WHERE h.unit_id = n.id AND h.removed_revision_id IS NULL),
                   (SELECT count(*) FROM member m WHERE m.unit_id = n.id AND m.removed_revision_id IS NULL)
              FROM org_node n WHERE n.kind IN ('compound', 'cooperative')
             ORDER BY n.id;
        $fn$`);

        for (const { table, figure, area } of COUNTED) {
            const args = `'${figure}', '${area ?? ''}'`;
            await queryRunner.query(`CREATE TRIGGER "${table}_figures_insert" AFTER INSERT ON "${table}" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION yishi_roll_figures_change(${args})`);
            await queryRunner.query(`CREATE TRIGGER "${table}_figures_update" AFTER UPDATE ON "${table}" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION yishi_roll_figures_change(${args})`);
            await queryRunner.query(`CREATE TRIGGER "${table}_figures_truncate" AFTER TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION yishi_roll_figures_recount()`);
        }
        await queryRunner.query(`SELECT yishi_roll_figures_recount_all()`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        for (const { table } of COUNTED) {
            for (const event of ['insert', 'update', 'truncate']) {
                await queryRunner.query(`DROP TRIGGER "${table}_figures_${event}" ON "${table}"`);
            }
        }
        await queryRunner.query(`DROP FUNCTION yishi_roll_figures_recount()`);
        await queryRunner.query(`DROP FUNCTION yishi_roll_figures_recount_all()`);
        await queryRunner.query(`DROP FUNCTION yishi_roll_figures_change()`);
        await queryRunner.query(`DROP TABLE "unit_roll_figures"`);
    }
}
