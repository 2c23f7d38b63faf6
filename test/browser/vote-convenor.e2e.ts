/**
 * A vote as the convenor and staff of 御水岸 run it, at phone size. The convenor announces a vote
 * in the console: the form asks what the vote decides (Civil Code art. 278's items) and offers
 * only the rule that may decide it, sets the opening after the 15-day notice, asks a reason of
 * substance to open today (「ok」 is refused), and shows the notice, the ballot and the rule in a
 * preview before announcing. The vote then waits: staff of 大圩社区, on a second phone, find the
 * request in their 表决 section and approve it with a note, and only then does the convenor open
 * it; the vote's page shows the reason and the approver. An owner casts online
 * through the API. The convenor issues a paper ballot to the designated co-owner of 2-803 (her
 * husband is refused, with the count's own words) and enters it once, with the scan; entering it
 * a second time himself is refused. A staff member of 大圩社区 — another person, as the API
 * requires for the second entry (any other holder of consultation.manage on the unit) — signs in
 * on a second phone and enters the same reading without being shown the first: the paper counts,
 * and the console's counts and turnout show two participants and their floor area.
 *
 * A second test settles a dispute: the convenor's first reading and the staff member's second
 * differ; the staff member, having entered it, may not settle it; the convenor may, with a note.
 * A proxy without a written authorisation is recorded and refused in the count's own words.
 * A third reissues a spoilt paper with a reason (the old serial void, only the new one on the
 * print sheet) and voids the new one; then records a written proxy, lets the agent vote for the
 * principal, revokes it with a reason, and the agent's next cast is refused while the ballot
 * cast under the proxy still counts and reaches the board.
 * A fourth shows a counted poll: the provisional result with its closing hash, and an objection
 * answered on the 异议 page.
 *
 * The three people sign in once, for all the tests (sign-ins are throttled per address, and the
 * whole browser suite signs in from 127.0.0.1). The votes and their titles are each test's own:
 * the app is shared by the run.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import type { ConsolePage, PersonApi } from './support';
import { apiAs, apiOf, baseUrl, consoleOnPhone, expectNoHorizontalScroll, openWithApproval, STAFF_DAXU } from './support';

/** Convenor of 御水岸 (owners' committee chair). */
const CONVENOR_YUSHUIAN = '13800000006';
/** Owner of two flats, a shop and a parking space in 御水岸: votes online. */
const OWNER_ONLINE = '13800000012';
/** The co-owners of 2-803 (seeded): the wife (苏…) is the designated voter, the husband (林…) is not. */
const CO_OWNED = '2-803';

/** A tiny JPEG (its magic bytes are what the server checks). */
const SCAN_JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);

interface Figures {
  electorate: { persons: number; area: number | null };
  participating: { persons: number; area: number | null };
  ballots: { received: number; online: number; paper: number };
}

/** An owners' vote on 御水岸 (cc278-ordinary, three days) deciding `matter`, announced with a reason to open at once, approved by 大圩社区's staff and opened. */
async function openOwnersVote(convenor: PersonApi, staff: PersonApi, title: string, question: string, reason: string, matter: string): Promise<string> {
  const vote = await convenor.post<{ id: string }>(`/api/units/${convenor.nodeNamed('御水岸', 'convenor')}/votes`, {
    title,
    question,
    ruleSet: 'cc278-ordinary',
    matterKinds: [matter],
    opensAt: new Date().toISOString(),
    closesAt: new Date(Date.now() + 3 * 24 * 3600_000).toISOString(),
    shorteningReason: reason,
  });
  await openWithApproval(convenor, staff, vote.id);
  return vote.id;
}

