import ExcelJS from 'exceljs';
import type { TestApp } from '../../test/test-app';
import { startTestApp } from '../../test/test-app';
import { HttpSession } from '../../test/http-session';
import { COOPERATIVE_HEADER, csv, download, unitId, upload } from '../../test/rolls';
import { buildDemoData, DEMO_PASSWORD } from '../seed/demo-data';
import { seedDemoData } from '../seed/seed-demo';
import type { RollExclusiveUnitPageDto, RollHouseholdPageDto, RollImportCommitDto, RollImportPreviewDto, RollRevisionListDto } from './dto/rolls.dto';
import { printLetters } from '../../test/letters';

describe('reading a roll', () => {
  let t: TestApp;
  let staff: HttpSession;
  let coop: string;
  let compound: string;

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.dataSource);
    coop = await unitId(t.dataSource, 'nancun');
    compound = await unitId(t.dataSource, 'yushuian');
    staff = await HttpSession.signedIn(t.baseUrl, '13800000002', DEMO_PASSWORD);
  });
  afterAll(() => t.close());

  it('pages through a cooperative’s households with their members, head first', async () => {
    const first = await staff.get<RollHouseholdPageDto>(`/api/units/${coop}/roll/households?pageSize=15`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ unit: { id: coop, name: '南村经济社', kind: 'cooperative' }, revision: { number: 1, source: 'seed' }, total: 40, page: 1, pageSize: 15 });
    expect(first.body.items.map((h) => h.number).slice(0, 3)).toEqual(['NC-001', 'NC-002', 'NC-003']);
    const last = await staff.get<RollHouseholdPageDto>(`/api/units/${coop}/roll/households?pageSize=15&page=3`);
    expect(last.body.items).toHaveLength(10);
    expect((await staff.get<RollHouseholdPageDto>(`/api/units/${coop}/roll/households?pageSize=15&page=4`)).body.items).toEqual([]);
    for (const h of first.body.items) expect(h.members[0]!.isHouseholdHead).toBe(true);
    const members = first.body.items.flatMap((h) => h.members);
    expect(members.length).toBeGreaterThan(15);
    expect(members.some((m) => !m.fullCapacity)).toBe(true);
  });

  it('finds households by number, member name or phone, and tells who is linked or has a live letter', async () => {
    const demo = buildDemoData();
    const nc007 = demo.cooperative.households[6]!;
    const byNumber = await staff.get<RollHouseholdPageDto>(`/api/units/${coop}/roll/households?q=nc-007`);
    expect(byNumber.body.items.map((h) => h.number)).toEqual(['NC-007']);
    const byPhone = await staff.get<RollHouseholdPageDto>(`/api/units/${coop}/roll/households?q=13800000011`);
    expect(byPhone.body.items.map((h) => h.number)).toEqual(['NC-007']);
    const byName = await staff.get<RollHouseholdPageDto>(`/api/units/${coop}/roll/households?q=${encodeURIComponent(nc007.members[2]!.name)}`);
    expect(byName.body.total).toBe(1);
    const linked = byName.body.items[0]!.members.find((m) => m.phone === '13800000011')!;
    expect(linked).toMatchObject({ linked: true, isHouseholdRepresentative: true, liveInvitation: false });
    // Letters for NC-007: the members of age who are not linked now hold a live code.
    const issued = await staff.post(`/api/units/${coop}/invitations`, { householdId: byName.body.items[0]!.id });
    expect(issued.status).toBe(200);
    const after = await staff.get<RollHouseholdPageDto>(`/api/units/${coop}/roll/households?q=NC-007`);
    const adults = after.body.items[0]!.members.filter((m) => m.fullCapacity && !m.linked);
    expect(adults.length).toBeGreaterThan(0);
    for (const m of adults) expect(m.liveInvitation).toBe(true);
    // Pattern characters are searched for literally.
    expect((await staff.get<RollHouseholdPageDto>(`/api/units/${coop}/roll/households?q=%25`)).body.total).toBe(0);
  });

  it('lists a compound’s units with owners (designated voter first) and tenants, by building or text', async () => {
    const all = await staff.get<RollExclusiveUnitPageDto>(`/api/units/${compound}/roll/exclusive-units?pageSize=5`);
    expect(all.body.total).toBe(buildDemoData().compound.units.length);
    expect(all.body.buildings.map((b) => [b.name, b.exclusiveUnits])).toEqual([
      ['1栋', 94],
      ['2栋', 90],
      ['3栋', 90],
    ]);
    expect(all.body.items.map((u) => u.number)).toEqual(['1-101', '1-102', '1-103', '1-201', '1-202']);
    // Room numbers in the order of their floors (1-201 before 1-1001), not of their characters.
    const building1 = all.body.buildings.find((b) => b.name === '1栋')!;
    const inBuilding1 = await staff.get<RollExclusiveUnitPageDto>(`/api/units/${compound}/roll/exclusive-units?buildingId=${building1.id}&pageSize=100`);
    const byFloor = (n: string): number[] => n.split('-').map(Number);
    const expectedOrder = buildDemoData()
      .compound.units.filter((u) => u.building === '1栋' && u.number.startsWith('1-'))
      .map((u) => u.number)
      .sort((a, b) => byFloor(a)[1]! - byFloor(b)[1]!);
    expect(expectedOrder.indexOf('1-201')).toBeLessThan(expectedOrder.indexOf('1-1001'));
    expect(inBuilding1.body.items.map((u) => u.number).filter((n) => n.startsWith('1-'))).toEqual(expectedOrder);
    const coOwned = await staff.get<RollExclusiveUnitPageDto>(`/api/units/${compound}/roll/exclusive-units?q=2-803`);
    expect(coOwned.body.items).toHaveLength(1);
    expect(coOwned.body.items[0]!.owners.map((o) => [o.isDesignatedVoter, o.linked])).toEqual([
      [true, true],
      [false, false],
    ]);
    const multi = await staff.get<RollExclusiveUnitPageDto>(`/api/units/${compound}/roll/exclusive-units?q=13800000012`);
    expect(multi.body.items.map((u) => u.number)).toEqual(['1-1201', '1-1202', 'S-2', 'P-001']);
    expect(multi.body.items[0]!.owners[0]).toMatchObject({ unitCount: 4, linked: true, kind: 'person' });
    const rented = await staff.get<RollExclusiveUnitPageDto>(`/api/units/${compound}/roll/exclusive-units?q=1-301`);
    expect(rented.body.items[0]!.tenants).toEqual([expect.objectContaining({ phone: '13800000014', linked: true })]);
    const building3 = all.body.buildings.find((b) => b.name === '3栋')!;
    const inBuilding = await staff.get<RollExclusiveUnitPageDto>(`/api/units/${compound}/roll/exclusive-units?buildingId=${building3.id}&pageSize=100`);
    expect(inBuilding.body.total).toBe(90);
    expect(inBuilding.body.items.filter((u) => u.owners[0]!.kind === 'developer')).toHaveLength(6);
    // Each kind of row a search reaches: a building's name, a tenant's name, an owner's name,
    // within one building too; a unit found by several (its number, building, owners' and
    // tenants' phones may all hold a 1) is listed once.
    const byBuilding = await staff.get<RollExclusiveUnitPageDto>(`/api/units/${compound}/roll/exclusive-units?q=${encodeURIComponent('3栋')}&pageSize=100`);
    expect([byBuilding.body.total, byBuilding.body.items.every((u) => u.buildingName === '3栋')]).toEqual([90, true]);
    const tenant = buildDemoData().compound.tenants[3]!;
    const byTenant = await staff.get<RollExclusiveUnitPageDto>(`/api/units/${compound}/roll/exclusive-units?q=${encodeURIComponent(tenant.name)}`);
    expect(byTenant.body.items.map((u) => u.number)).toContain(tenant.unit);
    const developer = await staff.get<RollExclusiveUnitPageDto>(`/api/units/${compound}/roll/exclusive-units?q=${encodeURIComponent('开发有限公司')}&pageSize=100`);
    expect(developer.body.total).toBe(17);
    const developerIn3 = await staff.get<RollExclusiveUnitPageDto>(
      `/api/units/${compound}/roll/exclusive-units?q=${encodeURIComponent('开发有限公司')}&buildingId=${building3.id}&pageSize=100`,
    );
    expect(developerIn3.body.items.map((u) => u.number)).toEqual(['3-2901', '3-2902', '3-2903', '3-3001', '3-3002', '3-3003']);
    const ones = await staff.get<RollExclusiveUnitPageDto>(`/api/units/${compound}/roll/exclusive-units?q=1&pageSize=100`);
    const demo = buildDemoData().compound;
    const holdsOne = (text: string | null | undefined): boolean => (text ?? '').includes('1');
    const expected = demo.units.filter(
      (u) =>
        holdsOne(u.number) ||
        holdsOne(u.building) ||
        demo.owners.some((o) => o.units.some((x) => x.number === u.number) && (holdsOne(o.name) || holdsOne(o.phone))) ||
        demo.tenants.some((t) => t.unit === u.number && (holdsOne(t.name) || holdsOne(t.phone))),
    );
    expect(expected.length).toBeLessThan(all.body.total);
    expect(ones.body.total).toBe(expected.length);
    expect(new Set(ones.body.items.map((u) => u.id)).size).toBe(100);
    const parking = await staff.get<RollExclusiveUnitPageDto>(`/api/units/${compound}/roll/exclusive-units?q=P-0&pageSize=100`);
    expect(parking.body.items.every((u) => u.buildingId === null && u.kind === 'parking')).toBe(true);
    const bad = await staff.get<{ code: string }>(`/api/units/${compound}/roll/exclusive-units?pageSize=500`);
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('lists revisions newest first, and leaves removed people out of letters and in-person links', async () => {
    const file = csv([
      COOPERATIVE_HEADER,
      ['NC-001', '南村1巷1号', '新户主', '1960-01-01', '', '是', '是', '否', ''],
      ['NC-007', '', '离开的人', '1980-01-01', '', '是', '是', '否', ''],
    ]);
    const preview = await upload<RollImportPreviewDto>(staff, `/api/units/${coop}/roll/imports`, { name: 'tiny.csv', bytes: file });
    expect(preview.body.valid).toBe(true);
    expect(preview.body.linkedPeopleRemoved).toBeGreaterThan(0);
    const done = await staff.post<RollImportCommitDto>(`/api/units/${coop}/roll/imports/${preview.body.importId}/commit`);
    expect(done.body.revision).toMatchObject({ number: 2, createdByName: '街道工作人员 陈小红', source: 'import', fileName: 'tiny.csv' });

    const revisions = await staff.get<RollRevisionListDto>(`/api/units/${coop}/roll/revisions?limit=1`);
    expect(revisions.body.items.map((r) => r.number)).toEqual([2]);
    expect(revisions.body.next).toBe(2);
    // The roll page heads its search with the same latest revision, to the millisecond.
    const headed = await staff.get<RollHouseholdPageDto>(`/api/units/${coop}/roll/households?pageSize=1`);
    expect(headed.body.revision).toEqual(revisions.body.items[0]);
    const older = await staff.get<RollRevisionListDto>(`/api/units/${coop}/roll/revisions?before=2`);
    expect(older.body).toMatchObject({ items: [{ number: 1, source: 'seed', summary: { counts: { households: 40 } } }], next: null });

    // Two households left on the current roll; the letters only reach their (unlinked, adult) members.
    const letters = await printLetters(staff, coop, { reissue: true });
    expect(letters.sheets.map((s) => [s.label, s.people.map((p) => p.name)])).toEqual([
      ['NC-001', ['新户主']],
      ['NC-007', ['离开的人']],
    ]);
    const removed = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM member WHERE unit_id = $1 AND removed_revision_id IS NOT NULL LIMIT 1`, [coop]);
    await HttpSession.signedIn(t.baseUrl, '13800000011', DEMO_PASSWORD);
    const link = await staff.post<{ code: string }>(`/api/units/${coop}/links`, { personType: 'member', personId: removed[0]!.id, phone: '13800000011' });
    expect([link.status, link.body.code]).toEqual([404, 'NOT_FOUND']);
    const households = await staff.get<RollHouseholdPageDto>(`/api/units/${coop}/roll/households`);
    expect(households.body.items.map((h) => [h.number, h.members.map((m) => m.name)])).toEqual([
      ['NC-001', ['新户主']],
      ['NC-007', ['离开的人']],
    ]);
  });

  it('hands out an empty template per kind of unit, with notes on each column', async () => {
    const cooperative = await download(staff, `/api/units/${coop}/roll/template?format=csv`);
    expect(cooperative.bytes.toString('utf8')).toBe(`\ufeff${COOPERATIVE_HEADER.join(',')}\r\n`);
    expect(cooperative.headers.get('content-disposition')).toContain(encodeURIComponent('经济社名册模板.csv'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download(staff, `/api/units/${compound}/roll/template`)).bytes as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['小区名册', '填写说明']);
    expect(workbook.worksheets[0]!.getRow(1).values).toEqual([undefined, '楼栋', '房号', '类型', '面积', '面积来源', '身份', '姓名', '身份证号', '手机', '开发商', '指定投票人']);
    expect(workbook.worksheets[0]!.actualRowCount).toBe(1);
    expect(workbook.worksheets[1]!.actualRowCount).toBeGreaterThan(11);
  });
});
