import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Versioned rolls: every roll row names the revision that added it and the one that removed it.
 * Rows are never deleted (invitations, account links and ballots point at them); the current roll
 * is the rows not removed, and the uniqueness rules hold among current rows only.
 */

const ROLL_TABLES = ['household', 'member', 'building', 'exclusive_unit', 'owner', 'ownership', 'tenant'] as const;

/** A current row never points at a removed one: [child table, column, parent table]. */
const CURRENT_REFS = [
    ['member', 'household_id', 'household'],
    ['exclusive_unit', 'building_id', 'building'],
    ['ownership', 'exclusive_unit_id', 'exclusive_unit'],
    ['ownership', 'owner_id', 'owner'],
    ['tenant', 'exclusive_unit_id', 'exclusive_unit'],
] as const;

export class RollRevisions1795672541935 implements MigrationInterface {
    name = 'RollRevisions1795672541935'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // --- Revisions ------------------------------------------------------------------------
        await queryRunner.query(`CREATE TABLE "roll_revision" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_id" uuid NOT NULL, "number" integer NOT NULL, "source" text NOT NULL, "file_name" text, "file_sha256" text, "summary" jsonb NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "roll_revision_import_has_file" CHECK (("source" = 'import') = ("file_sha256" IS NOT NULL AND "file_name" IS NOT NULL)), CONSTRAINT "roll_revision_file_sha256_format" CHECK ("file_sha256" IS NULL OR "file_sha256" ~ '^[0-9a-f]{64}$'), CONSTRAINT "roll_revision_source_valid" CHECK ("source" IN ('import', 'edit', 'seed')), CONSTRAINT "roll_revision_number_positive" CHECK ("number" > 0), CONSTRAINT "PK_19203604c08ef6e29ea29cd5108" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "roll_revision_number_unique" ON "roll_revision"  ("unit_id", "number") `);
        await queryRunner.query(`ALTER TABLE "roll_revision" ADD CONSTRAINT "roll_revision_unit_fk" FOREIGN KEY ("unit_id") REFERENCES "org_node"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "roll_revision" ADD CONSTRAINT "roll_revision_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);

        // --- Revision columns on every roll table, with the rows already there as revision 1 ---
        for (const table of ROLL_TABLES) {
            await queryRunner.query(`ALTER TABLE "${table}" ADD "added_revision_id" uuid`);
            await queryRunner.query(`ALTER TABLE "${table}" ADD "removed_revision_id" uuid`);
        }
        await queryRunner.query(`
            INSERT INTO roll_revision (unit_id, number, source, summary)
            SELECT n.id, 1, 'seed', jsonb_build_object(
                       'note', 'the roll as it stood when revisions were introduced',
                       'counts', CASE n.kind
                           WHEN 'cooperative' THEN jsonb_build_object(
                               'households', (SELECT count(*) FROM household WHERE unit_id = n.id),
                               'members', (SELECT count(*) FROM member WHERE unit_id = n.id))
                           ELSE jsonb_build_object(
                               'buildings', (SELECT count(*) FROM building WHERE unit_id = n.id),
                               'exclusiveUnits', (SELECT count(*) FROM exclusive_unit WHERE unit_id = n.id),
                               'owners', (SELECT count(*) FROM owner WHERE unit_id = n.id),
                               'ownerships', (SELECT count(*) FROM ownership WHERE unit_id = n.id),
                               'tenants', (SELECT count(*) FROM tenant WHERE unit_id = n.id))
                       END)
              FROM org_node n
             WHERE n.kind IN ('cooperative', 'compound')
               AND n.id IN (${ROLL_TABLES.map((t) => `SELECT unit_id FROM ${t}`).join(' UNION ')})`);
        for (const table of ROLL_TABLES) {
            await queryRunner.query(`UPDATE "${table}" t SET added_revision_id = r.id FROM roll_revision r WHERE r.unit_id = t.unit_id AND r.number = 1`);
            await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "added_revision_id" SET NOT NULL`);
            await queryRunner.query(`ALTER TABLE "${table}" ADD CONSTRAINT "${table}_added_revision_fk" FOREIGN KEY ("added_revision_id") REFERENCES "roll_revision"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
            await queryRunner.query(`ALTER TABLE "${table}" ADD CONSTRAINT "${table}_removed_revision_fk" FOREIGN KEY ("removed_revision_id") REFERENCES "roll_revision"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        }