/** 1/100 m² as the console says it. */
const area = (hundredths: number): string => `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;

const turnoutOf = async (page: Page, voteId: string): Promise<Figures> => {
  const response = await page.request.get(`${baseUrl()}/api/votes/${voteId}/turnout`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { figures: Figures }).figures;
};

test.describe.configure({ mode: 'serial' });

let convenorPhone: ConsolePage;
let staffPhone: ConsolePage;
let owner: PersonApi;

test.beforeAll(async ({ browser }) => {
  // The convenor on one phone, a staff member of 大圩社区 on another, and an owner through the API.
  convenorPhone = await consoleOnPhone(browser, CONVENOR_YUSHUIAN);
  staffPhone = await consoleOnPhone(browser, STAFF_DAXU);
  owner = await apiAs(OWNER_ONLINE);
});

test.afterAll(async () => {
  await owner.api.dispose();
  await staffPhone.context.close();
  await convenorPhone.context.close();
});

test('the convenor says what is decided, previews, and opens early once staff approve; a paper ballot entered by two staff counts beside an online one', async () => {
  test.setTimeout(240_000);
  const title = `更换小区门禁系统 ${Date.now().toString(36)}`;
  const reason = '现有门禁多次故障，派出所消防检查限期整改，业委会决议提前表决';

  // The convenor, on a phone: the console, 御水岸, 表决, 发起表决.
  const { page, problems } = convenorPhone;
  await page.goto(`${baseUrl()}/console`);
  await page.getByRole('link', { name: /御水岸/ }).first().click();
  await page.getByRole('navigation', { name: '栏目' }).getByRole('link', { name: '表决' }).click();
  await expect(page).toHaveURL(/\/console\/nodes\/[\w-]+\/votes$/);
  await expectNoHorizontalScroll(page);
  await page.getByRole('link', { name: '发起表决' }).click();
  await expect(page.getByRole('heading', { name: '发起表决' })).toBeVisible();

  // First what the vote decides: Civil Code art. 278's items for owners, never a cooperative's matters.
  const matters = page.getByRole('group', { name: '本次表决决定的事项' });
  await expect(matters.getByRole('checkbox', { name: /使用建筑物及其附属设施的维修资金/ })).toBeVisible();
  await expect(matters.getByRole('checkbox', { name: /章程/ })).toHaveCount(0);
  await expect(page.getByRole('radio', { name: /业主共同决定/ })).toHaveCount(0);
  // Raising repair funds (item 6): only the three-quarter rule is offered, and the form says why.
  await matters.getByRole('checkbox', { name: /筹集建筑物及其附属设施的维修资金/ }).check();
  await expect(page.getByRole('radio', { name: /业主共同决定筹集维修资金等重大事项/ })).toBeChecked();
  await expect(page.getByRole('radio', { name: /业主共同决定一般事项/ })).toHaveCount(0);
  await expect(page.getByText(/属于民法典第二百七十八条第一款第六项至第八项/)).toBeVisible();
  await expect(page.getByText(/适用于民法典第二百七十八条第一款第六项至第八项：筹集维修资金、改建重建/)).toBeVisible();
  // Using them as well (item 5, an ordinary matter): no rule may decide both in one vote.
  await matters.getByRole('checkbox', { name: /使用建筑物及其附属设施的维修资金/ }).check();
  await expect(page.getByRole('radio')).toHaveCount(2); // named / secret only: no rule set offered
  await expect(page.getByText(/所选事项须按不同的规则或由不同的机构表决/)).toBeVisible();
  await matters.getByRole('checkbox', { name: /使用建筑物及其附属设施的维修资金/ }).uncheck();
  await matters.getByRole('checkbox', { name: /筹集建筑物及其附属设施的维修资金/ }).uncheck();
  // Replacing the access control from common income: item 9, decided by the ordinary rule.
  await matters.getByRole('checkbox', { name: /有关共有和共同管理权利的其他重大事项/ }).check();
  await expect(page.getByRole('radio', { name: /业主共同决定一般事项/ })).toBeChecked();
  await expect(page.getByRole('radio', { name: /成员大会/ })).toHaveCount(0);
  await expectNoHorizontalScroll(page);
  await page.getByLabel('表决标题').fill(title);
  await page.getByLabel('表决事项').fill('是否同意更换小区门禁系统，费用从公共收益中列支？');
  // The notice is explained, and the opening is set after it: 15 days; a week of voting at least.
  await expect(page.getByText(/按规定须提前 15 天公告/)).toBeVisible();
  await expect(page.getByText(/这条规则的表决期至少 7 天/)).toBeVisible();
  // An owners' vote is named: the secret ballot cannot be chosen.
  await expect(page.getByRole('radio', { name: /无记名投票/ })).toBeDisabled();
  // The default opening is after the notice. Opening today asks for a reason, for staff to approve.
  const opensField = page.getByLabel('开始投票', { exact: true });
  const defaultOpening = await opensField.inputValue();
  expect(new Date(`${defaultOpening}:00+08:00`).getTime()).toBeGreaterThan(Date.now() + 15 * 24 * 3600_000);
  const nowInChina = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 16);
  await opensField.fill(nowInChina);
  await page.getByLabel('截止投票').fill(new Date(Date.now() + 8 * 3600_000 + 8 * 24 * 3600_000).toISOString().slice(0, 16));
  await expect(page.getByText('开始时间早于法定公告期满')).toBeVisible();
  // Those who have not voted are reminded three days and one day before closing, unless the convenor says otherwise.
  const reminders = page.getByRole('group', { name: '在什么时候提醒还没投的人' });
  await expect(reminders.getByRole('checkbox', { name: '截止前 72 小时' })).toBeChecked();
  await expect(reminders.getByRole('checkbox', { name: '截止前 24 小时' })).toBeChecked();
  await reminders.getByRole('checkbox', { name: '截止前 2 小时' }).check();
  // The quote the owners decide on goes with the notice: uploaded, titled, never changed afterwards.
  await page.getByLabel('添加材料').setInputFiles({ name: '门禁报价单.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% 门禁系统更换报价 180,000 元\n%%EOF\n', 'utf8') });
  const documentTitle = page.getByLabel('第 1 份材料的标题');
  await expect(documentTitle).toHaveValue('门禁报价单');
  await documentTitle.fill('门禁系统更换报价单（18万元）');
  const reasonField = page.getByLabel('缩短期限的理由');
  await page.getByRole('button', { name: '预览公告和选票' }).click();
  await expect(page.getByText('请写明缩短期限的理由。')).toBeVisible();
  await expect(reasonField).toBeFocused();
  await reasonField.fill('ok');
  await page.getByRole('button', { name: '预览公告和选票' }).click();
  await expect(page.getByText(/理由太短/)).toBeVisible();
  await reasonField.fill(reason);
  await expectNoHorizontalScroll(page);
  await page.getByRole('button', { name: '预览公告和选票' }).click();

  // The preview: the notice, the ballot online and on paper, the rule in words. Nothing is announced yet.
  await expect(page.getByRole('heading', { name: '发布前预览' })).toBeFocused();
  const notice = page.getByRole('article', { name: '公告' });
  await expect(notice).toContainText(title);
  await expect(notice).toContainText('有关共有和共同管理权利的其他重大事项（《民法典》第二百七十八条第一款第（九）项）');
  await expect(notice).toContainText('须经社区或街道工作人员批准后才开始投票');
  await expect(notice).toContainText(reason);
  await expect(notice).toContainText('门禁系统更换报价单（18万元）');
  await expect(page.getByRole('list', { name: '网上选票的选项' }).getByRole('listitem')).toHaveText(['同意', '反对', '弃权']);
  await expect(page.getByRole('list', { name: '纸质表决票的选项' }).getByRole('listitem')).toHaveCount(3);
  await expect(page.getByRole('article', { name: '计票规则' })).toContainText('参与表决的专有部分面积过半数且参与表决人数过半数的业主同意');
  await expectNoHorizontalScroll(page);
  await page.getByRole('button', { name: '返回修改' }).click();
  await expect(page.getByLabel('表决标题')).toHaveValue(title);
  await page.getByRole('button', { name: '预览公告和选票' }).click();
  await page.getByRole('button', { name: '确认发布' }).click();

  // The vote's page: announced, waiting for its approval; it cannot be opened.
  await expect(page).toHaveURL(/\/console\/votes\/[\w-]+$/);
  const voteId = /\/console\/votes\/([\w-]+)$/.exec(page.url())![1]!;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.locator('.page-header')).toContainText('公告中');
  await expect(page.getByText(/法定公告期 15 天/)).toBeVisible();
  await expect(page.getByText('已申请提前开始，等待社区或街道工作人员审批。', { exact: false })).toBeVisible();
  await expect(page.getByRole('button', { name: '立即开始投票' })).toHaveCount(0);
  await expectNoHorizontalScroll(page);
  await expect(page.getByRole('list', { name: '表决材料' }).getByRole('link', { name: /门禁系统更换报价单（18万元）/ })).toBeVisible();
  // The page the owners see lists it too, and it opens as the PDF announced.
  await page.getByRole('link', { name: '居民看到的页面' }).click();
  const documents = page.getByRole('region', { name: '表决材料' });
  const quote = documents.getByRole('link', { name: /门禁系统更换报价单（18万元）/ });
  await expect(quote).toContainText('PDF 文件');
  const pdf = await page.request.get(`${baseUrl()}${await quote.getAttribute('href')}`);
  expect([pdf.status(), pdf.headers()['content-type']]).toEqual([200, 'application/pdf']);
  await expectNoHorizontalScroll(page);
  await page.goBack();
  // The reminders are set, none sent yet; the convenor can still change them.
  await page.getByRole('navigation', { name: '表决栏目' }).getByRole('link', { name: '催投提醒' }).click();
  const reminderList = page.getByRole('region', { name: '催投提醒' });
  await expect(reminderList.getByRole('listitem')).toHaveText([/截止前 72 小时 · .* · 等待发送/, /截止前 24 小时 · .* · 等待发送/, /截止前 2 小时 · .* · 等待发送/]);
  await expectNoHorizontalScroll(page);
  await page.getByRole('navigation', { name: '表决栏目' }).getByRole('link', { name: '概况' }).click();

  // Staff of 大圩社区, on a second phone: the request waits in their 表决 section; they approve it with a note.
  const staffPage = staffPhone.page;
  await staffPage.goto(`${baseUrl()}/console`);
  await staffPage.getByRole('link', { name: /大圩社区/ }).first().click();
  await staffPage.getByRole('navigation', { name: '栏目' }).getByRole('link', { name: '表决' }).click();
  const queue = staffPage.getByRole('region', { name: '待您审批的缩短期限申请' });
  const request = queue.getByRole('listitem').filter({ hasText: title });
  await expect(request).toContainText(reason);
  await expectNoHorizontalScroll(staffPage);
  await request.getByRole('link', { name: '查看并审批' }).click();
  const decision = staffPage.getByRole('region', { name: '审批缩短期限的申请' });
  await expect(decision).toContainText(reason);
  await decision.getByRole('button', { name: '批准', exact: true }).click();
  await expect(decision.getByText('请填写审批意见（至少 2 个字）。')).toBeVisible();
  await expect(decision.getByLabel('审批意见')).toBeFocused();
  await decision.getByLabel('审批意见').fill('已到现场核实门禁故障和整改通知，同意提前');
  await decision.getByRole('button', { name: '批准', exact: true }).click();
  await expect(decision.getByText('已批准。')).toBeVisible();
  await expectNoHorizontalScroll(staffPage);

  // The convenor opens it now (unless the opening job, which runs every 30 s, got there a moment
  // earlier: either way the page then shows it open); the facts say it was shortened, why and who approved.
  await page.reload();
  const opener = page.getByRole('button', { name: '立即开始投票' });
  await expect(page.getByText('已批准提前开始，现在可以开始投票。').or(page.locator('.page-header').filter({ hasText: '投票中' }))).toBeVisible();
  if (await opener.isVisible()) {
    await opener.click();
    await page.getByRole('group', { name: '立即开始投票' }).getByRole('button', { name: '立即开始投票' }).click();
  }
  await expect(page.locator('.page-header')).toContainText('投票中');
  const facts = page.getByRole('region', { name: '表决信息' });
  await expect(facts).toContainText('经批准：公告期未满提前开始投票');
  await expect(facts).toContainText(reason);
  await expect(facts).toContainText(/批准：大圩社区工作人员 大圩社区 叶嘉欣/);
  await expect(page.getByRole('heading', { name: '实时参与情况' })).toBeVisible();
  await expect(page.getByRole('meter', { name: '参与表决的专有部分面积' })).toBeVisible();
  await expect(page.getByRole('meter', { name: '参与表决的业主人数' })).toBeVisible();
  const frozen = await turnoutOf(page, voteId);
  expect(frozen.participating.persons).toBe(0);
  await expect(page.locator('.turnout-figures')).toContainText(`已参与 0 / 共 ${frozen.electorate.persons}`);
  await expect(page.locator('.turnout-figures')).toContainText(`共 ${area(frozen.electorate.area!)} 平方米`);
  await expectNoHorizontalScroll(page);

  // An owner casts online (through the API, with the CSRF token); live turnout follows within seconds.
  const receipt = await owner.post<{ receipt: string }>(`/api/votes/${voteId}/ballots`, { choice: 'approve' });
  expect(receipt.receipt).toMatch(/^b-/);
  const afterOnline = await turnoutOf(page, voteId);
  expect(afterOnline.participating.persons).toBe(1);
  await expect(page.locator('.turnout-figures')).toContainText(`已参与 1 / 共 ${frozen.electorate.persons}`, { timeout: 15_000 });
  await expect(page.locator('.turnout-figures')).toContainText(`已参与 ${area(afterOnline.participating.area!)} / 共`);

  // Paper ballots: the co-owners of 2-803, found by their unit. Only the designated one gets a paper.
  await page.getByRole('navigation', { name: '表决栏目' }).getByRole('link', { name: '纸质选票' }).click();
  await expect(page.getByRole('heading', { name: '纸质选票统计' })).toBeVisible();
  await page.getByLabel('给一位选民发放').fill(CO_OWNED);
  const found = page.getByRole('list', { name: '找到的选民' });
  await expect(found.getByRole('listitem')).toHaveCount(2);
  await found.getByRole('button', { name: /^给林.+发放选票$/ }).click();
  await expect(page.getByText('共有的专有部分只计指定的共有人所投的票')).toBeVisible();
  const herButton = found.getByRole('button', { name: /^给苏.+发放选票$/ });
  const her = /^给(.+)发放选票$/.exec((await herButton.textContent()) ?? '')![1]!;
  await herButton.click();
  await expect(page.getByText(/已发放 1 张，编号 \d+–\d+。/)).toBeVisible();
  await expectNoHorizontalScroll(page);

  // Her paper, with its serial and printed code, in the list of every paper; the print sheet has it too.
  const paperRow = page.locator('.paper-row').filter({ hasText: her });
  await expect(paperRow).toContainText('已发放');
  const serial = /No\.(\d+)/.exec((await paperRow.locator('.paper-row__serial').textContent()) ?? '')![1]!;
  const code = /校验码 ([0-9A-F]{6})/.exec((await paperRow.locator('.paper-row__code').textContent()) ?? '')![1]!;
  // Her printed paper lists the vote's documents with the check code a copy is compared against.
  await page.goto(`${baseUrl()}/console/votes/${voteId}/print`);
  const herSheet = page.getByRole('article', { name: `第 ${serial} 号选票` });
  await expect(herSheet).toContainText('表决材料（在议事的表决页面或社区服务站查阅）');
  await expect(herSheet.locator('.ballot-paper__documents li')).toContainText(['门禁系统更换报价单（18万元）']);
  await expect(herSheet.locator('.ballot-paper__sha code')).toHaveText(/^[0-9a-f]{64}$/);
  await expectNoHorizontalScroll(page);
  await page.goBack();

  // The first entry, with the scan.
  const entry = page.getByRole('form', { name: '录入选票（两人分别录入）' });
  await entry.getByLabel('选票编号').fill(serial);
  await expect(entry.getByText(`${her}（2栋 2-803）的选票。 这是第一遍录入。`)).toBeVisible();
  await entry.getByLabel('校验码').fill(code.toLowerCase());
  await entry.getByRole('radio', { name: '同意' }).check();
  await entry.getByLabel('选票扫描件或照片').setInputFiles({ name: 'paper.jpg', mimeType: 'image/jpeg', buffer: SCAN_JPEG });
  await entry.getByRole('button', { name: '保存录入' }).click();
  await expect(page.getByText(`第 ${serial} 号选票已录入第一遍，请另一位工作人员复核录入。`)).toBeVisible();
  await expect(paperRow).toContainText('已录入一遍，待复核');
  // Nothing of the reading stays on the screen, and the convenor cannot confirm his own entry.
  await expect(entry.getByLabel('选票编号')).toHaveValue('');
  await expect(paperRow).not.toContainText('计入');
  await entry.getByLabel('选票编号').fill(serial);
  await expect(entry.getByText(/这是第二遍录入（复核）/)).toBeVisible();
  await entry.getByLabel('校验码').fill(code);
  await entry.getByRole('radio', { name: '同意' }).check();
  await entry.getByRole('button', { name: '保存录入' }).click();
  await expect(entry.getByRole('alert')).toHaveText('第二遍须由另一位工作人员录入，您已录过第一遍。');
  await expectNoHorizontalScroll(page);
  expect(problems).toEqual([]);

  // A staff member of 大圩社区, signed in on another phone, enters the paper blind.
  const second = staffPhone;
  const staffProblems = staffPhone.problems;
  // The audit trail keeps the request, its reason and the approval: staff read it there.
  const staffApi = await apiOf(second.page);
  const unitId = (await staffApi.get<{ unitId: string }>(`/api/votes/${voteId}`)).unitId;
  const audit = await staffApi.get<{ entries: { after: { voteId: string; reason: string } }[] }>(`/api/nodes/${unitId}/audit?action=vote.shortening_request`);
  expect(audit.entries.find((e) => e.after.voteId === voteId)?.after.reason).toBe(reason);
  await second.page.goto(`${baseUrl()}/console/votes/${voteId}/papers`);
  await expect(second.page.getByRole('heading', { level: 1 })).toHaveText(title);
  const staffRow = second.page.locator('.paper-row').filter({ hasText: her });
  await expect(staffRow).toContainText('已录入一遍，待复核');
  await expect(staffRow).not.toContainText('同意');
  const staffEntry = second.page.getByRole('form', { name: '录入选票（两人分别录入）' });
  await staffEntry.getByLabel('选票编号').fill(serial);
  await expect(staffEntry.getByText(/这是第二遍录入（复核）/)).toBeVisible();
  // The choices are offered unticked: the first reading is not shown.
  await expect(staffEntry.getByRole('radio', { checked: true })).toHaveCount(0);
  await staffEntry.getByLabel('校验码').fill(code);
  await staffEntry.getByRole('radio', { name: '同意' }).check();
  await staffEntry.getByRole('button', { name: '保存录入' }).click();
  await expect(second.page.getByText(new RegExp(`第 ${serial} 号选票两遍一致，已计入。 回执 b-[0-9a-f]+。`))).toBeVisible();
  await expect(staffRow).toContainText('两遍一致，已计入');
  await expect(staffRow).toContainText('计入：同意');
  // The counts of 2栋: one paper issued, back, entered and counted.
  const building2 = second.page.getByRole('list', { name: '各楼栋或户的选票发放、收回和录入数' }).getByRole('listitem').filter({ has: second.page.getByText('2栋', { exact: true }) });
  await expect(building2.locator('dd')).toHaveText([/\d+/, '1', '1', '1', '1', '0']);
  await expect(building2.locator('dt')).toHaveText(['选民', '已发放', '已收回', '已录入', '已计入', '争议']);
  await expectNoHorizontalScroll(second.page);

  // The turnout now counts both: two owners and their floor area, online and on paper.
  const afterPaper = await turnoutOf(second.page, voteId);
  expect(afterPaper.participating.persons).toBe(2);
  expect(afterPaper.ballots).toMatchObject({ received: 2, online: 1, paper: 1 });
  expect(afterPaper.participating.area!).toBeGreaterThan(afterOnline.participating.area!);
  await second.page.getByRole('navigation', { name: '表决栏目' }).getByRole('link', { name: '概况' }).click();
  const figures = second.page.locator('.turnout-figures');
  await expect(figures).toContainText(`已参与 2 / 共 ${frozen.electorate.persons}`);
  await expect(figures).toContainText(`已参与 ${area(afterPaper.participating.area!)} / 共 ${area(frozen.electorate.area!)} 平方米`);
  await expect(figures).toContainText('共 2 张：网上 1，纸质 1，会场 0');
  await expectNoHorizontalScroll(second.page);

  // The convenor's page follows by itself.
  await page.getByRole('navigation', { name: '表决栏目' }).getByRole('link', { name: '概况' }).click();
  await expect(page.locator('.turnout-figures')).toContainText(`已参与 2 / 共 ${frozen.electorate.persons}`, { timeout: 15_000 });
  // Against the threshold of the rule: two thirds of owners and of area must take part.
  await expect(page.getByRole('meter', { name: '参与表决的业主人数' })).toHaveAttribute('aria-valuetext', /%，门槛 2\/3$/);

  expect(problems).toEqual([]);
  expect(staffProblems).toEqual([]);
});

test('two different readings go to the dispute list, which the convenor settles; an unwritten proxy is refused in plain words', async () => {
  test.setTimeout(120_000);
  const title = `外墙维修方案 ${Date.now().toString(36)}`;
  // The convenor announces and opens the vote, issues one paper and enters it once, through the API.
  const { page, problems } = convenorPhone;
  const convenor = await apiOf(page);
  const unitId = convenor.nodeNamed('御水岸', 'convenor');
  const vote = { id: await openOwnersVote(convenor, await apiOf(staffPhone.page), title, '是否同意外墙维修方案？', '外墙瓷砖脱落危及行人安全，须在雨季前尽快表决维修', 'owners-other') };
  const [voter] = await convenor.get<{ voterId: string; name: string }[]>(`/api/votes/${vote.id}/voters?group=${encodeURIComponent('3栋')}&limit=1`);
  const issued = await convenor.post<{ issued: { serial: number; code: string }[] }>(`/api/votes/${vote.id}/papers`, { voterIds: [voter!.voterId] });
  const paper = issued.issued[0]!;
  const first = await page.request.post(`${baseUrl()}/api/votes/${vote.id}/papers/${paper.serial}/entries`, {
    headers: { 'x-csrf-token': convenor.csrf },
    multipart: { choice: 'approve', code: paper.code, file: { name: 'paper.jpg', mimeType: 'image/jpeg', buffer: SCAN_JPEG } },
  });
  expect(first.status()).toBe(200);

  // Staff read the paper differently: it goes to the dispute list, with both readings shown now.
  const staff = staffPhone;
  const staffProblems = staffPhone.problems;
  await staff.page.goto(`${baseUrl()}/console/votes/${vote.id}/papers`);
  const entry = staff.page.getByRole('form', { name: '录入选票（两人分别录入）' });
  await entry.getByLabel('选票编号').fill(String(paper.serial));
  await entry.getByLabel('校验码').fill(paper.code);
  await entry.getByRole('radio', { name: '反对' }).check();
  await entry.getByRole('button', { name: '保存录入' }).click();
  await expect(staff.page.getByText(`第 ${paper.serial} 号选票两遍录入不一致，已列入争议，由第三人或召集人裁定。`)).toBeVisible();
  const disputes = staff.page.getByRole('region', { name: '争议选票（1）' });
  const dispute = disputes.getByRole('listitem').filter({ hasText: voter!.name });
  await expect(dispute).toContainText(/第一遍\s*同意/);
  await expect(dispute).toContainText(/第二遍\s*反对/);
  await expect(dispute).toContainText('两次录入不一致：所选意见');
  // Having entered it, the staff member may not settle it.
  await dispute.getByRole('button', { name: '裁定' }).click();
  await dispute.getByRole('radio', { name: '同意' }).check();
  await dispute.getByLabel('裁定依据').fill('看错了，应为同意');
  await dispute.getByRole('button', { name: '确认裁定' }).click();
  await expect(dispute.getByRole('alert')).toHaveText('争议须由两位录入人以外的第三人或召集人裁定。');
  await expectNoHorizontalScroll(staff.page);
  expect(staffProblems).toEqual([]);

  // The convenor settles it from the scan, with a note; the paper counts.
  await page.goto(`${baseUrl()}/console/votes/${vote.id}/papers`);
  const mine = page.getByRole('region', { name: '争议选票（1）' }).getByRole('listitem').filter({ hasText: voter!.name });
  await expect(mine.getByRole('link', { name: `查看第 ${paper.serial} 号选票扫描件` })).toHaveAttribute('href', `/api/votes/${vote.id}/papers/${paper.serial}/scan`);
  await mine.getByRole('button', { name: '裁定' }).click();
  await mine.getByRole('radio', { name: '同意' }).check();
  await mine.getByLabel('裁定依据').fill('“反对”栏无勾选，“同意”栏勾选清楚');
  await mine.getByRole('button', { name: '确认裁定' }).click();
  await expect(page.getByRole('region', { name: '争议选票（0）' })).toContainText('没有争议选票。');
  const row = page.locator('.paper-row').filter({ hasText: voter!.name });
  await expect(row).toContainText('两遍一致，已计入');
  await expect(row).toContainText('计入：同意');
  await expect(row).toContainText('裁定：“反对”栏无勾选，“同意”栏勾选清楚');
  await expectNoHorizontalScroll(page);

  // A proxy without a written authorisation: recorded, and refused as the count would refuse it.
  await page.getByRole('navigation', { name: '表决栏目' }).getByRole('link', { name: '委托' }).click();
  await expect(page.getByText(/须有签字的书面委托书/)).toBeVisible();
  await page.getByLabel('查找委托人').fill(voter!.name);
  await page.getByRole('button', { name: `委托人：${voter!.name}` }).first().click();
  await page.getByRole('radio', { name: /没有账号的人/ }).check();
  await page.getByLabel('受托人姓名').fill('王建国');
  await page.getByRole('checkbox', { name: /有签字的书面委托书/ }).uncheck();
  await page.getByRole('button', { name: '登记并核对委托' }).click();
  await expect(page.getByText(/已登记，但规则不予认可：王建国 不能代 .+ 投票。/)).toBeVisible();
  const listed = page.getByRole('region', { name: '委托名单（1）' }).getByRole('listitem');
  await expect(listed).toContainText('不予认可');
  await expect(listed).toContainText('原因：委托未采用书面形式');
  await expectNoHorizontalScroll(page);

  // From a consultation's overview, 发起表决 opens the form linked to it, titled after it.
  const consultationTitle = `外墙维修议事 ${Date.now().toString(36)}`;
  const consultation = await convenor.post<{ id: string }>(`/api/nodes/${unitId}/consultations`, { title: consultationTitle, ruleSet: 'cc278-ordinary' });
  await page.goto(`${baseUrl()}/console/consultations/${consultation.id}`);
  await page.getByRole('link', { name: '发起表决', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/console/nodes/${unitId}/votes/new\\?consultation=${consultation.id}`));
  await expect(page.getByText('这项表决将关联到议事：')).toBeVisible();
  await expect(page.getByLabel('表决标题')).toHaveValue(consultationTitle);
  await expectNoHorizontalScroll(page);
  expect(problems).toEqual([]);
});

