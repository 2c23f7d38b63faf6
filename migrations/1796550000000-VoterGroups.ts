import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Street scale (bench:pages): a building head's missing list and the turnout of one building read
 * the vote's voters of that building. With only the primary key (vote, voter) PostgreSQL read
 * every voter of the vote and kept one building's (576 read for 66 on the area's largest vote; a
 * compound of 2,000 homes reads 2,000 on every request).
 */
export class VoterGroups1796550000000 implements MigrationInterface {
    name = 'VoterGroups1796550000000';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX "vote_voter_group_idx" ON "vote_voter" ("vote_id", "group_label")`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "vote_voter_group_idx"`);
    }
}
