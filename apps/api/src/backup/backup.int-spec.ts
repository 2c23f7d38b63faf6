/**
 * Nothing lost when a disk dies: a backup taken while owners are casting holds every ballot
 * acknowledged before it began, restores into an empty database and storage folder, and there the
 * closed vote's recount kit still verifies and the uploaded document is byte for byte the same. A
 * backup file changed after it was written, or a database that is not empty, is refused.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ErrorBody } from '@yishi/contracts';
import { CSRF_HEADER } from '@yishi/contracts';
import { recount } from '@yishi/domain';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { Client } from 'pg';
import { HttpSession } from '../../test/http-session';
import { createEmptyDatabase, dropDatabase } from '../../test/postgres';
import { cookieOf, download } from '../../test/rolls';
import type { TestApp } from '../../test/test-app';
import { startTestApp, TEST_SECRET } from '../../test/test-app';
import { createApp } from '../app.factory';
import { loadEnv } from '../config/env';
import { kitFiles } from '../../test/vote-fixtures';
import type { SyntheticCompound } from '../bench/synthetic-compound';
import { seedSyntheticCompound } from '../bench/synthetic-compound';
import { MIGRATIONS } from '@yishi/migrations';
import { runMigrations } from '../database/migrate';
import { onClient } from '../database/pooled';
import type { CastReceiptDto, UploadedVoteFileDto, VoteDetailDto } from '../votes/lifecycle/dto/vote.dto';
import { SealingService } from '../votes/sealing/sealing.service';
import { BackupError, readArchive, restoreBackup, writeBackup } from './backup-archive';

const PDF = Buffer.from('%PDF-1.4\n% 御水岸门禁系统更换报价单 180,000 元\n%%EOF\n', 'utf8');

describe('backup and restore of a running instance', () => {
  let t: TestApp;
  let pg: Client;
  let compound: SyntheticCompound;
  let convenor: HttpSession;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-backup-'));
  const storageA = path.join(folder, 'uploads-a');
  const storageB = path.join(folder, 'uploads-b');
  const restored: { name: string; url: string }[] = [];

  beforeAll(async () => {
    t = await startTestApp({ STORAGE_DIR: storageA });
    pg = new Client({ connectionString: t.databaseUrl });
    await pg.connect();
    compound = await seedSyntheticCompound(onClient(pg), { units: 300, code: 'backup-300', perBuilding: 100 });
    convenor = HttpSession.withToken(t.baseUrl, compound.convenor.token, compound.convenor.csrfToken);
  });
  afterAll(async () => {
    await pg.end();
    await t.close();
    for (const db of restored) await dropDatabase(process.env['YISHI_TEST_ADMIN_URL']!, db.name);
    fs.rmSync(folder, { recursive: true, force: true });
  });

  const openPoll = async (title: string, closesInMs: number, attachments: unknown[] = []): Promise<VoteDetailDto> => {
    const now = Date.now();
    const created = await convenor.post<VoteDetailDto>(`/api/units/${compound.unitId}/votes`, {
      title,
      question: '是否倾向更换为刷卡加人脸识别的门禁？',
      ruleSet: 'simple-majority',
      matterKinds: ['other'],
      opensAt: new Date(now).toISOString(),
      closesAt: new Date(now + closesInMs).toISOString(),
      attachments,
    });
    expect(created.status).toBe(201);
    expect((await convenor.post(`/api/votes/${created.body.id}/open`)).status).toBe(204);
    return created.body;
  };
  const cast = (voterIndex: number, voteId: string) => {
    const voter = compound.voters[voterIndex]!;
    return HttpSession.withToken(t.baseUrl, voter.token, voter.csrfToken).post<CastReceiptDto & ErrorBody>(`/api/votes/${voteId}/ballots`, { choice: voterIndex % 2 ? 'approve' : 'oppose' });
  };

  it('keeps every ballot acknowledged before the backup, the uploaded document and a recount kit that verifies', async () => {
    // A document uploaded and announced with a poll that has closed and been counted.
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), 'quote.pdf');
    const uploadRes = await fetch(`${t.baseUrl}/api/units/${compound.unitId}/vote-attachments`, {
      method: 'POST',
      headers: { cookie: cookieOf(convenor), [CSRF_HEADER]: convenor.csrfToken ?? '', accept: 'application/json' },
      body: form,
    });
    expect(uploadRes.status).toBe(201);
    const uploaded = (await uploadRes.json()) as UploadedVoteFileDto;
    const closed = await openPoll('已结束的门禁意向', 4000, [{ fileId: uploaded.fileId, title: '门禁报价单' }]);
    for (let i = 0; i < 20; i++) expect((await cast(i, closed.id)).status).toBe(200);
    const sealing = t.app.get(SealingService);
    await sealing.sealAll();
    await new Promise((r) => setTimeout(r, 4500));
    expect(await sealing.closeDue(new Date())).toBe(1);
    const kitBefore = await download(convenor, `/api/votes/${closed.id}/recount-kit`);
    expect(kitBefore.status).toBe(200);

    // Owners keep casting in the open poll while the backup is taken.
    const open = await openPoll('进行中的门禁意向', 600_000);
    const acknowledged: { receipt: string; at: number }[] = [];
    let next = 20;
    let casting = true;
    const casters = Array.from({ length: 4 }, async () => {
      while (casting && next < compound.voters.length) {
        const res = await cast(next++, open.id);
        if (res.status === 200) acknowledged.push({ receipt: res.body.receipt, at: Date.now() });
      }
    });
    const sealer = (async () => {
      while (casting) {
        await sealing.sealAll();
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    while (acknowledged.length < 30) await new Promise((r) => setTimeout(r, 10));
    const backupStarted = Date.now();
    const file = path.join(folder, 'backup.zip');
    const manifest = await writeBackup(t.databaseUrl, storageA, file);
    casting = false;
    await Promise.all([...casters, sealer]);
    const before = acknowledged.filter((a) => a.at < backupStarted).map((a) => a.receipt);
    expect(before.length).toBeGreaterThanOrEqual(30);
    expect(manifest.missingFiles).toEqual([]);
    expect(manifest.files).toHaveLength(1);
    expect(manifest.tables.find((x) => x.name === 'ballot')!.rows).toBeGreaterThanOrEqual(20 + before.length);

    // Into an empty database and storage folder.
    const target = await createEmptyDatabase(process.env['YISHI_TEST_ADMIN_URL']!, 'yishi_restore');
    restored.push(target);
    const summary = await restoreBackup(target.url, storageB, file);
    expect(summary.files).toBe(1);
    expect(summary.migratedAfter).toEqual([]);
    const b = new Client({ connectionString: target.url });
    await b.connect();
    try {
      const receipts = new Set((await b.query<{ receipt: string }>(`SELECT receipt FROM ballot WHERE vote_id = $1`, [open.id])).rows.map((r) => r.receipt));
      // Every ballot acknowledged before the backup began is there; nothing that was never acknowledged.
      expect(before.filter((r) => !receipts.has(r))).toEqual([]);
      const all = new Set(acknowledged.map((a) => a.receipt));
      expect([...receipts].filter((r) => !all.has(r))).toEqual([]);
      // The same rows as the snapshot, table by table.
      for (const table of manifest.tables) {
        const [{ n }] = (await b.query<{ n: string }>(`SELECT count(*) AS n FROM "${table.name}"`)).rows as [{ n: string }];
        expect({ table: table.name, rows: Number(n) }).toEqual({ table: table.name, rows: table.rows });
      }
      // New rows get identities after the restored ones.
      const [seq] = (await b.query<{ next: string; max: string }>(`SELECT nextval(pg_get_serial_sequence('vote_cast', 'id')) AS next, (SELECT max(id) FROM vote_cast) AS max`)).rows;
      expect(BigInt(seq!.next)).toBeGreaterThan(BigInt(seq!.max));
    } finally {
      await b.end();
    }

    // The restored instance serves the closed vote's recount kit, and it verifies.
    const app = await createApp({ env: { ...loadEnv({}), LOG_LEVEL: 'error', DEMO_DATA: false, PORT: 0, JOBS: false, STORAGE_DIR: storageB }, databaseUrl: target.url, secret: TEST_SECRET });
    await app.listen(0, '127.0.0.1');
    try {
      const { port } = app.getHttpServer().address() as { port: number };
      const there = HttpSession.withToken(`http://127.0.0.1:${port}`, compound.convenor.token, compound.convenor.csrfToken);
      const kit = await download(there, `/api/votes/${closed.id}/recount-kit`);
      expect(kit.status).toBe(200);
      const report = recount(kitFiles(kit.bytes));
      expect(report.discrepancy).toBeNull();
      expect(report.ok).toBe(true);
      expect(kitFiles(kit.bytes)).toEqual(kitFiles(kitBefore.bytes));
      const detail = await there.get<VoteDetailDto>(`/api/votes/${closed.id}`);
      const doc = await download(there, detail.body.attachments[0]!.url);
      expect(doc.status).toBe(200);
      expect(doc.bytes.equals(PDF)).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('refuses a backup changed after it was written, and a database that is not empty', async () => {
    const file = path.join(folder, 'small.zip');
    await writeBackup(t.databaseUrl, storageA, file);
    const entries = unzipSync(fs.readFileSync(file));
    const ballots = Buffer.from(entries['db/ballot.jsonl']!).toString('utf8');
    const tampered = path.join(folder, 'tampered.zip');
    fs.writeFileSync(tampered, zipSync({ ...entries, 'db/ballot.jsonl': strToU8(`${ballots}${ballots.split('\n')[0] ?? '{}'}\n`) }));
    expect(() => readArchive(tampered)).toThrow(/db\/ballot\.jsonl does not match its SHA-256/);
    const extra = path.join(folder, 'extra.zip');
    fs.writeFileSync(extra, zipSync({ ...entries, 'db/ghost.jsonl': strToU8('{}\n') }));
    expect(() => readArchive(extra)).toThrow(/db\/ghost\.jsonl is not in the manifest/);
    // The database it came from is not empty.
    await expect(restoreBackup(t.databaseUrl, path.join(folder, 'uploads-c'), file)).rejects.toThrow(BackupError);
    await expect(restoreBackup(t.databaseUrl, path.join(folder, 'uploads-c'), file)).rejects.toThrow(/not empty/);
  });

  it('brings a backup of an older schema forward with this build’s newer migrations', async () => {
    const admin = process.env['YISHI_TEST_ADMIN_URL']!;
    const old = await createEmptyDatabase(admin, 'yishi_old');
    const target = await createEmptyDatabase(admin, 'yishi_restore');
    restored.push(old, target);
    const all = MIGRATIONS.map((Migration) => new Migration().name);
    const older = all.slice(0, all.length - 2);
    await runMigrations(old.url, older);
    const file = path.join(folder, 'older.zip');
    expect((await writeBackup(old.url, storageA, file)).migrations).toEqual(older);
    const summary = await restoreBackup(target.url, path.join(folder, 'uploads-d'), file);
    expect(summary.migratedAfter).toEqual(all.slice(-2));
    // A backup of a schema this build does not know (a newer Yishi) is refused before anything is written.
    const entries = unzipSync(fs.readFileSync(file));
    const manifest = JSON.parse(Buffer.from(entries['manifest.json']!).toString('utf8')) as { migrations: string[] };
    const newer = path.join(folder, 'newer.zip');
    fs.writeFileSync(newer, zipSync({ ...entries, 'manifest.json': strToU8(JSON.stringify({ ...manifest, migrations: [...all, 'FromTheFuture1899999999999'] })) }));
    const fresh = await createEmptyDatabase(admin, 'yishi_restore');
    restored.push(fresh);
    await expect(restoreBackup(fresh.url, path.join(folder, 'uploads-e'), newer)).rejects.toThrow(/newer or a different Yishi/);
  });
});
