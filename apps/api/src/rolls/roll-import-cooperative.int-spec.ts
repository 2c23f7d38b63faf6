import type { TestApp } from '../../test/test-app';
import { startTestApp } from '../../test/test-app';
import { HttpSession } from '../../test/http-session';
import { cookieOf, COOPERATIVE_HEADER, count, csv, download, gbkCsv, readXlsx, upload, xlsx } from '../../test/rolls';
import { DEMO_PASSWORD } from '../seed/demo-data';
import { seedDemoData } from '../seed/seed-demo';
import type { RollImportCommitDto, RollImportPreviewDto, RollRevisionListDto } from './dto/rolls.dto';
import { idNumberCheckCharacter } from './import/id-number';

/** A valid 18-digit identity number born on `birth` (YYYYMMDD) with sequence `seq`. */
function idNumber(birth: string, seq: string): string {
  const first17 = `440605${birth}${seq}`;
  return first17 + idNumberCheckCharacter(first17);
}

const ROLL = [
  COOPERATIVE_HEADER,
  ['TC-001', '试验村1巷1号', '陈大文', '1956-03-02', idNumber('19560302', '123'), '是', '是', '是', '13900000101'],
  ['TC-001', '', '陈小文', '1985-07-19', '', '否', '否', '否', ''],
  ['TC-001', '', '陈细妹', '2015-01-09', '', '否', '否', '否', ''],
  ['TC-002', '试验村2巷8号', '李桂英', '1941-12-30', idNumber('19411230', '246'), '是', '否', '', '13900000102'],
  ['TC-002', '试验村2巷8号', '李国强', '1970-05-05', '', '否', '是', '否', '139 0000 0103'],
  ['TC-003', '试验村3巷3号', '=HYPERLINK("http://x")', '1990-10-10', '', '是', '是', '否', ''],
];

