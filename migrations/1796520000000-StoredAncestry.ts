import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Street scale (bench:pages on the 千灯湖 area): every guarded request walked the organisation tree
 * up from each node its target belongs to, with a recursive CTE, and grouped the walk back into
 * one ancestry per node: for a consultation of the joint committee over forty compounds, 0.4 ms of
 * the guard's 0.9 ms in the database, on every read of its draft, opinions and report. Each node
 * now holds its ancestry (itself, its parent, … up to the street), kept by PostgreSQL:
 * - a BEFORE INSERT OR UPDATE trigger sets it from the parent's on every write, so nobody can
 *   write anything else into it;
 * - when a node's ancestry changes (it moved), an AFTER trigger touches its children, whose own
 *   trigger then takes the new one, and so on down (the tree is at most four levels deep);
 * - the nodes already there get theirs from the recursive walk the readers used to run.
 */
export class StoredAncestry1796520000000 implements MigrationInterface {
    name = 'StoredAncestry1796520000000';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "org_node" ADD "ancestry" uuid array`);
        await queryRunner.query(`WITH RECURSIVE up AS (
                SELECT id AS start, id, parent_id, 0 AS depth FROM org_node
                UNION ALL
                SELECT up.start, n.id, n.parent_id, up.depth + 1 FROM org_node n JOIN up ON n.id = up.parent_id
            )
            UPDATE org_node o SET ancestry = a.ancestry
              FROM (SELECT start, array_agg(id ORDER BY depth) AS ancestry FROM up GROUP BY start) a
             WHERE a.start = o.id`);
        await queryRunner.query(`ALTER TABLE "org_node" ALTER COLUMN "ancestry" SET NOT NULL`);
        await queryRunner.query(`CREATE FUNCTION yishi_org_node_ancestry() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                NEW.ancestry := ARRAY[NEW.id] || coalesce((SELECT p.ancestry FROM org_node p WHERE p.id = NEW.parent_id), '{}'::uuid[]);
                RETURN NEW;
            END
        $$`);
        await queryRunner.query(`CREATE TRIGGER org_node_ancestry BEFORE INSERT OR UPDATE ON org_node FOR EACH ROW EXECUTE FUNCTION yishi_org_node_ancestry()`);
        await queryRunner.query(`CREATE FUNCTION yishi_org_node_ancestry_below() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                UPDATE org_node SET parent_id = parent_id WHERE parent_id = NEW.id;
                RETURN NULL;
            END
        $$`);
        await queryRunner.query(
            `CREATE TRIGGER org_node_ancestry_below AFTER UPDATE ON org_node FOR EACH ROW WHEN (OLD.ancestry IS DISTINCT FROM NEW.ancestry) EXECUTE FUNCTION yishi_org_node_ancestry_below()`,
        );
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER org_node_ancestry_below ON org_node`);
        await queryRunner.query(`DROP TRIGGER org_node_ancestry ON org_node`);
        await queryRunner.query(`DROP FUNCTION yishi_org_node_ancestry_below()`);
        await queryRunner.query(`DROP FUNCTION yishi_org_node_ancestry()`);
        await queryRunner.query(`ALTER TABLE "org_node" DROP COLUMN "ancestry"`);
    }
}