        // --- Uniqueness among current rows only -------------------------------------------------
        await queryRunner.query(`ALTER TABLE "household" DROP CONSTRAINT "household_number_unique"`);
        await queryRunner.query(`ALTER TABLE "building" DROP CONSTRAINT "building_name_unique"`);
        await queryRunner.query(`ALTER TABLE "exclusive_unit" DROP CONSTRAINT "exclusive_unit_number_unique"`);
        await queryRunner.query(`ALTER TABLE "ownership" DROP CONSTRAINT "ownership_unique"`);
        for (const index of ['member_one_head_per_household', 'member_one_representative_per_household', 'member_id_hash_unique', 'owner_one_developer_per_compound', 'owner_id_hash_unique', 'ownership_one_designated_voter']) {
            await queryRunner.query(`DROP INDEX "public"."${index}"`);
        }
        await queryRunner.query(`CREATE UNIQUE INDEX "household_number_unique" ON "household"  ("unit_id", "number") WHERE "removed_revision_id" IS NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "member_one_head_per_household" ON "member"  ("household_id") WHERE "is_household_head" AND "removed_revision_id" IS NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "member_one_representative_per_household" ON "member"  ("household_id") WHERE "is_household_representative" AND "removed_revision_id" IS NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "member_id_hash_unique" ON "member"  ("unit_id", "id_number_hash") WHERE "id_number_hash" IS NOT NULL AND "removed_revision_id" IS NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "member_natural_key_unique" ON "member"  ("household_id", "name", "birth_date") WHERE "removed_revision_id" IS NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "building_name_unique" ON "building"  ("unit_id", "name") WHERE "removed_revision_id" IS NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "exclusive_unit_number_unique" ON "exclusive_unit"  ("unit_id", "number") WHERE "removed_revision_id" IS NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "owner_one_developer_per_compound" ON "owner"  ("unit_id") WHERE "kind" = 'developer' AND "removed_revision_id" IS NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "owner_id_hash_unique" ON "owner"  ("unit_id", "id_number_hash") WHERE "id_number_hash" IS NOT NULL AND "removed_revision_id" IS NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "ownership_unique" ON "ownership"  ("exclusive_unit_id", "owner_id") WHERE "removed_revision_id" IS NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "ownership_one_designated_voter" ON "ownership"  ("exclusive_unit_id") WHERE "is_designated_voter" AND "removed_revision_id" IS NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "tenant_name_per_unit_unique" ON "tenant"  ("exclusive_unit_id", "name") WHERE "removed_revision_id" IS NULL`);