describe('importing a cooperative roll', () => {
  let t: TestApp;
  let staff: HttpSession;
  let unit: string;
  const preview = (name: string, bytes: Buffer) => upload<RollImportPreviewDto>(staff, `/api/units/${unit}/roll/imports`, { name, bytes });
  const commit = (importId: string) => staff.post<RollImportCommitDto>(`/api/units/${unit}/roll/imports/${importId}/commit`);

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.dataSource);
    // A cooperative of its own, under 中区社区, whose staff is 13800000003.
    const [row] = await t.dataSource.query<{ id: string }[]>(
      `INSERT INTO org_node (kind, code, name, parent_id) SELECT 'cooperative', 'test-coop', '试验经济社', id FROM org_node WHERE code = 'zhongqu' RETURNING id`,
    );
    unit = row!.id;
    staff = await HttpSession.signedIn(t.baseUrl, '13800000003', DEMO_PASSWORD);
  });
  afterAll(() => t.close());

  it('reports every bad row, by row and column, and saves nothing', async () => {
    const broken = [
      COOPERATIVE_HEADER,
      ['TC-001', '试验村1巷1号', '陈大文', '1956-03-02', '440605195603021234', '是', '是', '是', '13900000101'],
      ['TC-001', '', '陈小文', '1985-02-30', '', '是', '否', '否', ''],
      ['TC-001', '', '', '2015-01-09', '', '否', '否', '否', '12345'],
      ['TC-002', '试验村2巷8号', '李桂英', '1941-12-30', '', '是', '是', '也许', ''],
      ['TC-002', '另一个地址', '李国强', '1970-05-05', '', '否', '否', '否', ''],
      ['TC-003', '', '王小明', '2012-04-04', '', '是', '是', '否', ''],
    ];
    const res = await preview('roll.csv', csv(broken));
    expect(res.status).toBe(200);
    expect(res.body.valid).toBe(false);
    expect(res.body.importId).toBeNull();
    const found = res.body.problems.map((p) => [p.row, p.column, p.code]);
    // Row numbers as Excel shows them: the header is row 1.
    expect(found).toEqual([
      [2, '身份证号', 'INVALID_ID_NUMBER'],
      [3, '出生日期', 'INVALID_DATE'],
      [3, '户主', 'HOUSEHOLD_HEAD_COUNT'],
      [4, '姓名', 'REQUIRED'],
      [4, '手机', 'INVALID_PHONE'],
      [5, '成员代表', 'INVALID_YES_NO'],
      [6, '地址', 'INCONSISTENT_HOUSEHOLD'],
      [7, '户代表', 'REPRESENTATIVE_NOT_OF_AGE'],
    ]);
    expect(res.body.problems[0]!.reason).toBe('身份证号无效：最后一位校验码不对，可能有数字抄错了。');
    expect(res.body.problemCount).toBe(res.body.problems.length);
    for (const p of res.body.problems) {
      expect(p.reason).toMatch(/[\u4e00-\u9fff]/);
      expect(p.reasonEn).toMatch(/[a-z]/);
    }
    expect(await count(t.dataSource, 'roll_revision WHERE unit_id = $1', [unit])).toBe(0);
    expect(await count(t.dataSource, 'household WHERE unit_id = $1', [unit])).toBe(0);
    expect(await count(t.dataSource, 'roll_import WHERE unit_id = $1', [unit])).toBe(0);
  });

  it('imports the fixed file fully, as revision 1, in one go', async () => {
    const res = await preview('试验经济社名册.csv', csv(ROLL, { bom: true }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ valid: true, encoding: 'utf-8', format: 'csv', dataRows: 6, hasChanges: true, baseRevision: null, fileName: '试验经济社名册.csv' });
    expect(res.body.summary).toEqual([
      { kind: 'household', added: 3, changed: 0, removed: 0, unchanged: 0 },
      { kind: 'member', added: 6, changed: 0, removed: 0, unchanged: 0 },
    ]);
    // Nothing on the roll until the commit.
    expect(await count(t.dataSource, 'member WHERE unit_id = $1', [unit])).toBe(0);

    const done = await commit(res.body.importId!);
    expect(done.status).toBe(200);
    expect(done.body.revision).toMatchObject({ number: 1, source: 'import', fileName: '试验经济社名册.csv', summary: { counts: { households: 3, members: 6 } } });
    expect(await count(t.dataSource, 'member WHERE unit_id = $1 AND removed_revision_id IS NULL', [unit])).toBe(6);
    // Only the keyed hash and the last four of an identity number are stored.
    const [chen] = await t.dataSource.query<{ id_number_hash: string; id_last4: string }[]>(`SELECT id_number_hash, id_last4 FROM member WHERE name = '陈大文'`);
    expect(chen!.id_last4).toBe(idNumber('19560302', '123').slice(-4));
    expect(chen!.id_number_hash).toMatch(/^[0-9a-f]{64}$/);
    const everything = JSON.stringify(await t.dataSource.query(`SELECT * FROM member WHERE unit_id = $1`, [unit]));
    expect(everything).not.toContain(idNumber('19560302', '123'));
    expect(JSON.stringify(await t.dataSource.query(`SELECT plan FROM roll_import`))).not.toContain(idNumber('19560302', '123'));
    // Each added row is in the audit trail (one entry per kind of row), with the import itself.
    const added = await t.dataSource.query<{ entity_type: string; entity_id: string; after: { revision: number; count: number; rows: { label: string }[] } }[]>(
      `SELECT entity_type, entity_id, after FROM audit_entry WHERE node_id = $1 AND action = 'roll.add' ORDER BY id`,
      [unit],
    );
    expect(added.map((a) => [a.entity_type, a.entity_id, a.after.revision, a.after.count, a.after.rows.length])).toEqual([
      ['household', done.body.revision!.id, 1, 3, 3],
      ['member', done.body.revision!.id, 1, 6, 6],
    ]);
    expect(added[1]!.after.rows[0]).toMatchObject({ label: 'TC-001 陈大文', hasIdNumber: true, idLast4: idNumber('19560302', '123').slice(-4) });
    expect(JSON.stringify(added)).not.toMatch(/"idNumberHash"|[0-9a-f]{64}"/);
    expect(await count(t.dataSource, `audit_entry WHERE node_id = $1 AND action = 'roll.import'`, [unit])).toBe(1);
  });

  it('changes nothing when the same file comes again, as CSV, GBK CSV or XLSX', async () => {
    for (const [name, bytes, encoding] of [
      ['again.csv', csv(ROLL, { bom: true }), 'utf-8'],
      ['no-bom.csv', csv(ROLL), 'utf-8'],
      ['excel-gbk.csv', gbkCsv(ROLL), 'gb18030'],
      ['roll.xlsx', await xlsx(ROLL), null],
    ] as const) {
      const res = await preview(name, bytes);
      expect([name, res.body.valid, res.body.hasChanges, res.body.encoding]).toEqual([name, true, false, encoding]);
      expect(res.body.summary.map((s) => s.unchanged)).toEqual([3, 6]);
      const done = await commit(res.body.importId!);
      expect(done.body).toMatchObject({ revision: null });
    }
    const revisions = await staff.get<RollRevisionListDto>(`/api/units/${unit}/roll/revisions`);
    expect(revisions.body.items.map((r) => r.number)).toEqual([1]);
  });

  it('exports with formulas neutralised and identity numbers as last four, and the export imports back unchanged', async () => {
    const exported = await download(staff, `/api/units/${unit}/roll/export?format=csv`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(exported.headers.get('content-disposition')).toMatch(/filename\*=UTF-8''/);
    const text = exported.bytes.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('身份证号后四位');
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(text).not.toContain(idNumber('19560302', '123'));
    expect(text).toContain(idNumber('19560302', '123').slice(-4));

    const back = await preview('export.csv', exported.bytes);
    expect(back.body).toMatchObject({ valid: true, hasChanges: false });

    const workbook = await download(staff, `/api/units/${unit}/roll/export?format=xlsx`);
    const rows = await readXlsx(workbook.bytes);
    expect(rows[0]).toContain('身份证号后四位');
    expect(rows.flat()).toContain(`'=HYPERLINK("http://x")`);
    const again = await preview('export.xlsx', workbook.bytes);
    expect(again.body).toMatchObject({ valid: true, hasChanges: false });
  });

  it('applies a new version as one revision: people keep their rows (and links) through moves and role swaps', async () => {
    const resident = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM app_user WHERE phone = '13800000011'`);
    // 陈细妹 (to leave the roll) is linked to an account; 陈大文 (to stay) has a live letter.
    await t.dataSource.query(`UPDATE member SET user_id = $1 WHERE name = '陈细妹'`, [resident[0]!.id]);
    const ids = Object.fromEntries(
      (await t.dataSource.query<{ id: string; name: string }[]>(`SELECT id, name FROM member WHERE unit_id = $1`, [unit])).map((r) => [r.name, r.id]),
    );
    const me = await HttpSession.signedIn(t.baseUrl, '13800000011', DEMO_PASSWORD);
    const before = await me.get<{ households: { householdNumber: string }[] }>('/api/me/roll');
    expect(before.body.households.map((h) => h.householdNumber)).toContain('TC-001');

    const next = [
      COOPERATIVE_HEADER,
      ['TC-001', '试验村1巷1号', '陈大文', '1956-03-02', idNumber('19560302', '123'), '是', '否', '是', '13900000111'],
      ['TC-001', '', '陈小文', '1985-07-19', '', '否', '是', '否', ''],
      ['TC-002', '试验村2巷8号', '李桂英', '1941-12-30', idNumber('19411230', '246'), '是', '是', '', '13900000102'],
      ['TC-004', '试验村4巷4号', '李国强', '1970-05-05', '', '是', '是', '否', '13900000103'],
      ['TC-004', '', '李小龙', '1999-09-09', idNumber('19990909', '111'), '否', '否', '否', ''],
    ];
    const res = await preview('v2.xlsx', await xlsx(next));
    expect(res.body.valid).toBe(true);
    expect(res.body.baseRevision).toBe(1);
    expect(res.body.summary).toEqual([
      { kind: 'household', added: 1, changed: 0, removed: 1, unchanged: 2 },
      { kind: 'member', added: 1, changed: 4, removed: 2, unchanged: 0 },
    ]);
    expect(res.body.linkedPeopleRemoved).toBe(1);
    expect(res.body.changes).toEqual(
      expect.arrayContaining([
        { kind: 'member', op: 'change', label: 'TC-004 李国强', fields: ['householdNumber', 'isHouseholdHead'], linked: false, liveInvitation: false },
        { kind: 'member', op: 'change', label: 'TC-001 陈大文', fields: ['isHouseholdRepresentative', 'phone'], linked: false, liveInvitation: false },
        { kind: 'member', op: 'remove', label: 'TC-001 陈细妹', fields: [], linked: true, liveInvitation: false },
        { kind: 'household', op: 'remove', label: 'TC-003', fields: [], linked: false, liveInvitation: false },
      ]),
    );
    // The stored preview can be read again (a reloaded page).
    const again = await staff.get<RollImportPreviewDto>(`/api/units/${unit}/roll/imports/${res.body.importId}`);
    expect(again.body).toMatchObject({ importId: res.body.importId, summary: res.body.summary, committed: false });

    const done = await commit(res.body.importId!);
    expect(done.body.revision).toMatchObject({ number: 2, summary: { counts: { households: 3, members: 5 } } });
    const rows = await t.dataSource.query<{ id: string; name: string; removed: number | null; household: string }[]>(
      `SELECT m.id, m.name, r.number AS removed, h.number AS household FROM member m JOIN household h ON h.id = m.household_id
         LEFT JOIN roll_revision r ON r.id = m.removed_revision_id WHERE m.unit_id = $1 ORDER BY m.name`,
      [unit],
    );
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    // The same rows: 李国强 moved household and kept his id; the leavers are marked, not deleted.
    expect(byName['李国强']).toMatchObject({ id: ids['李国强'], household: 'TC-004', removed: null });
    expect(byName['陈大文']).toMatchObject({ id: ids['陈大文'], removed: null });
    expect(byName['陈细妹']).toMatchObject({ id: ids['陈细妹'], removed: 2 });
    expect(byName['=HYPERLINK("http://x")']).toMatchObject({ removed: 2 });
    const [tc003] = await t.dataSource.query<{ removed: number }[]>(
      `SELECT r.number AS removed FROM household h JOIN roll_revision r ON r.id = h.removed_revision_id WHERE h.number = 'TC-003'`,
    );
    expect(tc003!.removed).toBe(2);
    // The change is in the audit trail with before and after, under the revision.
    const [change] = await t.dataSource.query<{ entity_id: string; before: { rows: unknown[] }; after: { revision: number; rows: unknown[] } }[]>(
      `SELECT entity_id, before, after FROM audit_entry WHERE node_id = $1 AND action = 'roll.change' AND entity_type = 'member'`,
      [unit],
    );
    expect(change!.entity_id).toBe(done.body.revision!.id);
    expect(change!.after.revision).toBe(2);
    expect(change!.before.rows).toContainEqual({ id: ids['李国强'], label: 'TC-004 李国强', householdNumber: 'TC-002', isHouseholdHead: false });
    expect(change!.after.rows).toContainEqual({ id: ids['李国强'], label: 'TC-004 李国强', fields: ['householdNumber', 'isHouseholdHead'], householdNumber: 'TC-004', isHouseholdHead: true });
    const [removal] = await t.dataSource.query<{ before: { rows: { id: string }[] } }[]>(
      `SELECT before FROM audit_entry WHERE node_id = $1 AND action = 'roll.remove' AND entity_type = 'member'`,
      [unit],
    );
    expect(removal!.before.rows.map((r) => r.id).sort()).toEqual([ids['陈细妹'], ids['=HYPERLINK("http://x")']].sort());
    // The linked resident who left no longer sees that household.
    const after = await me.get<{ households: { householdNumber: string }[] }>('/api/me/roll');
    expect(after.body.households.map((h) => h.householdNumber)).not.toContain('TC-001');
    // The tree counts the current roll only.
    const tree = await staff.get<{ children: { children: { code: string; stats?: { households?: number; members?: number } }[] }[] }[]>('/api/organizations/tree');
    const node = tree.body[0]!.children.flatMap((c) => c.children).find((n) => n.code === 'test-coop');
    expect(node!.stats).toMatchObject({ households: 3, members: 5 });
  });

  it('refuses to commit a preview once the roll has moved on, or twice', async () => {
    const v3 = [
      COOPERATIVE_HEADER,
      ['TC-001', '试验村1巷1号', '陈大文', '1956-03-02', '', '是', '否', '是', '13900000111'],
      ['TC-001', '', '陈小文', '1985-07-19', '', '否', '是', '否', '13900000112'],
      ['TC-002', '试验村2巷8号', '李桂英', '1941-12-30', '', '是', '是', '', '13900000102'],
      ['TC-004', '试验村4巷4号', '李国强', '1970-05-05', '', '是', '是', '否', '13900000103'],
      ['TC-004', '', '李小龙', '1999-09-09', '', '否', '否', '否', ''],
    ];
    const first = await preview('v3a.csv', csv(v3));
    const second = await preview('v3b.csv', csv(v3.map((r) => (r[2] === '李小龙' ? [...r.slice(0, 8), '13900000113'] : r))));
    expect([first.body.hasChanges, second.body.hasChanges]).toEqual([true, true]);
    expect((await commit(second.body.importId!)).body.revision).toMatchObject({ number: 3 });
    const stale = await commit(first.body.importId!);
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'ROLL_CHANGED', details: { currentRevision: 3 } });
    const twice = await commit(second.body.importId!);
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'ROLL_IMPORT_CLOSED' });
    // An empty identity-number cell kept the stored numbers.
    expect(await count(t.dataSource, `member WHERE unit_id = $1 AND removed_revision_id IS NULL AND id_number_hash IS NOT NULL`, [unit])).toBe(3);
  });

  it('accepts only the last four that the roll holds, and never for someone new', async () => {
    const exported = await download(staff, `/api/units/${unit}/roll/export?format=csv`);
    const lines = exported.bytes.toString('utf8').replace(/^\ufeff/, '').trim().split('\r\n');
    const chenLast4 = idNumber('19560302', '123').slice(-4);
    const tampered = lines
      .map((line) => (line.includes('陈大文') ? line.replace(chenLast4, '9999') : line))
      .concat(['TC-005,试验村5巷5号,周新人,1980-01-01,1234,是,是,否,'])
      .join('\r\n');
    const res = await preview('tampered.csv', Buffer.from(tampered, 'utf8'));
    expect(res.body.valid).toBe(false);
    expect(res.body.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, '身份证号', 'ID_LAST4_MISMATCH'],
      [7, '身份证号', 'ID_LAST4_UNKNOWN'],
    ]);
  });

  it('answers files it cannot take with the standard error body', async () => {
    const json = await staff.post<{ code: string }>(`/api/units/${unit}/roll/imports`, { file: 'roll.csv' });
    expect([json.status, json.body.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    const huge = await preview('huge.csv', Buffer.alloc(10 * 1024 * 1024 + 1, 0x41));
    expect([huge.status, (huge.body as unknown as { code: string }).code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const xls = await preview('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]));
    expect([xls.status, (xls.body as unknown as { code: string }).code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    const pdf = await preview('scan.pdf', Buffer.from('%PDF-1.4'));
    expect(pdf.status).toBe(415);
    const broken = await preview('broken.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 1)]));
    expect([broken.status, (broken.body as unknown as { code: string }).code]).toEqual([400, 'ROLL_FILE_UNREADABLE']);
    const binary = await preview('garbage.csv', Buffer.from([0xff, 0x00, 0xfe, 0x81, 0x00, 0x30]));
    expect(binary.status).toBe(400);
    const empty = await preview('empty.csv', Buffer.alloc(0));
    expect([empty.status, (empty.body as unknown as { code: string }).code]).toEqual([400, 'ROLL_FILE_UNREADABLE']);
    const compoundFile = await preview('compound.csv', csv([['楼栋', '房号', '类型', '面积', '面积来源', '身份', '姓名'], ['1栋', '1-101', '住宅', '89.5', '实测', '业主', '张三']]));
    expect(compoundFile.body.problems.map((p) => p.code)).toEqual(['WRONG_ROLL_KIND']);
    const noHeader = await preview('no-header.csv', csv([['a', 'b'], ['1', '2']]));
    expect(noHeader.body.problems.map((p) => [p.row, p.code])).toEqual([[1, 'HEADER_NOT_FOUND']]);
    const headerOnly = await preview('header-only.csv', csv([COOPERATIVE_HEADER]));
    expect(headerOnly.body.problems.map((p) => [p.row, p.code])).toEqual([[2, 'FILE_EMPTY']]);
    // Signed in but without the CSRF header (a cross-site form), or not signed in: refused before the file is read.
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(csv(ROLL))]), 'roll.csv');
    const noCsrf = await fetch(`${t.baseUrl}/api/units/${unit}/roll/imports`, { method: 'POST', body: form, headers: { cookie: cookieOf(staff) } });
    expect(noCsrf.status).toBe(403);
    expect(((await noCsrf.json()) as { code: string }).code).toBe('CSRF_FAILED');
    const anonymous = await fetch(`${t.baseUrl}/api/units/${unit}/roll/imports`, { method: 'POST', body: form });
    expect(anonymous.status).toBe(401);
  });
});
