import type { MigrationInterface, QueryRunner } from 'typeorm';
import { allowNotificationKinds } from './notification-kinds';

/**
 * Messages beyond the app: a person's channel preference (SMS, WeChat or the app only), the
 * delivery log of every text sent for an inbox notice, and the reminders a convenor sets on a vote.
 */
export class MessagesBeyondTheApp1796457161755 implements MigrationInterface {
    name = 'MessagesBeyondTheApp1796457161755';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "vote_reminder" ("vote_id" uuid NOT NULL, "hours_before" integer NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE, "recipients" integer, CONSTRAINT "vote_reminder_recipients_when_sent" CHECK (("sent_at" IS NULL) = ("recipients" IS NULL)), CONSTRAINT "vote_reminder_hours_range" CHECK ("hours_before" BETWEEN 1 AND 720), CONSTRAINT "PK_57a101753d41d1071fac7009412" PRIMARY KEY ("vote_id", "hours_before"))`);
        await queryRunner.query(`CREATE TABLE "message_delivery" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "notification_id" uuid NOT NULL, "user_id" uuid NOT NULL, "channel" text NOT NULL, "address" text NOT NULL, "body" text NOT NULL, "state" text NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE, "claimed_at" TIMESTAMP WITH TIME ZONE, "last_error" text, "provider_ref" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "message_delivery_why_not_sent" CHECK ("state" NOT IN ('failed', 'skipped') OR "last_error" IS NOT NULL), CONSTRAINT "message_delivery_attempts_range" CHECK ("attempts" BETWEEN 0 AND 20), CONSTRAINT "message_delivery_claimed_when_sending" CHECK ("state" <> 'sending' OR "claimed_at" IS NOT NULL), CONSTRAINT "message_delivery_sent_when_sent" CHECK (("state" = 'sent') = ("sent_at" IS NOT NULL)), CONSTRAINT "message_delivery_state_valid" CHECK ("state" IN ('pending', 'sending', 'sent', 'failed', 'skipped')), CONSTRAINT "message_delivery_channel_valid" CHECK ("channel" IN ('sms', 'wechat')), CONSTRAINT "PK_bdcfffd395c57ec0b9c4d9d76d1" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "message_delivery_user_idx" ON "message_delivery"  ("user_id", "created_at") `);
        await queryRunner.query(`CREATE INDEX "message_delivery_due_idx" ON "message_delivery"  ("next_attempt_at") WHERE "state" = 'pending'`);
        await queryRunner.query(`CREATE UNIQUE INDEX "message_delivery_notification_unique" ON "message_delivery"  ("notification_id") `);
        await queryRunner.query(`CREATE TABLE "message_preference" ("user_id" uuid NOT NULL, "channel" text NOT NULL DEFAULT 'sms', "muted_kinds" text array NOT NULL DEFAULT '{}', "wechat_openid" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "message_preference_muted_valid" CHECK ("muted_kinds" <@ ARRAY['vote_opened', 'vote_reminder', 'vote_result', 'session_announced', 'consultation_opened', 'comment_period_ending']::text[]), CONSTRAINT "message_preference_wechat_bound" CHECK ("channel" <> 'wechat' OR "wechat_openid" IS NOT NULL), CONSTRAINT "message_preference_channel_valid" CHECK ("channel" IN ('app', 'sms', 'wechat')), CONSTRAINT "PK_8f99e2a222bceb4e96cc1889742" PRIMARY KEY ("user_id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "message_preference_openid_unique" ON "message_preference"  ("wechat_openid") `);
        await queryRunner.query(`ALTER TABLE "vote_reminder" ADD CONSTRAINT "vote_reminder_vote_fk" FOREIGN KEY ("vote_id") REFERENCES "vote"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "message_delivery" ADD CONSTRAINT "message_delivery_notification_fk" FOREIGN KEY ("notification_id") REFERENCES "notification"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "message_delivery" ADD CONSTRAINT "message_delivery_user_fk" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "message_preference" ADD CONSTRAINT "message_preference_user_fk" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await allowNotificationKinds(queryRunner, { through: 'vote_reminder' });
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DELETE FROM "notification" WHERE "kind" = 'vote_reminder'`);
        await allowNotificationKinds(queryRunner, { before: 'vote_reminder' });
        await queryRunner.query(`ALTER TABLE "message_preference" DROP CONSTRAINT "message_preference_user_fk"`);
        await queryRunner.query(`ALTER TABLE "message_delivery" DROP CONSTRAINT "message_delivery_user_fk"`);
        await queryRunner.query(`ALTER TABLE "message_delivery" DROP CONSTRAINT "message_delivery_notification_fk"`);
        await queryRunner.query(`ALTER TABLE "vote_reminder" DROP CONSTRAINT "vote_reminder_vote_fk"`);
        await queryRunner.query(`DROP INDEX "public"."message_preference_openid_unique"`);
        await queryRunner.query(`DROP TABLE "message_preference"`);
        await queryRunner.query(`DROP INDEX "public"."message_delivery_notification_unique"`);
        await queryRunner.query(`DROP INDEX "public"."message_delivery_due_idx"`);
        await queryRunner.query(`DROP INDEX "public"."message_delivery_user_idx"`);
        await queryRunner.query(`DROP TABLE "message_delivery"`);
        await queryRunner.query(`DROP TABLE "vote_reminder"`);
    }
}