test('a spoilt paper is reissued and only valid papers print; a revoked proxy stops the agent, and the ballot cast before stands', async () => {
  test.setTimeout(120_000);
  const title = `电梯维修资金使用 ${Date.now().toString(36)}`;
  const { page, problems } = convenorPhone;
  const convenor = await apiOf(page);
  const vote = { id: await openOwnersVote(convenor, await apiOf(staffPhone.page), title, '是否同意使用专项维修资金维修 3 栋电梯？', '3 栋电梯停运，老人上下楼困难，须尽快表决维修', 'repair-fund-use') };
  // Two owners of 3栋: one gets a paper, the other authorises an agent.
  const [holder, principal] = await convenor.get<{ voterId: string; name: string }[]>(`/api/votes/${vote.id}/voters?group=${encodeURIComponent('3栋')}&limit=2`);

  // A paper for the first, issued at the desk.
  await page.goto(`${baseUrl()}/console/votes/${vote.id}/papers`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  // Owners decide by ballots, not by who came to a meeting: no attendance sheet here.
  await expect(page.getByRole('region', { name: '纸质选票统计' })).toBeVisible();
  await expect(page.getByRole('region', { name: '会场签到' })).toHaveCount(0);
  await page.getByLabel('给一位选民发放').fill(holder!.name);
  await page.getByRole('list', { name: '找到的选民' }).getByRole('button', { name: `给${holder!.name}发放选票` }).click();
  const issued = await page.getByText(/已发放 1 张，编号 \d+–\d+。/).textContent();
  const spoilt = Number(/编号 (\d+)–/.exec(issued ?? '')![1]);
  const rowOf = (serial: number) => page.locator('.paper-row').filter({ has: page.locator('.paper-row__serial', { hasText: new RegExp(`^No\\.${serial}$`) }) });
  await expect(rowOf(spoilt)).toContainText('已发放');

  // The owner spoilt it: the convenor reissues it with a reason. The old serial is void, a new one issued.
  await rowOf(spoilt).getByRole('button', { name: '作废并补发' }).click();
  await rowOf(spoilt).getByRole('button', { name: '确认补发' }).click();
  await expect(rowOf(spoilt).getByText('请填写理由（至少 2 个字）。')).toBeVisible();
  await rowOf(spoilt).getByLabel(`补发的理由（第 ${spoilt} 号将作废）`).fill('业主填错，交回原票');
  await rowOf(spoilt).getByRole('button', { name: '确认补发' }).click();
  await expect(rowOf(spoilt).locator('.badge')).toHaveText('已作废');
  await expect(rowOf(spoilt)).toContainText('作废并补发：业主填错，交回原票');
  const reissued = spoilt + 1;
  await expect(rowOf(reissued)).toContainText(holder!.name);
  await expect(rowOf(reissued).locator('.badge')).toHaveText('已发放');
  await expectNoHorizontalScroll(page);

  // Only the valid paper prints: the new serial, on a page of its own; the void one is gone.
  await page.getByRole('link', { name: '打印全部有效选票' }).click();
  await expect(page).toHaveURL(new RegExp(`/console/votes/${vote.id}/print$`));
  await expect(page.getByText('共 1 张选票，每张一页。')).toBeVisible();
  const sheet = page.getByRole('article', { name: `第 ${reissued} 号选票` });
  await expect(sheet).toContainText(title);
  await expect(sheet).toContainText(holder!.name);
  await expect(sheet).toContainText(`No.${reissued}`);
  await expect(page.getByRole('article', { name: `第 ${spoilt} 号选票` })).toHaveCount(0);
  await expectNoHorizontalScroll(page);
  await page.getByRole('link', { name: '返回纸质选票' }).click();

  // The reissued paper is voided too (the owner chose to vote online): nothing is left to enter.
  await rowOf(reissued).getByRole('button', { name: '作废', exact: true }).click();
  await rowOf(reissued).getByLabel(`作废第 ${reissued} 号选票的理由`).fill('业主改为网上投票');
  await rowOf(reissued).getByRole('button', { name: '确认作废' }).click();
  await expect(rowOf(reissued).locator('.badge')).toHaveText('已作废');
  await expect(rowOf(reissued).getByRole('button')).toHaveCount(0);

  // The second owner authorises the online owner in writing; the agent votes for them.
  await page.getByRole('navigation', { name: '表决栏目' }).getByRole('link', { name: '委托' }).click();
  await page.getByLabel('查找委托人').fill(principal!.name);
  await page.getByRole('button', { name: `委托人：${principal!.name}` }).first().click();
  await page.getByRole('radio', { name: /不在名册上、有账号的人/ }).check();
  await page.getByLabel('受托人手机号').fill(OWNER_ONLINE);
  await expect(page.getByRole('checkbox', { name: /有签字的书面委托书/ })).toBeChecked();
  await page.getByLabel('委托书扫描件或照片').setInputFiles({ name: 'authorisation.jpg', mimeType: 'image/jpeg', buffer: SCAN_JPEG });
  await page.getByRole('button', { name: '登记并核对委托' }).click();
  await expect(page.getByText(new RegExp(`已登记：.+ 代 ${principal!.name} 投票。`))).toBeVisible();
  const proxy = page.getByRole('region', { name: '委托名单（1）' }).getByRole('listitem');
  await expect(proxy.locator('.badge')).toHaveText('认可');
  const cast = await owner.post<{ receipt: string; voterId: string }>(`/api/votes/${vote.id}/ballots`, { choice: 'approve', voterId: principal!.voterId });
  expect(cast.voterId).toBe(principal!.voterId);

  // The principal takes the authorisation back: revoked with a reason, the agent can no longer vote for them.
  await proxy.getByRole('button', { name: '撤销委托' }).click();
  await expect(proxy.getByText('撤销后受托人不能再代为投票；已投的票仍然有效。')).toBeVisible();
  await proxy.getByLabel('撤销的理由').fill('委托人本人书面撤回委托');
  await proxy.getByRole('button', { name: '确认撤销' }).click();
  await expect(proxy.locator('.badge')).toHaveText('已撤销');
  await expect(proxy.getByRole('button', { name: '撤销委托' })).toHaveCount(0);
  await expectNoHorizontalScroll(page);
  const refused = await owner.api.post(`/api/votes/${vote.id}/ballots`, {
    data: { choice: 'oppose', voterId: principal!.voterId },
    headers: { 'x-csrf-token': owner.csrf },
  });
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { details: { reason: string } }).details.reason).toBe('not_eligible');
  // The ballot cast while the proxy stood is still the principal's counted ballot, and its
  // receipt reaches the public board once the sealer has chained it (within seconds).
  const figures = await turnoutOf(page, vote.id);
  expect(figures.ballots).toMatchObject({ received: 1, online: 1, paper: 0 });
  await expect.poll(async () => JSON.stringify(await owner.get(`/api/votes/${vote.id}/board`)), { timeout: 15_000 }).toContain(cast.receipt);
  expect(problems).toEqual([]);
});

