import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Door-to-door visits to voters who have not taken part yet (上门动员), recorded by building heads and convenors. */
export class VoteContacts1796435723250 implements MigrationInterface {
    name = 'VoteContacts1796435723250';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "vote_contact" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "vote_id" uuid NOT NULL, "voter_id" text NOT NULL, "outcome" text NOT NULL, "note" text NOT NULL DEFAULT '', "by" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "vote_contact_note_length" CHECK (char_length("note") <= 200), CONSTRAINT "vote_contact_outcome_valid" CHECK ("outcome" IN ('will_come', 'refused', 'not_home')), CONSTRAINT "PK_5d477dc135ae85bbbe8077eb7e6" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "vote_contact_voter_idx" ON "vote_contact"  ("vote_id", "voter_id", "at") `);
        await queryRunner.query(`ALTER TABLE "vote_contact" ADD CONSTRAINT "vote_contact_vote_fk" FOREIGN KEY ("vote_id") REFERENCES "vote"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "vote_contact" ADD CONSTRAINT "vote_contact_by_fk" FOREIGN KEY ("by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "vote_contact" DROP CONSTRAINT "vote_contact_by_fk"`);
        await queryRunner.query(`ALTER TABLE "vote_contact" DROP CONSTRAINT "vote_contact_vote_fk"`);
        await queryRunner.query(`DROP INDEX "public"."vote_contact_voter_idx"`);
        await queryRunner.query(`DROP TABLE "vote_contact"`);
    }
}
