import type { TestApp } from '../../test/test-app';
import { startTestApp } from '../../test/test-app';
import { HttpSession } from '../../test/http-session';
import { COMPOUND_HEADER, count, csv, download, readXlsx, unitId, upload, xlsx } from '../../test/rolls';
import { DEMO_PASSWORD } from '../seed/demo-data';
import { seedDemoData } from '../seed/seed-demo';
import type { RollExclusiveUnitPageDto, RollImportCommitDto, RollImportPreviewDto } from './dto/rolls.dto';
import { idNumberCheckCharacter } from './import/id-number';

function idNumber(birth: string, seq: string): string {
  const first17 = `440605${birth}${seq}`;
  return first17 + idNumberCheckCharacter(first17);
}

const ZHANG = idNumber('19750808', '135');
const WANG = idNumber('19800101', '246');
const DEV = '佛山某某房地产开发有限公司';

const ROLL = [
  COMPOUND_HEADER,
  ['1栋', '1-101', '住宅', '89.56', '不动产登记', '业主', '张伟', ZHANG, '13900000201', '否', ''],
  ['1栋', '1-102', '住宅', '112.30', '实测', '业主', '王芳', WANG, '', '否', '是'],
  ['1栋', '1-102', '住宅', '112.30', '实测', '业主', '刘洋', '', '13900000202', '否', '否'],
  ['1栋', '1-102', '住宅', '112.30', '实测', '租户', '赵租客', '', '13900000203', '', ''],
  ['1栋', '1-103', '住宅', '112.30', '实测', '业主', '张伟', ZHANG, '13900000201', '否', ''],
  ['1栋', 'S-1', '商铺', '65', '合同', '业主', '张伟', ZHANG, '', '', ''],
  ['2栋', '2-101', '住宅', '89.56', '不动产登记', '业主', DEV, '', '', '是', ''],
  ['2栋', '2-102', '住宅', '89.56', '不动产登记', '业主', DEV, '', '', '是', ''],
  ['', 'P-001', '车位', '12.50', '不动产登记', '业主', DEV, '', '', '是', ''],
  ['', 'P-002', '车位', '12.5', '不动产登记', '业主', '陈车主', '', '', '否', ''],
];

