import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Sessions, rate limits, phone verification and invitation letters (accounts and rolls). */

export class Accounts1795671771526 implements MigrationInterface {
    name = 'Accounts1795671771526'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "auth_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" text NOT NULL, "csrf_token" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "user_agent" text, "ip" text, CONSTRAINT "PK_19354ed146424a728c1112a8cbf" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "auth_session_user_idx" ON "auth_session"  ("user_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "auth_session_token_hash_unique" ON "auth_session"  ("token_hash") `);
        await queryRunner.query(`CREATE TABLE "phone_verification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "phone" text NOT NULL, "purpose" text NOT NULL, "code_hash" text NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "consumed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "phone_verification_phone_format" CHECK ("phone" ~ '^1[3-9][0-9]{9}$'), CONSTRAINT "phone_verification_purpose_valid" CHECK ("purpose" IN ('signup', 'reset')), CONSTRAINT "PK_028d02e37d668b794d82247591b" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "phone_verification_phone_idx" ON "phone_verification"  ("phone", "purpose", "created_at") `);
        await queryRunner.query(`CREATE TABLE "rate_limit_bucket" ("key" text NOT NULL, "window_start" TIMESTAMP WITH TIME ZONE NOT NULL, "hits" integer NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "rate_limit_bucket_hits_positive" CHECK ("hits" > 0), CONSTRAINT "PK_297f92caac7bd103dfaf6d95490" PRIMARY KEY ("key", "window_start"))`);
        await queryRunner.query(`CREATE INDEX "rate_limit_bucket_expires_idx" ON "rate_limit_bucket"  ("expires_at") `);
        await queryRunner.query(`CREATE TABLE "invitation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_id" uuid NOT NULL, "member_id" uuid, "owner_id" uuid, "tenant_id" uuid, "code_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "used_at" TIMESTAMP WITH TIME ZONE, "used_by" uuid, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "invitation_used_by_with_used_at" CHECK (("used_at" IS NULL) = ("used_by" IS NULL)), CONSTRAINT "invitation_one_person" CHECK (num_nonnulls("member_id", "owner_id", "tenant_id") = 1), CONSTRAINT "PK_beb994737756c0f18a1c1f8669c" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "invitation_unit_idx" ON "invitation"  ("unit_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "invitation_code_hash_unique" ON "invitation"  ("code_hash") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "invitation_live_tenant" ON "invitation"  ("tenant_id") WHERE "used_at" IS NULL AND "revoked_at" IS NULL AND "tenant_id" IS NOT NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "invitation_live_owner" ON "invitation"  ("owner_id") WHERE "used_at" IS NULL AND "revoked_at" IS NULL AND "owner_id" IS NOT NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "invitation_live_member" ON "invitation"  ("member_id") WHERE "used_at" IS NULL AND "revoked_at" IS NULL AND "member_id" IS NOT NULL`);
        await queryRunner.query(`ALTER TABLE "auth_session" ADD CONSTRAINT "auth_session_user_fk" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "invitation" ADD CONSTRAINT "invitation_unit_fk" FOREIGN KEY ("unit_id") REFERENCES "org_node"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "invitation" ADD CONSTRAINT "invitation_member_fk" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "invitation" ADD CONSTRAINT "invitation_owner_fk" FOREIGN KEY ("owner_id") REFERENCES "owner"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "invitation" ADD CONSTRAINT "invitation_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "invitation" ADD CONSTRAINT "invitation_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "invitation" ADD CONSTRAINT "invitation_used_by_fk" FOREIGN KEY ("used_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);

        // An invitation's person is on the roll of the invitation's unit.
        for (const [target, column] of [['member', 'member_id'], ['owner', 'owner_id'], ['tenant', 'tenant_id']]) {
            await queryRunner.query(`CREATE TRIGGER invitation_${column}_same_unit BEFORE INSERT OR UPDATE OF unit_id, ${column} ON invitation FOR EACH ROW EXECUTE FUNCTION yishi_assert_same_unit('${target}', '${column}')`);
        }
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        for (const column of ['member_id', 'owner_id', 'tenant_id']) {
            await queryRunner.query(`DROP TRIGGER invitation_${column}_same_unit ON invitation`);
        }
        await queryRunner.query(`ALTER TABLE "invitation" DROP CONSTRAINT "invitation_used_by_fk"`);
        await queryRunner.query(`ALTER TABLE "invitation" DROP CONSTRAINT "invitation_created_by_fk"`);
        await queryRunner.query(`ALTER TABLE "invitation" DROP CONSTRAINT "invitation_tenant_fk"`);
        await queryRunner.query(`ALTER TABLE "invitation" DROP CONSTRAINT "invitation_owner_fk"`);
        await queryRunner.query(`ALTER TABLE "invitation" DROP CONSTRAINT "invitation_member_fk"`);
        await queryRunner.query(`ALTER TABLE "invitation" DROP CONSTRAINT "invitation_unit_fk"`);
        await queryRunner.query(`ALTER TABLE "auth_session" DROP CONSTRAINT "auth_session_user_fk"`);
        await queryRunner.query(`DROP INDEX "public"."invitation_live_member"`);
        await queryRunner.query(`DROP INDEX "public"."invitation_live_owner"`);
        await queryRunner.query(`DROP INDEX "public"."invitation_live_tenant"`);
        await queryRunner.query(`DROP INDEX "public"."invitation_code_hash_unique"`);
        await queryRunner.query(`DROP INDEX "public"."invitation_unit_idx"`);
        await queryRunner.query(`DROP TABLE "invitation"`);
        await queryRunner.query(`DROP INDEX "public"."rate_limit_bucket_expires_idx"`);
        await queryRunner.query(`DROP TABLE "rate_limit_bucket"`);
        await queryRunner.query(`DROP INDEX "public"."phone_verification_phone_idx"`);
        await queryRunner.query(`DROP TABLE "phone_verification"`);
        await queryRunner.query(`DROP INDEX "public"."auth_session_token_hash_unique"`);
        await queryRunner.query(`DROP INDEX "public"."auth_session_user_idx"`);
        await queryRunner.query(`DROP TABLE "auth_session"`);
    }

}