test('after close the convenor sees the provisional result and answers an objection on a phone', async () => {
  test.setTimeout(120_000);
  const title = `议事会日期征询 ${Date.now().toString(36)}`;
  const { page, problems } = convenorPhone;
  const convenor = await apiOf(page);
  const unitId = convenor.nodeNamed('御水岸', 'convenor');
  // An informal poll (no notice) that closes in a few seconds.
  const vote = await convenor.post<{ id: string }>(`/api/units/${unitId}/votes`, {
    title,
    question: '议事会定在哪天？',
    ruleSet: 'simple-majority',
    matterKinds: ['other'],
    options: [
      { id: 'a', label: '周六上午' },
      { id: 'b', label: '周日下午' },
    ],
    opensAt: new Date().toISOString(),
    closesAt: new Date(Date.now() + 8000).toISOString(),
    objectionDays: 3,
  });
  await convenor.post(`/api/votes/${vote.id}/open`);
  await owner.post(`/api/votes/${vote.id}/ballots`, { choice: 'a' });
  await expect.poll(async () => (await convenor.get<{ status: string }>(`/api/votes/${vote.id}`)).status, { timeout: 60_000, intervals: [1000] }).toBe('closed');
  const objection = '我当天在外地，未能及时看到通知，希望延长投票时间。';
  await owner.post(`/api/votes/${vote.id}/objections`, { body: objection });

  await page.goto(`${baseUrl()}/console/votes/${vote.id}`);
  await expect(page.locator('.page-header')).toContainText('结果公示中');
  const outcome = page.getByRole('region', { name: '表决结果' });
  await expect(outcome.locator('.vote-verdict')).toHaveText('通过');
  await expect(outcome).toContainText(/结果公示中，.+ 前可以提出异议/);
  await expect(outcome.locator('.vote-hash code')).toHaveText(/^[0-9a-f]{64}$/);
  await expect(outcome.getByRole('link', { name: '查看结果公示' })).toHaveAttribute('href', `/votes/${vote.id}/result`);
  // No opening or cancelling once counted.
  await expect(page.getByRole('button', { name: '取消表决' })).toHaveCount(0);
  await expectNoHorizontalScroll(page);

  await page.getByRole('navigation', { name: '表决栏目' }).getByRole('link', { name: '异议' }).click();
  const list = page.getByRole('region', { name: '异议（1）' });
  await expect(list.getByRole('status')).toHaveText(/结果公示中，.+ 前接受异议。/);
  const item = list.getByRole('listitem').filter({ hasText: objection });
  await expect(item).toContainText('待答复');
  await item.getByRole('button', { name: '答复' }).click();
  await item.getByLabel('答复内容').fill('投票时间已在公告中载明，不能延长；您的意见已记录，下次征询将提前通知。');
  await item.getByRole('button', { name: '发送答复' }).click();
  await expect(item).toContainText(/\d{2}:\d{2} 答复/);
  await expect(item).toContainText('投票时间已在公告中载明');
  await expect(item).not.toContainText('待答复');
  await expectNoHorizontalScroll(page);
  expect(problems).toEqual([]);
});
