import type { TestApp } from './test-app';

/** Publishes a one-clause version straight into the database (the drafts API has its own tests). */
export async function publishSimpleVersion(t: TestApp, consultationId: string, userPhone = '13800000006'): Promise<string> {
  const [user] = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM app_user WHERE phone = $1`, [userPhone]);
  const [version] = await t.dataSource.query<{ id: string }[]>(
    `INSERT INTO draft_version (consultation_id, number, title, created_by) VALUES ($1, 1, '草案', $2) RETURNING id`,
    [consultationId, user!.id],
  );
  await t.dataSource.query(`INSERT INTO clause (version_id, number, body) VALUES ($1, 1, '第一条 正文。')`, [version!.id]);
  await t.dataSource.query(`UPDATE draft_version SET published_at = now(), published_by = $2 WHERE id = $1`, [version!.id, user!.id]);
  return version!.id;
}
