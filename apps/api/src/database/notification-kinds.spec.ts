import { NOTIFICATION_KINDS } from '@yishi/contracts';
import { describe, expect, it } from '@jest/globals';
import { MIGRATIONS } from '@yishi/migrations';
import type { QueryRunner } from 'typeorm';

/**
 * The inbox's kinds are a CHECK (`notification_kind_valid`) that migrations rewrite through one
 * helper (migrations/notification-kinds.ts). Databases already migrated must keep the very
 * constraint they have, a migration's down must give back the list its up found, and the last
 * list must allow every kind the API writes.
 */

/** The statements a migration step sends (a runner that answers every query with no rows). */
async function statementsOf(step: (runner: QueryRunner) => Promise<void>): Promise<string[]> {
  const sent: string[] = [];
  await step({ query: (sql: string) => (sent.push(sql), Promise.resolve([])) } as unknown as QueryRunner);
  return sent;
}

/** The kinds a statement sets the CHECK to, or null when it does not. */
function kindsSetBy(sql: string): string[] | null {
  const m = /CONSTRAINT "notification_kind_valid" CHECK \("kind" IN \(([^)]*)\)\)/.exec(sql);
  return m ? [...m[1]!.matchAll(/'([a-z_]+)'/g)].map((k) => k[1]!) : null;
}

async function kindLists(step: (runner: QueryRunner) => Promise<void>): Promise<string[][]> {
  return (await statementsOf(step)).map(kindsSetBy).filter((k): k is string[] => k !== null);
}

describe('the notification kinds migrations allow', () => {
  it('writes exactly the constraint migrated databases already have', async () => {
    const last = MIGRATIONS.find((M) => M.name === 'InPersonResetNotice1796461428215')!;
    const migration = new last();
    expect(await statementsOf((r) => migration.up(r))).toEqual([
      `ALTER TABLE "notification" DROP CONSTRAINT "notification_kind_valid"`,
      `ALTER TABLE "notification" ADD CONSTRAINT "notification_kind_valid" CHECK ("kind" IN ('topic_screened', 'consultation_opened', 'phase_changed', 'comment_replied', 'comment_hidden', 'comment_period_ending', 'draft_published', 'briefing_cancelled', 'vote_opened', 'vote_result', 'vote_final', 'roll_unlinked', 'session_announced', 'minutes_published', 'follow_up_overdue', 'vote_reminder', 'password_reset_in_person'))`,
    ]);
  });

  it('adds kinds at the end of the list, and each down gives back the list its up found', async () => {
    let current: string[] = [];
    const changes: string[] = [];
    for (const Migration of MIGRATIONS) {
      const migration = new Migration();
      const ups = await kindLists((r) => migration.up(r));
      if (ups.length === 0) continue;
      const after = ups.at(-1)!;
      expect({ migration: migration.name, keeps: after.slice(0, current.length) }).toEqual({ migration: migration.name, keeps: current });
      if (current.length > 0) expect({ migration: migration.name, down: await kindLists((r) => migration.down(r)) }).toEqual({ migration: migration.name, down: [current] });
      changes.push(migration.name);
      current = after;
    }
    expect(changes.length).toBeGreaterThanOrEqual(8);
    // The API writes no kind the database refuses, and the database allows none the API never writes.
    expect([...current].sort()).toEqual([...NOTIFICATION_KINDS].sort());
  });
});
