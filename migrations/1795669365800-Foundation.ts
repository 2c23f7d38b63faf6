import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The organization tree, accounts and role grants, the first rolls, and the audit trail. */

export class Foundation1795669365800 implements MigrationInterface {
    name = 'Foundation1795669365800'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "org_node" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "code" text NOT NULL, "name" text NOT NULL, "parent_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "org_node_name_not_blank" CHECK (length(btrim("name")) > 0), CONSTRAINT "org_node_code_format" CHECK ("code" ~ '^[a-z0-9][a-z0-9-]{0,62}$'), CONSTRAINT "org_node_root_is_street" CHECK (("kind" = 'street') = ("parent_id" IS NULL)), CONSTRAINT "org_node_kind_valid" CHECK ("kind" IN ('street', 'community', 'cooperative', 'compound')), CONSTRAINT "PK_19b11f8031860400d0354d8e96d" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "org_node_code_unique" ON "org_node"  ("code") `);
        await queryRunner.query(`CREATE INDEX "org_node_parent_idx" ON "org_node"  ("parent_id") `);
        await queryRunner.query(`CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "phone" text NOT NULL, "display_name" text NOT NULL, "password_hash" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "disabled_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "app_user_display_name_not_blank" CHECK (length(btrim("display_name")) > 0), CONSTRAINT "app_user_phone_format" CHECK ("phone" ~ '^1[3-9][0-9]{9}$'), CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "app_user_phone_unique" ON "app_user"  ("phone") `);
        await queryRunner.query(`CREATE TABLE "audit_entry" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "node_id" uuid, "action" text NOT NULL, "entity_type" text NOT NULL, "entity_id" text, "before" jsonb, "after" jsonb, "request_id" text, CONSTRAINT "audit_entry_action_format" CHECK ("action" ~ '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$'), CONSTRAINT "PK_58a130a4b9da189f46ba2a01801" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "audit_entry_node_time_idx" ON "audit_entry"  ("node_id", "occurred_at") `);
        await queryRunner.query(`CREATE TABLE "building" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_id" uuid NOT NULL, "name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "building_name_unique" UNIQUE ("unit_id", "name"), CONSTRAINT "building_name_not_blank" CHECK (length(btrim("name")) > 0), CONSTRAINT "PK_bbfaf6c11f141a22d2ab105ee5f" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "exclusive_unit" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_id" uuid NOT NULL, "building_id" uuid, "number" text NOT NULL, "kind" text NOT NULL, "area_centi_m2" integer NOT NULL, "area_source" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "exclusive_unit_number_unique" UNIQUE ("unit_id", "number"), CONSTRAINT "exclusive_unit_number_not_blank" CHECK (length(btrim("number")) > 0), CONSTRAINT "exclusive_unit_area_positive" CHECK ("area_centi_m2" > 0), CONSTRAINT "exclusive_unit_area_source_valid" CHECK ("area_source" IN ('register', 'survey', 'contract')), CONSTRAINT "exclusive_unit_kind_valid" CHECK ("kind" IN ('dwelling', 'parking', 'shop')), CONSTRAINT "PK_48116785388a8a5f01275471bde" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "exclusive_unit_unit_idx" ON "exclusive_unit"  ("unit_id") `);
        await queryRunner.query(`CREATE INDEX "exclusive_unit_building_idx" ON "exclusive_unit"  ("building_id") `);
        await queryRunner.query(`CREATE TABLE "household" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_id" uuid NOT NULL, "number" text NOT NULL, "address" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "household_number_unique" UNIQUE ("unit_id", "number"), CONSTRAINT "household_number_not_blank" CHECK (length(btrim("number")) > 0), CONSTRAINT "PK_26e9111eab2b8908fefe3c645f5" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "member" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_id" uuid NOT NULL, "household_id" uuid NOT NULL, "name" text NOT NULL, "birth_date" date NOT NULL, "is_household_head" boolean NOT NULL DEFAULT false, "is_household_representative" boolean NOT NULL DEFAULT false, "is_member_representative" boolean NOT NULL DEFAULT false, "phone" text, "id_number_hash" text, "id_last4" text, "user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "member_id_parts_together" CHECK (("id_number_hash" IS NULL) = ("id_last4" IS NULL)), CONSTRAINT "member_id_last4_format" CHECK ("id_last4" IS NULL OR "id_last4" ~ '^[0-9]{3}[0-9X]$'), CONSTRAINT "member_phone_format" CHECK ("phone" IS NULL OR "phone" ~ '^1[3-9][0-9]{9}$'), CONSTRAINT "member_name_not_blank" CHECK (length(btrim("name")) > 0), CONSTRAINT "PK_97cbbe986ce9d14ca5894fdc072" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "member_unit_idx" ON "member"  ("unit_id") `);
        await queryRunner.query(`CREATE INDEX "member_household_idx" ON "member"  ("household_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "member_id_hash_unique" ON "member"  ("unit_id", "id_number_hash") WHERE "id_number_hash" IS NOT NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "member_one_representative_per_household" ON "member"  ("household_id") WHERE "is_household_representative"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "member_one_head_per_household" ON "member"  ("household_id") WHERE "is_household_head"`);
        await queryRunner.query(`CREATE TABLE "owner" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_id" uuid NOT NULL, "kind" text NOT NULL DEFAULT 'person', "name" text NOT NULL, "phone" text, "id_number_hash" text, "id_last4" text, "user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "owner_id_parts_together" CHECK (("id_number_hash" IS NULL) = ("id_last4" IS NULL)), CONSTRAINT "owner_id_last4_format" CHECK ("id_last4" IS NULL OR "id_last4" ~ '^[0-9A-Z]{4}$'), CONSTRAINT "owner_phone_format" CHECK ("phone" IS NULL OR "phone" ~ '^1[3-9][0-9]{9}$'), CONSTRAINT "owner_name_not_blank" CHECK (length(btrim("name")) > 0), CONSTRAINT "owner_kind_valid" CHECK ("kind" IN ('person', 'developer')), CONSTRAINT "PK_8e86b6b9f94aece7d12d465dc0c" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "owner_unit_idx" ON "owner"  ("unit_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "owner_id_hash_unique" ON "owner"  ("unit_id", "id_number_hash") WHERE "id_number_hash" IS NOT NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "owner_one_developer_per_compound" ON "owner"  ("unit_id") WHERE "kind" = 'developer'`);
        await queryRunner.query(`CREATE TABLE "ownership" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_id" uuid NOT NULL, "exclusive_unit_id" uuid NOT NULL, "owner_id" uuid NOT NULL, "is_designated_voter" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ownership_unique" UNIQUE ("exclusive_unit_id", "owner_id"), CONSTRAINT "PK_f911f1e192c37beebcf9ef2f756" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ownership_unit_idx" ON "ownership"  ("unit_id") `);
        await queryRunner.query(`CREATE INDEX "ownership_owner_idx" ON "ownership"  ("owner_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "ownership_one_designated_voter" ON "ownership"  ("exclusive_unit_id") WHERE "is_designated_voter"`);
        await queryRunner.query(`CREATE TABLE "tenant" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_id" uuid NOT NULL, "exclusive_unit_id" uuid NOT NULL, "name" text NOT NULL, "phone" text, "user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "tenant_phone_format" CHECK ("phone" IS NULL OR "phone" ~ '^1[3-9][0-9]{9}$'), CONSTRAINT "tenant_name_not_blank" CHECK (length(btrim("name")) > 0), CONSTRAINT "PK_da8c6efd67bb301e810e56ac139" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "tenant_unit_idx" ON "tenant"  ("unit_id") `);
        await queryRunner.query(`CREATE TABLE "role_grant" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "node_id" uuid NOT NULL, "role" text NOT NULL, "building_id" uuid, "granted_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "role_grant_building_only_for_building_head" CHECK ("building_id" IS NULL OR "role" = 'building_head'), CONSTRAINT "role_grant_role_valid" CHECK ("role" IN ('admin', 'staff', 'convenor', 'building_head', 'observer', 'resident')), CONSTRAINT "PK_b9e50aafa723c536731c38529fb" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "role_grant_user_idx" ON "role_grant"  ("user_id") `);
        await queryRunner.query(`CREATE INDEX "role_grant_node_idx" ON "role_grant"  ("node_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "role_grant_building_unique" ON "role_grant"  ("user_id", "node_id", "role", "building_id") WHERE "building_id" IS NOT NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "role_grant_unique" ON "role_grant"  ("user_id", "node_id", "role") WHERE "building_id" IS NULL`);
        await queryRunner.query(`ALTER TABLE "org_node" ADD CONSTRAINT "org_node_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "org_node"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "audit_entry" ADD CONSTRAINT "audit_entry_actor_fk" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "audit_entry" ADD CONSTRAINT "audit_entry_node_fk" FOREIGN KEY ("node_id") REFERENCES "org_node"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "building" ADD CONSTRAINT "building_unit_fk" FOREIGN KEY ("unit_id") REFERENCES "org_node"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "exclusive_unit" ADD CONSTRAINT "exclusive_unit_unit_fk" FOREIGN KEY ("unit_id") REFERENCES "org_node"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "exclusive_unit" ADD CONSTRAINT "exclusive_unit_building_fk" FOREIGN KEY ("building_id") REFERENCES "building"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "household" ADD CONSTRAINT "household_unit_fk" FOREIGN KEY ("unit_id") REFERENCES "org_node"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "member" ADD CONSTRAINT "member_unit_fk" FOREIGN KEY ("unit_id") REFERENCES "org_node"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "member" ADD CONSTRAINT "member_household_fk" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "member" ADD CONSTRAINT "member_user_fk" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "owner" ADD CONSTRAINT "owner_unit_fk" FOREIGN KEY ("unit_id") REFERENCES "org_node"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "owner" ADD CONSTRAINT "owner_user_fk" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "ownership" ADD CONSTRAINT "ownership_unit_fk" FOREIGN KEY ("unit_id") REFERENCES "org_node"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "ownership" ADD CONSTRAINT "ownership_exclusive_unit_fk" FOREIGN KEY ("exclusive_unit_id") REFERENCES "exclusive_unit"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "ownership" ADD CONSTRAINT "ownership_owner_fk" FOREIGN KEY ("owner_id") REFERENCES "owner"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "tenant" ADD CONSTRAINT "tenant_unit_fk" FOREIGN KEY ("unit_id") REFERENCES "org_node"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "tenant" ADD CONSTRAINT "tenant_exclusive_unit_fk" FOREIGN KEY ("exclusive_unit_id") REFERENCES "exclusive_unit"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "tenant" ADD CONSTRAINT "tenant_user_fk" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "role_grant" ADD CONSTRAINT "role_grant_user_fk" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "role_grant" ADD CONSTRAINT "role_grant_node_fk" FOREIGN KEY ("node_id") REFERENCES "org_node"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "role_grant" ADD CONSTRAINT "role_grant_building_fk" FOREIGN KEY ("building_id") REFERENCES "building"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "role_grant" ADD CONSTRAINT "role_grant_granted_by_fk" FOREIGN KEY ("granted_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        // --- Rules TypeORM cannot express, enforced by PostgreSQL itself ---------------------

        // The tree: a community hangs under a street, a unit under a community; kinds never change.
        await queryRunner.query(`
            CREATE FUNCTION yishi_org_node_shape() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE parent_kind text;
            BEGIN
                IF TG_OP = 'UPDATE' AND NEW.kind <> OLD.kind THEN
                    RAISE EXCEPTION 'the kind of organization node % cannot change', OLD.id
                        USING ERRCODE = '23514', CONSTRAINT = 'org_node_kind_immutable';
                END IF;
                IF NEW.kind = 'street' THEN
                    RETURN NEW;
                END IF;
                SELECT kind INTO parent_kind FROM org_node WHERE id = NEW.parent_id;
                IF (NEW.kind = 'community' AND parent_kind IS DISTINCT FROM 'street')
                   OR (NEW.kind IN ('cooperative', 'compound') AND parent_kind IS DISTINCT FROM 'community') THEN
                    RAISE EXCEPTION 'a % cannot be placed under a %', NEW.kind, coalesce(parent_kind, 'missing node')
                        USING ERRCODE = '23514', CONSTRAINT = 'org_node_parent_kind';
                END IF;
                RETURN NEW;
            END $$`);
        await queryRunner.query(`CREATE TRIGGER org_node_shape BEFORE INSERT OR UPDATE OF kind, parent_id ON org_node FOR EACH ROW EXECUTE FUNCTION yishi_org_node_shape()`);

        // Roll rows belong to a unit of the right kind: households and members to a cooperative,
        // buildings, exclusive units, owners, ownerships and tenants to a compound.
        await queryRunner.query(`
            CREATE FUNCTION yishi_assert_unit_kind() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE actual text;
            BEGIN
                SELECT kind INTO actual FROM org_node WHERE id = NEW.unit_id;
                IF actual IS DISTINCT FROM TG_ARGV[0] THEN
                    RAISE EXCEPTION '% rows belong to a %, not to a %', TG_TABLE_NAME, TG_ARGV[0], coalesce(actual, 'missing node')
                        USING ERRCODE = '23514', CONSTRAINT = TG_TABLE_NAME || '_unit_kind';
                END IF;
                RETURN NEW;
            END $$`);
        for (const [table, kind] of [
            ['household', 'cooperative'], ['member', 'cooperative'],
            ['building', 'compound'], ['exclusive_unit', 'compound'], ['owner', 'compound'],
            ['ownership', 'compound'], ['tenant', 'compound'],
        ]) {
            await queryRunner.query(`CREATE TRIGGER ${table}_unit_kind BEFORE INSERT OR UPDATE OF unit_id ON ${table} FOR EACH ROW EXECUTE FUNCTION yishi_assert_unit_kind('${kind}')`);
        }

        // A row and the row it points at belong to the same unit (no member of cooperative A in a
        // household of cooperative B, no ownership joining an owner and a flat of two compounds).
        await queryRunner.query(`
            CREATE FUNCTION yishi_assert_same_unit() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE ref_id uuid; ref_unit uuid;
            BEGIN
                ref_id := (to_jsonb(NEW) ->> TG_ARGV[1])::uuid;
                IF ref_id IS NULL THEN
                    RETURN NEW;
                END IF;
                EXECUTE format('SELECT unit_id FROM %I WHERE id = $1', TG_ARGV[0]) INTO ref_unit USING ref_id;
                IF ref_unit IS DISTINCT FROM NEW.unit_id THEN
                    RAISE EXCEPTION '% row points at a % of another unit', TG_TABLE_NAME, TG_ARGV[0]
                        USING ERRCODE = '23514', CONSTRAINT = TG_TABLE_NAME || '_' || TG_ARGV[1] || '_same_unit';
                END IF;
                RETURN NEW;
            END $$`);
        for (const [table, target, column] of [
            ['member', 'household', 'household_id'],
            ['exclusive_unit', 'building', 'building_id'],
            ['ownership', 'exclusive_unit', 'exclusive_unit_id'],
            ['ownership', 'owner', 'owner_id'],
            ['tenant', 'exclusive_unit', 'exclusive_unit_id'],
        ]) {
            await queryRunner.query(`CREATE TRIGGER ${table}_${column}_same_unit BEFORE INSERT OR UPDATE OF unit_id, ${column} ON ${table} FOR EACH ROW EXECUTE FUNCTION yishi_assert_same_unit('${target}', '${column}')`);
        }

        // A building head's building lies in the compound the grant is on.
        await queryRunner.query(`
            CREATE FUNCTION yishi_role_grant_building() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.building_id IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM building WHERE id = NEW.building_id AND unit_id = NEW.node_id) THEN
                    RAISE EXCEPTION 'the building of a building head must belong to the compound of the grant'
                        USING ERRCODE = '23514', CONSTRAINT = 'role_grant_building_in_node';
                END IF;
                RETURN NEW;
            END $$`);
        await queryRunner.query(`CREATE TRIGGER role_grant_building BEFORE INSERT OR UPDATE OF node_id, building_id ON role_grant FOR EACH ROW EXECUTE FUNCTION yishi_role_grant_building()`);

        // The audit trail is append-only, for every database user, not only for the API.
        await queryRunner.query(`
            CREATE FUNCTION yishi_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'the audit trail is append-only: % is not allowed', TG_OP
                    USING ERRCODE = '42501', CONSTRAINT = 'audit_entry_append_only';
            END $$`);
        await queryRunner.query(`CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE ON audit_entry FOR EACH ROW EXECUTE FUNCTION yishi_audit_append_only()`);
        await queryRunner.query(`CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry FOR EACH STATEMENT EXECUTE FUNCTION yishi_audit_append_only()`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER audit_entry_no_truncate ON audit_entry`);
        await queryRunner.query(`DROP TRIGGER audit_entry_no_change ON audit_entry`);
        await queryRunner.query(`DROP FUNCTION yishi_audit_append_only()`);
        await queryRunner.query(`DROP TRIGGER role_grant_building ON role_grant`);
        await queryRunner.query(`DROP FUNCTION yishi_role_grant_building()`);
        for (const [table, column] of [
            ['member', 'household_id'], ['exclusive_unit', 'building_id'], ['ownership', 'exclusive_unit_id'],
            ['ownership', 'owner_id'], ['tenant', 'exclusive_unit_id'],
        ]) {
            await queryRunner.query(`DROP TRIGGER ${table}_${column}_same_unit ON ${table}`);
        }
        await queryRunner.query(`DROP FUNCTION yishi_assert_same_unit()`);
        for (const table of ['household', 'member', 'building', 'exclusive_unit', 'owner', 'ownership', 'tenant']) {
            await queryRunner.query(`DROP TRIGGER ${table}_unit_kind ON ${table}`);
        }
        await queryRunner.query(`DROP FUNCTION yishi_assert_unit_kind()`);
        await queryRunner.query(`DROP TRIGGER org_node_shape ON org_node`);
        await queryRunner.query(`DROP FUNCTION yishi_org_node_shape()`);
        await queryRunner.query(`ALTER TABLE "role_grant" DROP CONSTRAINT "role_grant_granted_by_fk"`);
        await queryRunner.query(`ALTER TABLE "role_grant" DROP CONSTRAINT "role_grant_building_fk"`);
        await queryRunner.query(`ALTER TABLE "role_grant" DROP CONSTRAINT "role_grant_node_fk"`);
        await queryRunner.query(`ALTER TABLE "role_grant" DROP CONSTRAINT "role_grant_user_fk"`);
        await queryRunner.query(`ALTER TABLE "tenant" DROP CONSTRAINT "tenant_user_fk"`);
        await queryRunner.query(`ALTER TABLE "tenant" DROP CONSTRAINT "tenant_exclusive_unit_fk"`);
        await queryRunner.query(`ALTER TABLE "tenant" DROP CONSTRAINT "tenant_unit_fk"`);
        await queryRunner.query(`ALTER TABLE "ownership" DROP CONSTRAINT "ownership_owner_fk"`);
        await queryRunner.query(`ALTER TABLE "ownership" DROP CONSTRAINT "ownership_exclusive_unit_fk"`);
        await queryRunner.query(`ALTER TABLE "ownership" DROP CONSTRAINT "ownership_unit_fk"`);
        await queryRunner.query(`ALTER TABLE "owner" DROP CONSTRAINT "owner_user_fk"`);
        await queryRunner.query(`ALTER TABLE "owner" DROP CONSTRAINT "owner_unit_fk"`);
        await queryRunner.query(`ALTER TABLE "member" DROP CONSTRAINT "member_user_fk"`);
        await queryRunner.query(`ALTER TABLE "member" DROP CONSTRAINT "member_household_fk"`);
        await queryRunner.query(`ALTER TABLE "member" DROP CONSTRAINT "member_unit_fk"`);
        await queryRunner.query(`ALTER TABLE "household" DROP CONSTRAINT "household_unit_fk"`);
        await queryRunner.query(`ALTER TABLE "exclusive_unit" DROP CONSTRAINT "exclusive_unit_building_fk"`);
        await queryRunner.query(`ALTER TABLE "exclusive_unit" DROP CONSTRAINT "exclusive_unit_unit_fk"`);
        await queryRunner.query(`ALTER TABLE "building" DROP CONSTRAINT "building_unit_fk"`);
        await queryRunner.query(`ALTER TABLE "audit_entry" DROP CONSTRAINT "audit_entry_node_fk"`);
        await queryRunner.query(`ALTER TABLE "audit_entry" DROP CONSTRAINT "audit_entry_actor_fk"`);
        await queryRunner.query(`ALTER TABLE "org_node" DROP CONSTRAINT "org_node_parent_fk"`);
        await queryRunner.query(`DROP INDEX "public"."role_grant_unique"`);
        await queryRunner.query(`DROP INDEX "public"."role_grant_building_unique"`);
        await queryRunner.query(`DROP INDEX "public"."role_grant_node_idx"`);
        await queryRunner.query(`DROP INDEX "public"."role_grant_user_idx"`);
        await queryRunner.query(`DROP TABLE "role_grant"`);
        await queryRunner.query(`DROP INDEX "public"."tenant_unit_idx"`);
        await queryRunner.query(`DROP TABLE "tenant"`);
        await queryRunner.query(`DROP INDEX "public"."ownership_one_designated_voter"`);
        await queryRunner.query(`DROP INDEX "public"."ownership_owner_idx"`);
        await queryRunner.query(`DROP INDEX "public"."ownership_unit_idx"`);
        await queryRunner.query(`DROP TABLE "ownership"`);
        await queryRunner.query(`DROP INDEX "public"."owner_one_developer_per_compound"`);
        await queryRunner.query(`DROP INDEX "public"."owner_id_hash_unique"`);
        await queryRunner.query(`DROP INDEX "public"."owner_unit_idx"`);
        await queryRunner.query(`DROP TABLE "owner"`);
        await queryRunner.query(`DROP INDEX "public"."member_one_head_per_household"`);
        await queryRunner.query(`DROP INDEX "public"."member_one_representative_per_household"`);
        await queryRunner.query(`DROP INDEX "public"."member_id_hash_unique"`);
        await queryRunner.query(`DROP INDEX "public"."member_household_idx"`);
        await queryRunner.query(`DROP INDEX "public"."member_unit_idx"`);
        await queryRunner.query(`DROP TABLE "member"`);
        await queryRunner.query(`DROP TABLE "household"`);
        await queryRunner.query(`DROP INDEX "public"."exclusive_unit_building_idx"`);
        await queryRunner.query(`DROP INDEX "public"."exclusive_unit_unit_idx"`);
        await queryRunner.query(`DROP TABLE "exclusive_unit"`);
        await queryRunner.query(`DROP TABLE "building"`);
        await queryRunner.query(`DROP INDEX "public"."audit_entry_node_time_idx"`);
        await queryRunner.query(`DROP TABLE "audit_entry"`);
        await queryRunner.query(`DROP INDEX "public"."app_user_phone_unique"`);
        await queryRunner.query(`DROP TABLE "app_user"`);
        await queryRunner.query(`DROP INDEX "public"."org_node_parent_idx"`);
        await queryRunner.query(`DROP INDEX "public"."org_node_code_unique"`);
        await queryRunner.query(`DROP TABLE "org_node"`);
    }

}