describe('importing a compound roll', () => {
  let t: TestApp;
  let staff: HttpSession;
  let unit: string;
  const preview = (name: string, bytes: Buffer, at = unit) => upload<RollImportPreviewDto>(staff, `/api/units/${at}/roll/imports`, { name, bytes });
  const commit = (importId: string, at = unit) => staff.post<RollImportCommitDto>(`/api/units/${at}/roll/imports/${importId}/commit`);

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.dataSource);
    const [row] = await t.dataSource.query<{ id: string }[]>(
      `INSERT INTO org_node (kind, code, name, parent_id) SELECT 'compound', 'test-compound', '试验花园', id FROM org_node WHERE code = 'daxu' RETURNING id`,
    );
    unit = row!.id;
    staff = await HttpSession.signedIn(t.baseUrl, '13800000004', DEMO_PASSWORD);
  });
  afterAll(() => t.close());

  it('reports the cross-row rules of a compound, at the rows Excel shows (below a title row)', async () => {
    const broken: (string | number)[][] = [
      COMPOUND_HEADER,
      ['1栋', '1-101', '住宅', '89.56', '不动产登记', '业主', '张伟', ZHANG, '13900000201', '否', '否'],
      ['1栋', '1-102', '住宅', '112.30', '实测', '业主', '王芳', WANG, '', '否', '是'],
      ['1栋', '1-102', '住宅', '112.30', '实测', '业主', '刘洋', '', '', '否', '是'],
      ['1栋', '1-102', '住宅', '112.30', '实测', '租户', '赵租客', '', '', '是', ''],
      ['1栋', '1-103', '住宅', '112.30', '实测', '业主', '张三', ZHANG, '', '否', ''],
      ['1栋', '1-103', '别墅', '112.31', '实测', '业主', '李四', 440605197508081350, '', '否', ''],
      ['2栋', '2-101', '住宅', '89.567', '不动产登记', '业主', DEV, WANG, '', '是', ''],
      ['2栋', '2-101', '住宅', '89.56', '不动产登记', '业主', '王五', '', '', '否', ''],
      ['2栋', '2-102', '住宅', '89.56', '不动产登记', '业主', '另一家开发商', '', '', '是', ''],
      ['2栋', '2-103', '住宅', '89.56', '不动产登记', '业主', DEV, '', '', '否', ''],
      ['2栋', '2-104', '住宅', '89.56', '不动产登记', '租户', '孤单租客', '', '', '', '是'],
    ];
    const res = await preview('broken.xlsx', await xlsx(broken, { titleRow: '试验花园业主名册（2026年11月）' }));
    expect(res.body.valid).toBe(false);
    // The title is row 1, the header row 2, data from row 3.
    expect(res.body.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [3, '指定投票人', 'SOLE_OWNER_NOT_VOTER'],
      [5, '指定投票人', 'DESIGNATED_VOTER_COUNT'],
      [6, '身份', 'DEVELOPER_NOT_OWNER'],
      [7, '姓名', 'INCONSISTENT_PERSON'],
      [7, '指定投票人', 'DESIGNATED_VOTER_COUNT'],
      [8, '类型', 'INVALID_CHOICE'],
      [8, '面积', 'INCONSISTENT_UNIT'],
      [8, '身份证号', 'ID_NUMBER_AS_NUMBER'],
      [9, '面积', 'INVALID_AREA'],
      [9, '身份证号', 'DEVELOPER_WITH_ID_NUMBER'],
      [10, '开发商', 'DEVELOPER_CO_OWNED'],
      [11, '姓名', 'DEVELOPER_NAME_MISMATCH'],
      [12, '开发商', 'DEVELOPER_MARKED_AS_PERSON'],
      [13, '身份', 'UNIT_WITHOUT_OWNER'],
      [13, '指定投票人', 'TENANT_CANNOT_VOTE'],
    ]);
    expect(await count(t.dataSource, 'exclusive_unit WHERE unit_id = $1', [unit])).toBe(0);
  });

  it('imports the fixed file: one person per owner however many units, the developer as one', async () => {
    const res = await preview('试验花园.xlsx', await xlsx(ROLL));
    expect(res.body.valid).toBe(true);
    expect(res.body.summary).toEqual([
      { kind: 'building', added: 2, changed: 0, removed: 0, unchanged: 0 },
      { kind: 'exclusive_unit', added: 8, changed: 0, removed: 0, unchanged: 0 },
      { kind: 'owner', added: 5, changed: 0, removed: 0, unchanged: 0 },
      { kind: 'ownership', added: 9, changed: 0, removed: 0, unchanged: 0 },
      { kind: 'tenant', added: 1, changed: 0, removed: 0, unchanged: 0 },
    ]);
    expect((await commit(res.body.importId!)).body.revision).toMatchObject({ number: 1 });
    const owners = await t.dataSource.query<{ name: string; kind: string; units: number; area: number }[]>(
      `SELECT o.name, o.kind, count(*)::int AS units, sum(e.area_centi_m2)::int AS area
         FROM owner o JOIN ownership s ON s.owner_id = o.id JOIN exclusive_unit e ON e.id = s.exclusive_unit_id
        WHERE o.unit_id = $1 GROUP BY o.id ORDER BY o.name`,
      [unit],
    );
    expect(owners).toEqual([
      { name: DEV, kind: 'developer', units: 3, area: 8956 + 8956 + 1250 },
      { name: '刘洋', kind: 'person', units: 1, area: 11230 },
      { name: '张伟', kind: 'person', units: 3, area: 8956 + 11230 + 6500 },
      { name: '王芳', kind: 'person', units: 1, area: 11230 },
      { name: '陈车主', kind: 'person', units: 1, area: 1250 },
    ]);
    expect(await count(t.dataSource, `exclusive_unit WHERE unit_id = $1 AND building_id IS NULL`, [unit])).toBe(2);
    const voters = await t.dataSource.query<{ name: string }[]>(
      `SELECT o.name FROM ownership s JOIN owner o ON o.id = s.owner_id JOIN exclusive_unit e ON e.id = s.exclusive_unit_id
        WHERE e.unit_id = $1 AND e.number = '1-102' AND s.is_designated_voter`,
      [unit],
    );
    expect(voters).toEqual([{ name: '王芳' }]);
  });

  it('changes nothing on the same file, and the export (CSV or XLSX) imports back unchanged', async () => {
    for (const [name, bytes] of [
      ['same.csv', csv(ROLL)],
      ['same.xlsx', await xlsx(ROLL)],
      ['export.csv', (await download(staff, `/api/units/${unit}/roll/export?format=csv`)).bytes],
      ['export.xlsx', (await download(staff, `/api/units/${unit}/roll/export?format=xlsx`)).bytes],
    ] as const) {
      const res = await preview(name, bytes);
      expect([name, res.body.valid, res.body.hasChanges, res.body.problems]).toEqual([name, true, false, []]);
    }
    const rows = await readXlsx((await download(staff, `/api/units/${unit}/roll/export?format=xlsx`)).bytes);
    expect(rows[0]).toEqual(['楼栋', '房号', '类型', '面积', '面积来源', '身份', '姓名', '身份证号后四位', '手机', '开发商', '指定投票人']);
    expect(rows).toContainEqual(['1栋', '1-101', '住宅', '89.56', '不动产登记', '业主', '张伟', ZHANG.slice(-4), '13900000201', '否', '是']);
    expect(rows).toContainEqual(['', 'P-001', '车位', '12.50', '不动产登记', '业主', DEV, '', '', '是', '是']);
  });

  it('applies a new version: a new designated voter, a sale, a corrected area, a tenant leaving, a phone added', async () => {
    const before = await t.dataSource.query<{ id: string; name: string }[]>(`SELECT id, name FROM owner WHERE unit_id = $1`, [unit]);
    const next = [
      COMPOUND_HEADER,
      ['1栋', '1-101', '住宅', '89.56', '不动产登记', '业主', '张伟', ZHANG, '13900000201', '否', ''],
      ['1栋', '1-102', '住宅', '112.30', '实测', '业主', '王芳', WANG, '', '否', '否'],
      ['1栋', '1-102', '住宅', '112.30', '实测', '业主', '刘洋', '', '13900000202', '否', '是'],
      ['1栋', '1-103', '住宅', '112.35', '不动产登记', '业主', '张伟', ZHANG, '13900000201', '否', ''],
      ['1栋', 'S-1', '商铺', '65', '合同', '业主', '孙买家', '', '13900000204', '否', ''],
      ['2栋', '2-101', '住宅', '89.56', '不动产登记', '业主', DEV, '', '', '是', ''],
      ['2栋', '2-102', '住宅', '89.56', '不动产登记', '业主', DEV, '', '', '是', ''],
      ['', 'P-001', '车位', '12.50', '不动产登记', '业主', DEV, '', '', '是', ''],
      ['', 'P-002', '车位', '12.5', '不动产登记', '业主', '陈车主', '', '13900000205', '否', ''],
    ];
    const res = await preview('v2.csv', csv(next));
    expect(res.body.valid).toBe(true);
    expect(res.body.summary).toEqual([
      { kind: 'building', added: 0, changed: 0, removed: 0, unchanged: 2 },
      { kind: 'exclusive_unit', added: 0, changed: 1, removed: 0, unchanged: 7 },
      { kind: 'owner', added: 1, changed: 1, removed: 0, unchanged: 4 },
      { kind: 'ownership', added: 1, changed: 2, removed: 1, unchanged: 6 },
      { kind: 'tenant', added: 0, changed: 0, removed: 1, unchanged: 0 },
    ]);
    expect(res.body.changes).toEqual(
      expect.arrayContaining([
        { kind: 'exclusive_unit', op: 'change', label: '1-103', fields: ['areaCentiM2', 'areaSource'], linked: false, liveInvitation: false },
        { kind: 'owner', op: 'change', label: '陈车主', fields: ['phone'], linked: false, liveInvitation: false },
        { kind: 'ownership', op: 'remove', label: 'S-1 张伟', fields: [], linked: false, liveInvitation: false },
      ]),
    );
    expect((await commit(res.body.importId!)).body.revision).toMatchObject({ number: 2, summary: { counts: { exclusiveUnits: 8, owners: 6, ownerships: 9, tenants: 0 } } });
    const after = await t.dataSource.query<{ id: string; name: string }[]>(`SELECT id, name FROM owner WHERE unit_id = $1 AND removed_revision_id IS NULL`, [unit]);
    // Everyone who stayed kept their row.
    for (const o of before) expect(after).toContainEqual(o);
    const page = await staff.get<RollExclusiveUnitPageDto>(`/api/units/${unit}/roll/exclusive-units?q=1-102`);
    expect(page.body.items[0]!.owners.map((o) => [o.name, o.isDesignatedVoter])).toEqual([
      ['刘洋', true],
      ['王芳', false],
    ]);
  });

  it('warns, without blocking, when rows without identity number or phone are taken as one owner', async () => {
    const res = await preview(
      'same-name.csv',
      csv([
        COMPOUND_HEADER,
        ['1栋', '1-101', '住宅', '89.56', '不动产登记', '业主', '黄明', '', '', '否', ''],
        ['1栋', '1-102', '住宅', '89.56', '不动产登记', '业主', '黄明', '', '', '否', ''],
        ['1栋', '1-102', '住宅', '89.56', '不动产登记', '租户', '租客甲', '440605197508081350', '', '', ''],
      ]),
    );
    expect(res.body.valid).toBe(true);
    expect(res.body.warnings.map((w) => [w.row, w.code])).toEqual([
      [2, 'SAME_NAME_MERGED'],
      [4, 'TENANT_ID_IGNORED'],
    ]);
    expect(res.body.summary.find((s) => s.kind === 'owner')).toMatchObject({ added: 1 });
  });

  it('round-trips the demo roll of both units: export, then import, changes nothing', async () => {
    const admin = await HttpSession.signedIn(t.baseUrl, '13800000001', DEMO_PASSWORD);
    for (const code of ['nancun', 'yushuian']) {
      const id = await unitId(t.dataSource, code);
      for (const format of ['csv', 'xlsx'] as const) {
        const file = await download(admin, `/api/units/${id}/roll/export?format=${format}`);
        const res = await upload<RollImportPreviewDto>(admin, `/api/units/${id}/roll/imports`, { name: `demo.${format}`, bytes: file.bytes });
        expect([code, format, res.body.valid, res.body.hasChanges, res.body.problems, res.body.warnings]).toEqual([code, format, true, false, [], []]);
        expect(res.body.baseRevision).toBe(1);
      }
    }
  });
});
