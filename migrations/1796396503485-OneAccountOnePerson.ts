import type { MigrationInterface, QueryRunner } from 'typeorm';
import { allowNotificationKinds } from './notification-kinds';

/**
 * One account is one person. An account may be linked to at most one owner, one tenant and one
 * member of a roll (who owns several units is one owner record, and sees them all); linking a
 * letter needs proof that it is the reader's own (a code sent to the roll's phone number, or the
 * whole identity number, checked against the roll's keyed hash); each printing of letters is
 * kept with who printed which letters.
 *
 * Rolls where an account already holds several people of one unit (the defect this closes) keep
 * the link made first and lose the others, each with an audit entry naming the person, so staff
 * can see what happened and link the right accounts in person.
 */
export class OneAccountOnePerson1796396503485 implements MigrationInterface {
    name = 'OneAccountOnePerson1796396503485';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "invitation_print" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_id" uuid NOT NULL, "building_id" uuid, "household_id" uuid, "printed_by" uuid NOT NULL, "printed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "letters" integer NOT NULL, "reissue" boolean NOT NULL DEFAULT false, "language" text NOT NULL DEFAULT 'zh-CN', CONSTRAINT "invitation_print_one_scope" CHECK ("building_id" IS NULL OR "household_id" IS NULL), CONSTRAINT "invitation_print_language_valid" CHECK ("language" IN ('zh-CN', 'en')), CONSTRAINT "invitation_print_letters_not_negative" CHECK ("letters" >= 0), CONSTRAINT "PK_5f21b85a9bb288e9b6d71f14e7c" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "invitation_print_unit_time_idx" ON "invitation_print"  ("unit_id", "printed_at") `);
        await queryRunner.query(`ALTER TABLE "invitation" ADD "print_id" uuid`);
        await queryRunner.query(`ALTER TABLE "invitation" ADD "proof_failures" integer NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE "phone_verification" ADD "invitation_id" uuid`);
        for (const table of ['owner', 'member', 'tenant']) {
            // The link to keep per (unit, account): the one made first. A link with no audit entry
            // was made before any that has one (by a seed or an import), so it comes first.
            await queryRunner.query(`
                WITH linked AS (
                    SELECT p.id, p.unit_id, p.user_id,
                           row_number() OVER (
                               PARTITION BY p.unit_id, p.user_id
                               ORDER BY (SELECT min(a.occurred_at) FROM audit_entry a
                                          WHERE a.action = 'roll.link' AND a.entity_type = '${table}' AND a.entity_id = p.id::text) NULLS FIRST,
                                        p.created_at, p.id) AS place
                      FROM "${table}" p
                     WHERE p.user_id IS NOT NULL AND p.removed_revision_id IS NULL),
                undone AS (
                    UPDATE "${table}" p SET user_id = NULL FROM linked l
                     WHERE p.id = l.id AND l.place > 1
                    RETURNING p.id, p.unit_id, l.user_id)
                INSERT INTO audit_entry (actor_id, node_id, action, entity_type, entity_id, before, after)
                SELECT NULL, unit_id, 'roll.unlink', '${table}', id::text, jsonb_build_object('userId', user_id),
                       jsonb_build_object('userId', NULL, 'reason', 'one account, one person: this account was linked to several people of the roll')
                  FROM undone`);
        }
        await queryRunner.query(`CREATE UNIQUE INDEX "member_one_per_account" ON "member"  ("unit_id", "user_id") WHERE "user_id" IS NOT NULL AND "removed_revision_id" IS NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "owner_one_per_account" ON "owner"  ("unit_id", "user_id") WHERE "user_id" IS NOT NULL AND "removed_revision_id" IS NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "tenant_one_per_account" ON "tenant"  ("unit_id", "user_id") WHERE "user_id" IS NOT NULL AND "removed_revision_id" IS NULL`);
        await queryRunner.query(`CREATE INDEX "invitation_print_idx" ON "invitation"  ("print_id") `);
        await queryRunner.query(`ALTER TABLE "invitation" ADD CONSTRAINT "invitation_proof_failures_not_negative" CHECK ("proof_failures" >= 0)`);
        await queryRunner.query(`ALTER TABLE "phone_verification" DROP CONSTRAINT "phone_verification_purpose_valid"`);
        await queryRunner.query(`ALTER TABLE "phone_verification" ADD CONSTRAINT "phone_verification_purpose_valid" CHECK ("purpose" IN ('signup', 'reset', 'link'))`);
        await allowNotificationKinds(queryRunner, { through: 'roll_unlinked' });
        await queryRunner.query(`ALTER TABLE "phone_verification" ADD CONSTRAINT "phone_verification_link_has_letter" CHECK (("purpose" = 'link') = ("invitation_id" IS NOT NULL))`);
        await queryRunner.query(`ALTER TABLE "invitation_print" ADD CONSTRAINT "invitation_print_unit_fk" FOREIGN KEY ("unit_id") REFERENCES "org_node"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "invitation_print" ADD CONSTRAINT "invitation_print_building_fk" FOREIGN KEY ("building_id") REFERENCES "building"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "invitation_print" ADD CONSTRAINT "invitation_print_household_fk" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "invitation_print" ADD CONSTRAINT "invitation_print_printed_by_fk" FOREIGN KEY ("printed_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "invitation" ADD CONSTRAINT "invitation_print_fk" FOREIGN KEY ("print_id") REFERENCES "invitation_print"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "phone_verification" ADD CONSTRAINT "phone_verification_invitation_fk" FOREIGN KEY ("invitation_id") REFERENCES "invitation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "phone_verification" DROP CONSTRAINT "phone_verification_invitation_fk"`);
        await queryRunner.query(`ALTER TABLE "invitation" DROP CONSTRAINT "invitation_print_fk"`);
        await queryRunner.query(`ALTER TABLE "invitation_print" DROP CONSTRAINT "invitation_print_printed_by_fk"`);
        await queryRunner.query(`ALTER TABLE "invitation_print" DROP CONSTRAINT "invitation_print_household_fk"`);
        await queryRunner.query(`ALTER TABLE "invitation_print" DROP CONSTRAINT "invitation_print_building_fk"`);
        await queryRunner.query(`ALTER TABLE "invitation_print" DROP CONSTRAINT "invitation_print_unit_fk"`);
        await queryRunner.query(`ALTER TABLE "phone_verification" DROP CONSTRAINT "phone_verification_link_has_letter"`);
        await queryRunner.query(`DELETE FROM "phone_verification" WHERE "purpose" = 'link'`);
        await queryRunner.query(`DELETE FROM "notification" WHERE "kind" = 'roll_unlinked'`);
        await allowNotificationKinds(queryRunner, { before: 'roll_unlinked' });
        await queryRunner.query(`ALTER TABLE "phone_verification" DROP CONSTRAINT "phone_verification_purpose_valid"`);
        await queryRunner.query(`ALTER TABLE "phone_verification" ADD CONSTRAINT "phone_verification_purpose_valid" CHECK ("purpose" IN ('signup', 'reset'))`);
        await queryRunner.query(`ALTER TABLE "invitation" DROP CONSTRAINT "invitation_proof_failures_not_negative"`);
        await queryRunner.query(`DROP INDEX "public"."invitation_print_idx"`);
        await queryRunner.query(`DROP INDEX "public"."tenant_one_per_account"`);
        await queryRunner.query(`DROP INDEX "public"."owner_one_per_account"`);
        await queryRunner.query(`DROP INDEX "public"."member_one_per_account"`);
        await queryRunner.query(`ALTER TABLE "phone_verification" DROP COLUMN "invitation_id"`);
        await queryRunner.query(`ALTER TABLE "invitation" DROP COLUMN "proof_failures"`);
        await queryRunner.query(`ALTER TABLE "invitation" DROP COLUMN "print_id"`);
        await queryRunner.query(`DROP INDEX "public"."invitation_print_unit_time_idx"`);
        await queryRunner.query(`DROP TABLE "invitation_print"`);
    }
}
