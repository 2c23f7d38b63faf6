/**
 * The migration that makes one account one person, on a roll where the defect it closes already
 * happened: an account linked to three owners of one compound keeps the link made first, loses
 * the others, and each undone link is in the audit trail for staff to follow up.
 */
import type { DataSource } from 'typeorm';
import { MIGRATIONS } from '@yishi/migrations';
import { createTestDatabase } from '../../test/test-app';
import { createDataSource } from '../database/data-source';
import { seedDemoData } from '../seed/seed-demo';

describe('migration OneAccountOnePerson', () => {
  let database: { url: string; drop(): Promise<void> };
  let ds: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    ds = createDataSource(database.url);
    await ds.initialize();
    await seedDemoData(ds);
  });
  afterAll(async () => {
    await ds.destroy();
    await database.drop();
  });

  it('keeps the first link of an account holding several people of a roll, and audits the others', async () => {
    const Migration = MIGRATIONS.find((m) => m.name === 'OneAccountOnePerson1796396503485')!;
    const migration = new Migration();
    const runner = ds.createQueryRunner();
    await runner.connect();
    try {
      await migration.down(runner);
      const [head] = await ds.query<{ id: string }[]>(`SELECT id FROM app_user WHERE phone = '13800000007'`);
      const [own] = await ds.query<{ id: string; unit_id: string }[]>(`SELECT id, unit_id FROM owner WHERE user_id = $1`, [head!.id]);
      const others = await ds.query<{ id: string }[]>(`SELECT id FROM owner WHERE unit_id = $1 AND kind = 'person' AND user_id IS NULL ORDER BY name LIMIT 2`, [own!.unit_id]);
      // The attack as it was possible before: two more owners redeemed on the head's account.
      for (const other of others) {
        await ds.query(`UPDATE owner SET user_id = $1 WHERE id = $2`, [head!.id, other.id]);
        await ds.query(`INSERT INTO audit_entry (actor_id, node_id, action, entity_type, entity_id, after) VALUES ($1, $2, 'roll.link', 'owner', $3, '{}')`, [head!.id, own!.unit_id, other.id]);
      }

      await migration.up(runner);

      const linked = await ds.query<{ id: string }[]>(`SELECT id FROM owner WHERE user_id = $1`, [head!.id]);
      expect(linked.map((o) => o.id)).toEqual([own!.id]);
      const undone = await ds.query<{ entity_id: string; before: { userId: string } }[]>(
        `SELECT entity_id, before FROM audit_entry WHERE action = 'roll.unlink' ORDER BY entity_id`,
      );
      expect(undone.map((a) => a.entity_id).sort()).toEqual(others.map((o) => o.id).sort());
      expect(undone.every((a) => a.before.userId === head!.id)).toBe(true);
    } finally {
      await runner.release();
    }
  });
});
