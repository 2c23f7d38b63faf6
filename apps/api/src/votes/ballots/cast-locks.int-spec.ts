/**
 * The locks a cast holds, now that its first statement takes them together (lockVoteAndVoter):
 * the vote row FOR KEY SHARE (the closer waits for it) and the advisory lock of the voter it
 * casts for, under the very key every other writer of that voter's ballot takes (lockVoter: paper
 * entry, a proxy's revocation, a meeting cast), however the route spelled the vote's id.
 */
import { Client } from 'pg';
import type { TestApp } from '../../../test/test-app';
import { startTestApp } from '../../../test/test-app';
import { HttpSession } from '../../../test/http-session';
import type { SyntheticCompound } from '../../bench/synthetic-compound';
import { seedSyntheticCompound } from '../../bench/synthetic-compound';
import { onClient } from '../../database/pooled';
import type { VoteDetailDto } from '../lifecycle/dto/vote.dto';
import { lockVoteAndVoter, lockVoter } from './ballot-store';

describe('the locks a cast takes in its first statement', () => {
  let t: TestApp;
  let seeder: Client;
  let caster: Client;
  let other: Client;
  let compound: SyntheticCompound;
  let voteId: string;

  beforeAll(async () => {
    t = await startTestApp();
    seeder = new Client({ connectionString: t.databaseUrl });
    caster = new Client({ connectionString: t.databaseUrl });
    other = new Client({ connectionString: t.databaseUrl });
    await Promise.all([seeder.connect(), caster.connect(), other.connect()]);
    compound = await seedSyntheticCompound(onClient(seeder), { units: 12, code: 'locks-12' });
    const convenor = HttpSession.withToken(t.baseUrl, compound.convenor.token, compound.convenor.csrfToken);
    const now = Date.now();
    const created = await convenor.post<VoteDetailDto>(`/api/units/${compound.unitId}/votes`, {
      title: '锁测试',
      question: '是否同意？',
      ruleSet: 'simple-majority',
      matterKinds: ['other'],
      opensAt: new Date(now).toISOString(),
      closesAt: new Date(now + 3600_000).toISOString(),
    });
    expect(created.status).toBe(201);
    voteId = created.body.id;
    expect((await convenor.post(`/api/votes/${voteId}/open`)).status).toBe(204);
  });
  afterAll(async () => {
    await Promise.all([seeder.end(), caster.end(), other.end()]);
    await t.close();
  });

  /** Whether another connection could take this voter's lock now (it lets go of it at once). */
  const voterLockFree = async (voterId: string): Promise<boolean> => {
    await other.query('BEGIN');
    try {
      const [row] = (await other.query<{ free: boolean }>(`SELECT pg_try_advisory_xact_lock(hashtext($1)) AS free`, [`${voteId}:${voterId}`])).rows;
      return row!.free;
    } finally {
      await other.query('ROLLBACK');
    }
  };

  it('holds the vote row and the lock of the voter the account casts for, under lockVoter’s key', async () => {
    const voter = compound.voters[0]!;
    await caster.query('BEGIN');
    try {
      // The route may spell the id in capitals: the statement locks by the vote's id as stored.
      const locked = await lockVoteAndVoter(onClient(caster), voteId.toUpperCase(), voter.userId);
      expect(locked?.vote.id).toBe(voteId);
      expect(locked?.casters).toHaveLength(1);
      expect(locked?.lockedVoterId).toBe(locked?.casters[0]!.voter_id);
      expect(await voterLockFree(locked!.lockedVoterId!)).toBe(false);
      // The closer's FOR UPDATE waits for the cast.
      await expect(other.query(`SELECT 1 FROM vote WHERE id = $1 FOR UPDATE NOWAIT`, [voteId])).rejects.toThrow(/could not obtain lock/);
      // Another voter of the vote is not held up.
      const otherVoter = (await seeder.query<{ voter_id: string }>(`SELECT voter_id FROM vote_voter WHERE vote_id = $1 AND voter_id <> $2 LIMIT 1`, [voteId, locked!.lockedVoterId])).rows[0]!;
      expect(await voterLockFree(otherVoter.voter_id)).toBe(true);
    } finally {
      await caster.query('ROLLBACK');
    }
    const [{ voter_id: voterId }] = (await seeder.query<{ voter_id: string }>(`SELECT voter_id FROM vote_voter WHERE vote_id = $1 LIMIT 1`, [voteId])).rows as [{ voter_id: string }];
    expect(await voterLockFree(voterId)).toBe(true);
  });

  it('lockVoter takes the same lock whatever the case of the vote id it is given', async () => {
    const [{ voter_id: voterId }] = (await seeder.query<{ voter_id: string }>(`SELECT voter_id FROM vote_voter WHERE vote_id = $1 LIMIT 1`, [voteId])).rows as [{ voter_id: string }];
    await caster.query('BEGIN');
    try {
      await lockVoter(onClient(caster), voteId.toUpperCase(), voterId);
      expect(await voterLockFree(voterId)).toBe(false);
    } finally {
      await caster.query('ROLLBACK');
    }
  });

  it('names no voter, and locks none, for an account that may not cast', async () => {
    await caster.query('BEGIN');
    try {
      const locked = await lockVoteAndVoter(onClient(caster), voteId, compound.convenor.userId);
      expect(locked?.casters).toEqual([]);
      expect(locked?.lockedVoterId).toBeNull();
    } finally {
      await caster.query('ROLLBACK');
    }
  });
});