        // --- Pending imports ----------------------------------------------------------------------
        await queryRunner.query(`CREATE TABLE "roll_import" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'pending', "file_name" text NOT NULL, "file_sha256" text NOT NULL, "format" text NOT NULL, "encoding" text, "base_revision_id" uuid, "plan" jsonb NOT NULL, "preview" jsonb NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "committed_at" TIMESTAMP WITH TIME ZONE, "committed_revision_id" uuid, CONSTRAINT "roll_import_committed_at_with_status" CHECK (("status" = 'committed') = ("committed_at" IS NOT NULL)), CONSTRAINT "roll_import_file_sha256_format" CHECK ("file_sha256" ~ '^[0-9a-f]{64}$'), CONSTRAINT "roll_import_format_valid" CHECK ("format" IN ('csv', 'xlsx')), CONSTRAINT "roll_import_status_valid" CHECK ("status" IN ('pending', 'committed')), CONSTRAINT "PK_bd2d5a128c27bbad276ac0fd9cd" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "roll_import_unit_idx" ON "roll_import"  ("unit_id", "created_at") `);
        await queryRunner.query(`ALTER TABLE "roll_import" ADD CONSTRAINT "roll_import_unit_fk" FOREIGN KEY ("unit_id") REFERENCES "org_node"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "roll_import" ADD CONSTRAINT "roll_import_base_revision_fk" FOREIGN KEY ("base_revision_id") REFERENCES "roll_revision"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "roll_import" ADD CONSTRAINT "roll_import_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "roll_import" ADD CONSTRAINT "roll_import_committed_revision_fk" FOREIGN KEY ("committed_revision_id") REFERENCES "roll_revision"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);

        // --- Rules TypeORM cannot express, enforced by PostgreSQL itself ---------------------

        // A revision belongs to a cooperative or a compound, and is never changed or removed.
        await queryRunner.query(`
            CREATE FUNCTION yishi_roll_revision_unit() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE actual text;
            BEGIN
                SELECT kind INTO actual FROM org_node WHERE id = NEW.unit_id;
                IF actual IS NULL OR actual NOT IN ('cooperative', 'compound') THEN
                    RAISE EXCEPTION 'a roll revision belongs to a cooperative or a compound, not to a %', coalesce(actual, 'missing node')
                        USING ERRCODE = '23514', CONSTRAINT = 'roll_revision_unit_kind';
                END IF;
                RETURN NEW;
            END $$`);
        await queryRunner.query(`CREATE TRIGGER roll_revision_unit_kind BEFORE INSERT ON roll_revision FOR EACH ROW EXECUTE FUNCTION yishi_roll_revision_unit()`);
        await queryRunner.query(`
            CREATE FUNCTION yishi_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
                    USING ERRCODE = '42501', CONSTRAINT = TG_TABLE_NAME || '_append_only';
            END $$`);
        await queryRunner.query(`CREATE TRIGGER roll_revision_no_change BEFORE UPDATE OR DELETE ON roll_revision FOR EACH ROW EXECUTE FUNCTION yishi_append_only()`);
        await queryRunner.query(`CREATE TRIGGER roll_revision_no_truncate BEFORE TRUNCATE ON roll_revision FOR EACH STATEMENT EXECUTE FUNCTION yishi_append_only()`);

        // A pending import's revisions are revisions of its unit.
        for (const column of ['base_revision_id', 'committed_revision_id']) {
            await queryRunner.query(`CREATE TRIGGER roll_import_${column}_same_unit BEFORE INSERT OR UPDATE OF unit_id, ${column} ON roll_import FOR EACH ROW EXECUTE FUNCTION yishi_assert_same_unit('roll_revision', '${column}')`);
        }

        // History is kept: rows are never deleted; they enter the roll current, by a revision of
        // their own unit; the revision that added a row never changes; a row is removed by a later
        // revision of its unit; a removed row is final (only its account link may still change:
        // deleting an account sets it to null). Static SQL: this runs for every roll row written.
        await queryRunner.query(`
            CREATE FUNCTION yishi_roll_row_history() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE rev_unit uuid; added_number integer; removed_number integer;
            BEGIN
                IF TG_OP = 'DELETE' THEN
                    RAISE EXCEPTION '% rows are never deleted: a new roll revision removes them', TG_TABLE_NAME
                        USING ERRCODE = '23514', CONSTRAINT = TG_TABLE_NAME || '_never_deleted';
                END IF;
                IF TG_OP = 'INSERT' AND NEW.removed_revision_id IS NOT NULL THEN
                    RAISE EXCEPTION 'a % row enters the roll current', TG_TABLE_NAME
                        USING ERRCODE = '23514', CONSTRAINT = TG_TABLE_NAME || '_enters_current';
                END IF;
                IF TG_OP = 'UPDATE' THEN
                    IF NEW.added_revision_id IS DISTINCT FROM OLD.added_revision_id THEN
                        RAISE EXCEPTION 'the revision that added a % row cannot change', TG_TABLE_NAME
                            USING ERRCODE = '23514', CONSTRAINT = TG_TABLE_NAME || '_added_revision_fixed';
                    END IF;
                    IF OLD.removed_revision_id IS NOT NULL THEN
                        IF (to_jsonb(NEW) - 'user_id') IS DISTINCT FROM (to_jsonb(OLD) - 'user_id') THEN
                            RAISE EXCEPTION 'a removed % row is history and cannot change', TG_TABLE_NAME
                                USING ERRCODE = '23514', CONSTRAINT = TG_TABLE_NAME || '_removed_is_final';
                        END IF;
                        RETURN NEW;
                    END IF;
                END IF;
                -- (A missing revision is left to the NOT NULL constraint.)
                IF NEW.added_revision_id IS NOT NULL AND (TG_OP = 'INSERT' OR NEW.unit_id IS DISTINCT FROM OLD.unit_id) THEN
                    SELECT unit_id INTO rev_unit FROM roll_revision WHERE id = NEW.added_revision_id;
                    IF rev_unit IS DISTINCT FROM NEW.unit_id THEN
                        RAISE EXCEPTION 'a % row is added by a revision of another unit', TG_TABLE_NAME
                            USING ERRCODE = '23514', CONSTRAINT = TG_TABLE_NAME || '_added_revision_id_same_unit';
                    END IF;
                END IF;
                IF TG_OP = 'UPDATE' AND NEW.removed_revision_id IS NOT NULL THEN
                    SELECT unit_id, number INTO rev_unit, removed_number FROM roll_revision WHERE id = NEW.removed_revision_id;
                    IF rev_unit IS DISTINCT FROM NEW.unit_id THEN
                        RAISE EXCEPTION 'a % row is removed by a revision of another unit', TG_TABLE_NAME
                            USING ERRCODE = '23514', CONSTRAINT = TG_TABLE_NAME || '_removed_revision_id_same_unit';
                    END IF;
                    SELECT number INTO added_number FROM roll_revision WHERE id = NEW.added_revision_id;
                    IF removed_number <= added_number THEN
                        RAISE EXCEPTION 'a % row is removed by a later revision than the one that added it', TG_TABLE_NAME
                            USING ERRCODE = '23514', CONSTRAINT = TG_TABLE_NAME || '_removed_after_added';
                    END IF;
                END IF;
                RETURN NEW;
            END $$`);
        for (const table of ROLL_TABLES) {
            await queryRunner.query(`CREATE TRIGGER ${table}_roll_history BEFORE INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION yishi_roll_row_history()`);
        }

        // A current row never points at a removed one (no member of a removed household, no owner
        // of a removed flat). Checked at commit, so one transaction may remove and add in any order;
        // the rows are read again then, as a trigger's NEW is the row at the time of the change.
        const refChecks = CURRENT_REFS.map(([child, column, parent]) => `
                IF TG_TABLE_NAME = '${child}' THEN
                    PERFORM 1 FROM ${child} c JOIN ${parent} p ON p.id = c.${column}
                     WHERE c.id = NEW.id AND c.removed_revision_id IS NULL AND p.removed_revision_id IS NOT NULL;
                    IF FOUND THEN bad := '${child}_${column}_current'; END IF;
                END IF;`).join('');
        const parentChecks = CURRENT_REFS.map(([child, column, parent]) => `
                IF TG_TABLE_NAME = '${parent}' THEN
                    PERFORM 1 FROM ${parent} p JOIN ${child} c ON c.${column} = p.id
                     WHERE p.id = NEW.id AND p.removed_revision_id IS NOT NULL AND c.removed_revision_id IS NULL;
                    IF FOUND THEN bad := '${child}_${column}_current'; END IF;
                END IF;`).join('');
        await queryRunner.query(`
            CREATE FUNCTION yishi_roll_current_refs() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE bad text;
            BEGIN
                IF TG_ARGV[0] = 'child' THEN${refChecks}
                ELSE${parentChecks}
                END IF;
                IF bad IS NOT NULL THEN
                    RAISE EXCEPTION 'a current roll row would point at a removed one (%)', bad
                        USING ERRCODE = '23514', CONSTRAINT = bad;
                END IF;
                RETURN NULL;
            END $$`);
        const children = [...new Set(CURRENT_REFS.map(([child]) => child))];
        const parents = [...new Set(CURRENT_REFS.map(([, , parent]) => parent))];
        for (const child of children) {
            const columns = CURRENT_REFS.filter(([c]) => c === child).map(([, column]) => column).join(', ');
            await queryRunner.query(`CREATE CONSTRAINT TRIGGER ${child}_refs_current AFTER INSERT OR UPDATE OF removed_revision_id, ${columns} ON ${child} DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION yishi_roll_current_refs('child')`);
        }
        for (const parent of parents) {
            await queryRunner.query(`CREATE CONSTRAINT TRIGGER ${parent}_referrers_current AFTER UPDATE OF removed_revision_id ON ${parent} DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION yishi_roll_current_refs('parent')`);
        }
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        for (const parent of new Set(CURRENT_REFS.map(([, , parent]) => parent))) {
            await queryRunner.query(`DROP TRIGGER ${parent}_referrers_current ON ${parent}`);
        }
        for (const child of new Set(CURRENT_REFS.map(([child]) => child))) {
            await queryRunner.query(`DROP TRIGGER ${child}_refs_current ON ${child}`);
        }
        await queryRunner.query(`DROP FUNCTION yishi_roll_current_refs()`);
        for (const table of ROLL_TABLES) {
            await queryRunner.query(`DROP TRIGGER ${table}_roll_history ON ${table}`);
        }
        await queryRunner.query(`DROP FUNCTION yishi_roll_row_history()`);
        for (const column of ['base_revision_id', 'committed_revision_id']) {
            await queryRunner.query(`DROP TRIGGER roll_import_${column}_same_unit ON roll_import`);
        }
        await queryRunner.query(`DROP TRIGGER roll_revision_no_truncate ON roll_revision`);
        await queryRunner.query(`DROP TRIGGER roll_revision_no_change ON roll_revision`);
        await queryRunner.query(`DROP FUNCTION yishi_append_only()`);
        await queryRunner.query(`DROP TRIGGER roll_revision_unit_kind ON roll_revision`);
        await queryRunner.query(`DROP FUNCTION yishi_roll_revision_unit()`);

        await queryRunner.query(`DROP TABLE "roll_import"`);

        // Back to uniqueness over every row: this fails when the history holds removed duplicates.
        for (const index of ['tenant_name_per_unit_unique', 'ownership_one_designated_voter', 'ownership_unique', 'owner_id_hash_unique', 'owner_one_developer_per_compound', 'exclusive_unit_number_unique', 'building_name_unique', 'member_natural_key_unique', 'member_id_hash_unique', 'member_one_representative_per_household', 'member_one_head_per_household', 'household_number_unique']) {
            await queryRunner.query(`DROP INDEX "public"."${index}"`);
        }
        await queryRunner.query(`CREATE UNIQUE INDEX "ownership_one_designated_voter" ON "ownership"  ("exclusive_unit_id") WHERE "is_designated_voter"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "owner_one_developer_per_compound" ON "owner"  ("unit_id") WHERE "kind" = 'developer'`);
        await queryRunner.query(`CREATE UNIQUE INDEX "owner_id_hash_unique" ON "owner"  ("unit_id", "id_number_hash") WHERE "id_number_hash" IS NOT NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "member_id_hash_unique" ON "member"  ("unit_id", "id_number_hash") WHERE "id_number_hash" IS NOT NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "member_one_representative_per_household" ON "member"  ("household_id") WHERE "is_household_representative"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "member_one_head_per_household" ON "member"  ("household_id") WHERE "is_household_head"`);
        await queryRunner.query(`ALTER TABLE "ownership" ADD CONSTRAINT "ownership_unique" UNIQUE ("exclusive_unit_id", "owner_id")`);
        await queryRunner.query(`ALTER TABLE "exclusive_unit" ADD CONSTRAINT "exclusive_unit_number_unique" UNIQUE ("unit_id", "number")`);
        await queryRunner.query(`ALTER TABLE "building" ADD CONSTRAINT "building_name_unique" UNIQUE ("unit_id", "name")`);
        await queryRunner.query(`ALTER TABLE "household" ADD CONSTRAINT "household_number_unique" UNIQUE ("unit_id", "number")`);

        for (const table of ROLL_TABLES) {
            await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${table}_removed_revision_fk"`);
            await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${table}_added_revision_fk"`);
            await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "removed_revision_id"`);
            await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "added_revision_id"`);
        }
        await queryRunner.query(`DROP TABLE "roll_revision"`);
    }

}
